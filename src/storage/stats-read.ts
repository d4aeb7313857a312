/**
 * Reading the collection into the Stats screen's fold (src/domain/stats.ts) a page at a time: every card in
 * key order, then the review logs of the screen's window (the last year, through `by-time`) a week at a
 * time, newest first, so a heavy collection (150k cards, 2M logs) is never held in memory at once and
 * today's and this month's figures are complete long before the year's.
 */
import type { StatsFold } from '../domain/stats';
import type { CardRecord } from '../domain/types';
import { runTransaction, type AppDatabase } from './transaction';

/** Cards per read: enough to be quick, few enough that a page of cards with their text stays small. */
const CARD_PAGE = 2000;
/** Logs are read by spans of `by-time` this long: a week of a heavy learner's reviews is ~15k small logs. */
const LOG_SPAN_MS = 7 * 86_400_000;

/**
 * Adds every card, then every log of the fold's window (`historyStart` to `historyEnd`), newest first, to
 * `fold`. After each span of logs, `onProgress` gets the epoch ms from which on every log has been added.
 * Each page is its own read-only transaction, so writes (a grade in another tab) are never held up long.
 */
export async function readIntoStatsFold(
  db: AppDatabase,
  fold: StatsFold,
  onProgress: (logsFrom: number) => void = () => undefined,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const cards: CardRecord[] = await runTransaction(db, ['cards'], 'readonly', (tx) =>
      tx.objectStore('cards').getAll(from === null ? null : IDBKeyRange.lowerBound(from, true), CARD_PAGE),
    );
    for (const card of cards) fold.addCard(card);
    const last = cards.at(-1)?.id;
    if (cards.length < CARD_PAGE || last === undefined) break;
    after = last;
  }
  for (let end = fold.historyEnd; end > fold.historyStart; end -= LOG_SPAN_MS) {
    const start = Math.max(fold.historyStart, end - LOG_SPAN_MS);
    const logs = await runTransaction(db, ['review-logs'], 'readonly', (tx) =>
      tx
        .objectStore('review-logs')
        .index('by-time')
        .getAll(IDBKeyRange.bound(start, end, false, true)),
    );
    for (const log of logs) fold.addLog(log);
    onProgress(start);
  }
}
