/**
 * The WebKit tests' world: Xvfb on a free display, WebKitGTK's WebDriver (which starts MiniBrowser for each
 * session) on a free port in 4290-4299, and `vite preview` of the production build on WEBKIT_PORT (4280).
 * The build is reused when E2E_SKIP_BUILD=1 (as `npm test` does after the Chromium suite built it).
 * Teardown stops each process by its own PID, the driver with its whole process group.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startPreview } from '../e2e/server';
import { freePort, startWebKitDriver, startXvfb, WEBKIT_PORTS, type ChildService } from './processes';

export default async function setup(project: TestProject) {
  const started: ChildService[] = [];
  const teardown = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  try {
    if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync('dist/index.html')) {
      // vitest sets NODE_ENV=test, which would make the build bundle Solid's development runtime.
      execSync('npm run build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    }
    const xvfb = await startXvfb();
    started.push(xvfb);
    const driverPort = Number(process.env.WEBKIT_DRIVER_PORT ?? (await freePort(...WEBKIT_PORTS.driver)));
    started.push(await startWebKitDriver(xvfb.display, driverPort));
    const server = await startPreview('dist', Number(process.env.WEBKIT_PORT ?? WEBKIT_PORTS.preview));
    started.push(server);
    project.provide('webkitBaseUrl', server.url);
    project.provide('webkitDriverPort', driverPort);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webkitBaseUrl: string;
    webkitDriverPort: number;
  }
}
