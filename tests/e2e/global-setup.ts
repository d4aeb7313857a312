/**
 * Builds the production app once and serves it with `vite preview` for the browser tests.
 * The server is started as `node node_modules/vite/bin/vite.js` so it can be stopped by its own PID.
 */
import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startPreview } from './server';

export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1')
    // vitest sets NODE_ENV=test, which would make the build bundle Solid's development runtime.
    execSync('npm run build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const server = await startPreview('dist', Number(process.env.E2E_PORT ?? 4180));
  project.provide('baseUrl', server.url);
  return async () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
