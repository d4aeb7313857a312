/**
 * Launching Debian's Chromium through playwright-core, with a phone viewport (390x844, touch), and reading
 * the app's IndexedDB from the page as the stored truth.
 */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

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
  return page.evaluate(async (name) => {
    const request = <R>(req: IDBRequest<R>) =>
      new Promise<R>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    let live = 'sarcomet';
    // Opening the pointer database when it does not exist would create it empty and break the app's own open.
    if ((await indexedDB.databases()).some((info) => info.name === 'sarcomet-pointer')) {
      const pointer = await request(indexedDB.open('sarcomet-pointer'));
      if (pointer.objectStoreNames.contains('pointer')) {
        const value = (await request(pointer.transaction('pointer').objectStore('pointer').get('live'))) as
          { live: string } | undefined;
        if (value) live = value.live;
      }
      pointer.close();
    }
    const db = await request(indexedDB.open(live));
    const records = await request(db.transaction(name, 'readonly').objectStore(name).getAll());
    db.close();
    return records as T[];
  }, store);
}
