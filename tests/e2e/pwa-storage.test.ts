/**
 * Keeping the collection: persistent storage is requested once after the first review; Settings shows
 * persistence, usage and the eviction risk; IndexedDB failures (unavailable, quota) reach the user as clear
 * messages; and studying continues after the browser closed the database connection.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/types';
import { STORAGE_MESSAGES } from '../../src/storage/errors';
import { baseUrl, launch, phoneContext, readStore, watchErrors, IPHONE_SAFARI } from './browser';
import { answer } from './actions';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Replaces navigator.storage.persist/persisted with a fake that counts calls and answers `grant`. */
async function fakePersist(context: BrowserContext, grant: boolean) {
  await context.addInitScript((granted: boolean) => {
    const w = window as unknown as { __persistCalls: number };
    w.__persistCalls = 0;
    let persisted = false;
    const storage = navigator.storage;
    storage.persist = async () => {
      w.__persistCalls++;
      persisted = granted;
      return granted;
    };
    storage.persisted = async () => persisted;
  }, grant);
}

const persistCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls);

describe('storage', () => {
  it('asks for persistent storage once, after the first review, and Settings shows it was granted', async () => {
    const context = await phoneContext(browser);
    await fakePersist(context, true);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/study`);
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    expect(await persistCalls(page)).toBe(0);
    await answer(page, 'Good');
    await expect.poll(() => persistCalls(page)).toBe(1);
    await answer(page, 'Easy');
    await answer(page, 'Again');
    expect(await persistCalls(page)).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('sarcomet.persist-requested'))).toBe('granted');

    await page.getByRole('link', { name: 'Settings' }).tap();
    const storage = page.locator('.storage-status');
    await expect.poll(() => storage.innerText()).toMatch(/Persistent storage\s*Yes/);
    expect(await storage.innerText()).toMatch(
      /Used\s*\d+(\.\d)? (B|KB|MB)( of \d+(\.\d)? (KB|MB|GB|TB) available)?/,
    );
    expect(await storage.getByRole('note').count()).toBe(0);
    await context.close();
  });

  it('warns when the browser declined, and the user can ask again from Settings', async () => {
    const context = await phoneContext(browser);
    await fakePersist(context, false);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/study`);
    await answer(page, 'Good');
    await expect.poll(() => persistCalls(page)).toBe(1);
    // A new page load does not ask again.
    await page.reload();
    await answer(page, 'Good');
    expect(await persistCalls(page)).toBe(0);

    await page.getByRole('link', { name: 'Settings' }).tap();
    const storage = page.locator('.storage-status');
    await expect.poll(() => storage.innerText()).toMatch(/Persistent storage\s*No/);
    await expect.poll(() => storage.getByRole('note').innerText()).toMatch(/did not agree to keep your data/);
    await page.getByRole('button', { name: 'Ask the browser to keep my data' }).tap();
    await expect.poll(() => persistCalls(page)).toBe(1);
    await context.close();
  });

  it('warns Safari users before they add the app to the Home Screen', async () => {
    const context = await phoneContext(browser, { userAgent: IPHONE_SAFARI });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/settings`);
    await expect
      .poll(() => page.locator('.storage-status').getByRole('note').innerText())
      .toMatch(/Safari may delete .* Add SarcoMet to your Home Screen/);
    await context.close();
  });

  it('says clearly when IndexedDB is not available', async () => {
    const context = await phoneContext(browser);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByRole('alert').filter({ hasText: STORAGE_MESSAGES.unavailable }).waitFor();
    expect(await page.getByRole('heading', { name: 'Your decks could not be loaded' }).count()).toBe(1);
    // Other screens show it too (the app-level banner).
    await page.goto(`${baseUrl()}#/study`);
    await page.getByRole('alert').filter({ hasText: STORAGE_MESSAGES.unavailable }).waitFor();
    await context.close();
  });

  it('keeps the card on screen with the quota message when the disk is full, and saves once there is room', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/study`);
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    const front = await page.locator('#card-front').innerText();
    await page.evaluate(() => {
      const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
      w.__put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: /^Good/ }).tap();
    await page.getByRole('alert').filter({ hasText: STORAGE_MESSAGES.quota }).waitFor();
    expect(await page.locator('#card-front').innerText()).toBe(front);
    expect(await readStore(page, 'review-logs')).toHaveLength(0);

    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (
        window as unknown as { __put: typeof IDBObjectStore.prototype.put }
      ).__put;
    });
    await page.getByRole('button', { name: /^Good/ }).tap();
    await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: STORAGE_MESSAGES.quota }).count()).toBe(0);
    await context.close();
  });

  it('keeps studying after the browser closed the database connection', async () => {
    const context = await phoneContext(browser);
    // Keep a handle on every connection the app opens, to close it as the browser would.
    await context.addInitScript(() => {
      const w = window as unknown as { __dbs: IDBDatabase[] };
      w.__dbs = [];
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (...args: Parameters<IDBFactory['open']>) {
        const request = open.apply(this, args);
        request.addEventListener('success', () => w.__dbs.push(request.result));
        return request;
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}#/study`);
    await answer(page, 'Good');
    const closed = await page.evaluate(() => {
      const dbs = (window as unknown as { __dbs: IDBDatabase[] }).__dbs;
      for (const db of dbs) db.close();
      return dbs.length;
    });
    expect(closed).toBeGreaterThan(0);
    await answer(page, 'Easy');
    await answer(page, 'Again');
    const logs = await readStore<ReviewLogRecord>(page, 'review-logs');
    expect(logs.map((l) => l.grade).sort()).toEqual([1, 3, 4]);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
