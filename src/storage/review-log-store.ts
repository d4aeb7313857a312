/** Reading review logs (they are written by study-store's `commitGrade` and removed by its undo). */
import type { ReviewLogRecord } from '../domain/types';
import { runTransaction, type AppDatabase } from './transaction';

/** Reviews at or after `since` (epoch ms), oldest first: today's counts, statistics. */
export async function logsSince(db: AppDatabase, since: number): Promise<ReviewLogRecord[]> {
  return runTransaction(db, ['review-logs'], 'readonly', (tx) =>
    tx.objectStore('review-logs').index('by-time').getAll(IDBKeyRange.lowerBound(since)),
  );
}

/** The review history of one card, oldest first. */
export async function logsOfCard(db: AppDatabase, cardId: string): Promise<ReviewLogRecord[]> {
  const logs = await runTransaction(db, ['review-logs'], 'readonly', (tx) =>
    tx.objectStore('review-logs').index('by-card').getAll(cardId),
  );
  // `by-card` orders a card's logs by log id (a UUID), not by time.
  return logs.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many reviews are stored. */
export async function countLogs(db: AppDatabase): Promise<number> {
  return runTransaction(db, ['review-logs'], 'readonly', (tx) => tx.objectStore('review-logs').count());
}

/** Whether any review is stored; reads one key, whatever the number of logs. */
export async function hasReviewLogs(db: AppDatabase): Promise<boolean> {
  const keys = await runTransaction(db, ['review-logs'], 'readonly', (tx) =>
    tx.objectStore('review-logs').getAllKeys(undefined, 1),
  );
  return keys.length > 0;
}
