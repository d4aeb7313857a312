/**
 * When the app cannot open its data, nothing is trapped (issue 7, point 9): the error screen's
 * "Export raw data" saves every stored record as a JSON file.
 */
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phoneContext } from './browser';
import { answer } from './actions';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('recovery', () => {
  it('exports the raw data from the error screen when the database cannot be opened', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/study`);
    const front = await answer(page, 'Good');

    // A database version this code does not know (as after a downgrade) makes the app unable to open it.
    await page.goto(`${baseUrl()}icons/icon.svg`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sarcomet', 99);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Your decks could not be loaded' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export raw data' }).tap();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sarcomet-raw-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
      version: number;
      stores: Record<string, { key: string; value: { front?: string; cardId?: string } }[]>;
    };
    expect(data.version).toBe(99);
    expect(data.stores['review-logs']).toHaveLength(1);
    const cardId = data.stores['review-logs']![0]!.value.cardId;
    expect(data.stores.cards!.find((c) => c.key === cardId)?.value.front).toBe(front);
    await page.getByRole('status').filter({ hasText: 'Saved sarcomet-raw-data' }).waitFor();
    await context.close();
  });
});
