/**
 * Launching Debian's Chromium through playwright-core, with a phone viewport (390x844, touch), and reading
 * the app's IndexedDB from the page as the stored truth.
 */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { readLiveStore } from './live-store';

export { CHROMIUM, IPHONE_SAFARI, launch, PHONE, phoneContext } from './browser-launch';

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Collects page errors and console errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Reads every record of an object store of the app's live database (after a restore that is the database
 * the `sarcomet-pointer` database names), from inside the page.
 */
export async function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return (await page.evaluate(readLiveStore, store)) as T[];
}
