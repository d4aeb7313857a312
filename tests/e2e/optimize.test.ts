/**
 * Settings → FSRS parameters → Optimize, at phone size on the production build: with a year of reviews in
 * the collection (drawn from an FSRS learner with known, non-default weights), the optimizer runs in its
 * worker with a progress bar, shows the log loss and RMSE of the current and the new weights, and "Apply"
 * stores the new weights and replays every card, after which "Check collection" finds every card sound.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIndexKeys } from '../../src/domain/card-record';
import { makeReviewLog } from '../../src/domain/review-log';
import { makeScheduler, newFsrsCard } from '../../src/domain/scheduler';
import {
  DEFAULT_SETTINGS,
  type CardRecord,
  type ReviewLogRecord,
  type Settings,
} from '../../src/domain/types';
import { simulateCards } from '../fixtures/synthetic-reviews';
import { violations } from './axe';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

const DAY = 86_400_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Gives the first 300 cards a year of synthetic reviews, graded through the app's own scheduler (default
 * settings, the browser's zone UTC), so the collection is exactly what studying would have stored.
 */
function studied(cards: CardRecord[], now: number): { cards: CardRecord[]; logs: ReviewLogRecord[] } {
  const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' });
  const histories = simulateCards({ cards: 300, days: 365, seed: 11 });
  const start = now - 366 * DAY;
  const out: CardRecord[] = [];
  const logs: ReviewLogRecord[] = [];
  for (const [i, reviews] of histories.entries()) {
    const original = cards[i];
    if (!original) break;
    let card: CardRecord = { ...original, fsrs: newFsrsCard(new Date(start)) };
    let minute = 0;
    for (const [n, review] of reviews.entries()) {
      minute = review.days === 0 && n > 0 ? minute + 10 : 0;
      const at = new Date(start + review.day * DAY + 10 * 3_600_000 + minute * 60_000);
      logs.push(makeReviewLog(card, review.grade, at, `seed-${card.id}-${n}`));
      card = withIndexKeys({ ...card, fsrs: scheduler.gradeCard(card, review.grade, at).fsrs });
    }
    out.push(card);
  }
  return { cards: out, logs };
}

async function seed(page: Page, cards: CardRecord[], logs: ReviewLogRecord[]): Promise<void> {
  await page.evaluate(
    ([cards, logs]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sarcomet');
        open.onsuccess = () => {
          const tx = open.result.transaction(['cards', 'review-logs'], 'readwrite');
          for (const card of cards) tx.objectStore('cards').put(card);
          for (const log of logs) tx.objectStore('review-logs').put(log);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [cards, logs] as const,
  );
}

describe('optimize', () => {
  it('fits the weights to the learner’s reviews, shows before and after, and applies them with a replay', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    // A first visit imports the built-in decks in a worker, after Home has listed them.
    await expect
      .poll(async () => (await readStore(page, 'cards')).length, { timeout: 30_000 })
      .toBeGreaterThan(300);
    const all = (await readStore<CardRecord>(page, 'cards')).sort((a, b) => (a.id < b.id ? -1 : 1));
    const { cards, logs } = studied(all, Date.now());
    expect(logs.length).toBeGreaterThan(1000);
    await seed(page, cards, logs);
    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).tap();

    const section = page.getByRole('region', { name: 'FSRS parameters' });
    await section.getByText(`${logs.length.toLocaleString('en-US')} reviews in total`).waitFor();
    await section.getByText('Optimizing again is suggested').waitFor();

    await section.getByRole('button', { name: 'Optimize' }).tap();
    await section.getByRole('progressbar', { name: 'Optimization progress' }).waitFor();
    await section
      .getByRole('status')
      .filter({ hasText: 'The new parameters predict your reviews better than the current ones.' })
      .waitFor({ timeout: 120_000 });
    await expect.poll(() => section.getByRole('progressbar').count()).toBe(0);

    const figures = section.getByRole('table');
    const row = async (name: string) =>
      (
        await figures
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .getByRole('cell')
          .allInnerTexts()
      ).map((text) => Number.parseFloat(text));
    const [lossBefore, lossAfter] = await row('Log loss');
    const [rmseBefore, rmseAfter] = await row('RMSE');
    expect(lossAfter).toBeLessThan(lossBefore!);
    expect(rmseAfter).toBeGreaterThan(0);
    expect(rmseBefore).toBeGreaterThan(0);
    expect(await violations(page, 'settings, optimized (light)')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page, 'settings, optimized (dark)')).toEqual([]);

    await section.getByRole('checkbox', { name: 'Reschedule due dates' }).tap();
    await section.getByRole('button', { name: 'Apply new parameters' }).tap();
    await section
      .getByRole('status')
      .filter({ hasText: /New parameters applied\. [\d,]+ cards were replayed with them and rescheduled\./ })
      .waitFor({ timeout: 60_000 });

    const [settings] = await readStore<Settings>(page, 'settings');
    expect(settings?.parameters).toHaveLength(21);
    const after = new Map((await readStore<CardRecord>(page, 'cards')).map((card) => [card.id, card]));
    const changed = cards.filter((card) => after.get(card.id)!.fsrs.stability !== card.fsrs.stability);
    expect(changed.length).toBeGreaterThan(cards.length / 2);
    expect((await readStore(page, 'meta')).length).toBeGreaterThan(0);

    // Every card is now what its reviews give under the new weights.
    await page.getByRole('button', { name: 'Check collection' }).tap();
    await page
      .getByRole('status')
      .filter({
        hasText: `No problems found: ${all.length} cards and ${logs.length.toLocaleString('en-US')} reviews checked.`,
      })
      .waitFor({ timeout: 60_000 });
    await section.getByText('You are using your own parameters.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
