/**
 * Writing records into the app's IndexedDB behind its back, in WebKit: a year of synthetic reviews for the
 * Optimize test (the same ones tests/e2e/seed-reviews.ts gives Chromium), or a card changed as years of
 * study would have left it. WebDriver sends arguments as JSON, so the card's `Date`s are revived in the page.
 */
import { studied } from '../e2e/seed-reviews';
import type { CardRecord, ReviewLogRecord } from '../../src/domain/types';
import { readStore, TIMEOUT, type Browser } from './webkit';

/** Puts `cards` and `logs` into the app's database in one transaction (the first visit's database). */
export async function putRecords(
  browser: Browser,
  cards: CardRecord[],
  logs: ReviewLogRecord[] = [],
): Promise<void> {
  const error = await browser.executeAsync(
    (cards: CardRecord[], logs: ReviewLogRecord[], done: (error: string | null) => void) => {
      const open = indexedDB.open('sarcomet');
      open.onsuccess = () => {
        const tx = open.result.transaction(['cards', 'review-logs'], 'readwrite');
        for (const card of cards) {
          const fsrs = { ...card.fsrs, due: new Date(card.fsrs.due) };
          if (card.fsrs.last_review !== undefined) fsrs.last_review = new Date(card.fsrs.last_review);
          tx.objectStore('cards').put({ ...card, fsrs });
        }
        for (const log of logs) tx.objectStore('review-logs').put(log);
        tx.oncomplete = () => {
          open.result.close();
          done(null);
        };
        tx.onerror = () => done(String(tx.error));
      };
      open.onerror = () => done(String(open.error));
    },
    cards,
    logs,
  );
  if (error) throw new Error(`seeding IndexedDB failed: ${error}`);
}

/** Waits until the first visit's import of the built-in decks has stored more than `count` cards. */
export async function waitForCards(browser: Browser, count: number): Promise<CardRecord[]> {
  let cards: CardRecord[] = [];
  await browser.waitUntil(
    async () => (cards = await readStore<CardRecord>(browser, 'cards')).length > count,
    {
      timeout: TIMEOUT,
      interval: 250,
      timeoutMsg: `the built-in decks did not store more than ${count} cards`,
    },
  );
  return cards;
}

/**
 * On the app after its first visit: gives the first 300 cards (by id) a year of synthetic reviews and
 * reloads. Returns every card as it was, and the studied cards and logs written.
 */
export async function seedYearOfReviews(
  browser: Browser,
): Promise<{ all: CardRecord[]; cards: CardRecord[]; logs: ReviewLogRecord[] }> {
  const all = (await waitForCards(browser, 300)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const { cards, logs } = studied(all, Date.now());
  await putRecords(browser, cards, logs);
  await browser.refresh();
  return { all, cards, logs };
}
