/**
 * Two versions of the app for the update tests (Chromium and WebKit): the same code built into separate
 * folders with different SARCOMET_BUILD_IDs, so the service worker sees a new version.
 */
import { execSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

/** Builds the app into `outDir` as version `id` (the deck files are generated first if missing). */
export function buildVersion(outDir: string, id: string): void {
  if (!existsSync('public/decks/index.json')) execSync('npm run decks', { stdio: 'inherit' });
  execSync(`node node_modules/vite/bin/vite.js build --outDir ${outDir} --emptyOutDir --logLevel warn`, {
    stdio: 'inherit',
    // NODE_ENV=test (set by vitest) would bundle Solid's development runtime.
    env: { ...process.env, NODE_ENV: 'production', SARCOMET_BUILD_ID: id },
  });
}

export function removeBuilds(...outDirs: string[]): void {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
}
