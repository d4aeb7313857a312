/**
 * A year of reviews in the app's collection, for the Optimize test and screenshots: synthetic reviews drawn
 * from an FSRS learner with known weights (tests/fixtures/synthetic-reviews.ts), graded through the app's
 * own scheduler and written straight into IndexedDB.
 */
import type { Page } from 'playwright-core';
import { withIndexKeys } from '../../src/domain/card-record';
import { makeReviewLog } from '../../src/domain/review-log';
import { makeScheduler, newFsrsCard } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { simulateCards } from '../fixtures/synthetic-reviews';
import { readStore } from './browser';

const DAY = 86_400_000;

/**
 * Gives the first 300 cards a year of synthetic reviews, graded through the app's own scheduler (default
 * settings, the browser's zone UTC), so the collection is exactly what studying would have stored.
 */
export function studied(cards: CardRecord[], now: number): { cards: CardRecord[]; logs: ReviewLogRecord[] } {
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

export async function seed(page: Page, cards: CardRecord[], logs: ReviewLogRecord[]): Promise<void> {
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

/**
 * On a page showing the app after its first visit: waits for the built-in decks, gives the first 300 cards
 * a year of reviews, and reloads. Returns every card as it was, and the studied cards and logs written.
 */
export async function seedReviews(
  page: Page,
): Promise<{ all: CardRecord[]; cards: CardRecord[]; logs: ReviewLogRecord[] }> {
  // A first visit imports the built-in decks in a worker, after Home has listed them. (No vitest here: the
  // screenshot script uses this too.)
  const deadline = Date.now() + 30_000;
  while ((await readStore(page, 'cards')).length <= 300) {
    if (Date.now() > deadline) throw new Error('The built-in decks were not imported within 30 s.');
    await page.waitForTimeout(200);
  }
  const all = (await readStore<CardRecord>(page, 'cards')).sort((a, b) => (a.id < b.id ? -1 : 1));
  const { cards, logs } = studied(all, Date.now());
  await seed(page, cards, logs);
  await page.reload();
  return { all, cards, logs };
}
