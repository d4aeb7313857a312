/**
 * Settings → Check collection: replays every card's reviews, as Anki's Check Database does, names a card
 * whose stored schedule differs, and repairs it from its reviews.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRecord } from '../../src/domain/types';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';
import { answer } from './actions';
import { violations } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('check collection', () => {
  for (const scheme of ['light', 'dark'] as const)
    it(`finds no problem after studying, names a card whose schedule was damaged, and repairs it (${scheme})`, async () => {
      const context = await phoneContext(browser, { colorScheme: scheme });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${baseUrl()}#/study`);
      for (const grade of ['Good', 'Again', 'Easy'] as const) await answer(page, grade);
      const cards = await readStore<CardRecord>(page, 'cards');

      await page.getByRole('link', { name: 'Settings' }).tap();
      await page.getByRole('button', { name: 'Check collection' }).tap();
      await page
        .getByRole('status')
        .filter({ hasText: `No problems found: ${cards.length} cards and 3 reviews checked.` })
        .waitFor();

      // Damage one studied card's schedule behind the app's back.
      const studied = cards.find((c) => c.fsrs.reps > 0)!;
      await page.evaluate(
        (id) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('sarcomet');
            open.onsuccess = () => {
              const tx = open.result.transaction('cards', 'readwrite');
              const store = tx.objectStore('cards');
              const get = store.get(id);
              get.onsuccess = () => store.put({ ...get.result, fsrs: { ...get.result.fsrs, reps: 7 } });
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        studied.id,
      );
      await page.getByRole('button', { name: 'Check collection' }).tap();
      await page
        .getByRole('status')
        .filter({ hasText: '1 card differs from the replay of its reviews' })
        .waitFor();
      await expect
        .poll(() => page.locator('.check-problems li').allInnerTexts())
        .toEqual([`${studied.front}: its scheduling state differs from the replay of its reviews`]);

      expect(await violations(page, `check collection, a problem found (${scheme})`)).toEqual([]);

      // Repaired from its reviews: the card is back to what they give, and a new check finds nothing.
      await page.getByRole('button', { name: 'Repair from the reviews' }).tap();
      await page.getByRole('status').filter({ hasText: 'Repaired 1 card from its reviews.' }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `No problems found: ${cards.length} cards and 3 reviews checked.` })
        .waitFor();
      const repaired = (await readStore<CardRecord>(page, 'cards')).find((c) => c.id === studied.id);
      expect(repaired).toEqual(studied);
      expect(await page.getByRole('button', { name: 'Repair from the reviews' }).count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
});
