/**
 * Reading the collection a batch at a time for a check: cards in id order, each batch with the review logs
 * of the same id range (`by-card`), so a check of a heavy collection never holds it all in memory.
 */
import type { IDBPTransaction } from 'idb';
import { sameSchedule, withIndexKeys } from '../domain/card-record';
import type { CardRecord, FsrsCard, ReviewLogRecord } from '../domain/types';
import type { Replay } from '../domain/verify';
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

/** One card to repair, as the check saw it. */
export interface RepairRequest {
  cardId: string;
  /** The card's scheduling state when it was checked; a card changed since is left alone. */
  checked?: FsrsCard;
}

/**
 * Repairs cards from their review logs in ONE readwrite transaction: for each card that still holds the
 * state it was checked with, `replay` rebuilds its schedule and its logs' states before (`replayReviews`),
 * and both are written. A card with no logs, or changed since the check, is skipped. Resolves with the ids
 * of the cards repaired; on any failure nothing is written.
 */
export async function repairCards(
  db: AppDatabase,
  requests: readonly RepairRequest[],
  replay: (card: CardRecord, logs: ReviewLogRecord[]) => Replay | null,
): Promise<string[]> {
  return runTransaction(db, ['cards', 'review-logs'], 'readwrite', async (tx) => {
    const cards = tx.objectStore('cards');
    const logs = tx.objectStore('review-logs');
    const repaired: string[] = [];
    for (const request of requests) {
      const [card, history] = await Promise.all([
        cards.get(request.cardId),
        logs.index('by-card').getAll(request.cardId),
      ]);
      if (!card || (request.checked && !sameSchedule(card.fsrs, request.checked))) continue;
      const result = replay(card, history);
      if (!result) continue;
      await Promise.all([
        cards.put(withIndexKeys({ ...card, fsrs: result.fsrs })),
        ...result.logs.map((log) => logs.put(log)),
      ]);
      repaired.push(card.id);
    }
    return repaired;
  });
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
