/**
 * Reading the collection a batch at a time for a check: cards in id order, each batch with the review logs
 * of the same id range (`by-card`), so a check of a heavy collection never holds it all in memory.
 */
import type { IDBPTransaction } from 'idb';
import type { CardRecord, ReviewLogRecord } from '../domain/types';
import type { AppDB } from './schema';
import { runTransaction, type AppDatabase } from './transaction';

export interface CardBatch {
  cards: CardRecord[];
  /** The logs whose card id falls in the batch's id range, those of removed cards included. */
  logs: ReviewLogRecord[];
}

/**
 * Calls `visit` with every batch of up to `size` cards and their logs, in card id order. The id ranges of
 * the batches cover every id, so each log is in exactly one batch.
 */
export async function forEachCardBatch(
  db: AppDatabase,
  size: number,
  visit: (batch: CardBatch) => void | Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const batch: CardBatch & { last: string | null } = await runTransaction(
      db,
      ['cards', 'review-logs'],
      'readonly',
      (tx) => readCardBatch(tx, from, size),
    );
    await visit({ cards: batch.cards, logs: batch.logs });
    if (batch.last === null) return;
    after = batch.last;
  }
}

/** A transaction that can read cards and review logs: readonly for a check, readwrite for a rescheduling. */
export type CardsAndLogs = IDBPTransaction<AppDB, ['cards', 'review-logs'], IDBTransactionMode>;

/**
 * Reads, inside `tx`, up to `size` cards with ids after `from` (null: from the first) and the logs of their
 * id range. `last` is the id to continue after, or null when this was the final batch.
 */
export async function readCardBatch(
  tx: CardsAndLogs,
  from: string | null,
  size: number,
): Promise<CardBatch & { last: string | null }> {
  const cards = await tx
    .objectStore('cards')
    .getAll(from === null ? null : IDBKeyRange.lowerBound(from, true), size);
  const last = cards.at(-1)?.id;
  // The last batch's range is open-ended, so logs of removed cards after the last card are read too.
  const final = cards.length < size || last === undefined;
  const range =
    from === null
      ? final
        ? null
        : IDBKeyRange.upperBound(last)
      : final
        ? IDBKeyRange.lowerBound(from, true)
        : IDBKeyRange.bound(from, last, true, false);
  const logs = await tx.objectStore('review-logs').index('by-card').getAll(range);
  return { cards, logs, last: final ? null : last };
}
