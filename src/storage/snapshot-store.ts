/**
 * Snapshots: copies of decks taken, in the same transaction, before an import or a deck deletion changes
 * them, so the learner can bring them back. The newest `SNAPSHOT_LIMIT` are kept.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CardRecord } from '../domain/types';
import type { AppDB, SnapshotRecord } from './schema';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

/** How many snapshots are kept; taking one more drops the oldest. */
export const SNAPSHOT_LIMIT = 10;

type SnapshotStores = ('decks' | 'cards' | 'review-logs' | 'snapshots')[];
type SnapshotTx = IDBPTransaction<AppDB, SnapshotStores, 'readwrite'>;
const STORES: SnapshotStores = ['decks', 'cards', 'review-logs', 'snapshots'];

/** A snapshot without its contents, as lists show it. */
export type SnapshotSummary = Omit<SnapshotRecord, 'decks' | 'cards' | 'logs'> & {
  cardCount: number;
  reviewCount: number;
};

/**
 * Stores a snapshot of `cards` (the logs of those cards are read here) inside the caller's transaction,
 * then drops the oldest snapshots beyond `SNAPSHOT_LIMIT`.
 */
export async function putSnapshot(tx: SnapshotTx, snapshot: Omit<SnapshotRecord, 'logs'>): Promise<void> {
  const byCard = tx.objectStore('review-logs').index('by-card');
  const logs = (await Promise.all(snapshot.cards.map((card) => byCard.getAll(card.id)))).flat();
  const store = tx.objectStore('snapshots');
  await store.put({ ...snapshot, logs });
  const keys = await store.index('by-time').getAllKeys();
  const extra = keys.length - SNAPSHOT_LIMIT;
  for (let i = 0; i < extra; i += 1) await store.delete(keys[i]!);
}

/** Every snapshot, newest first, without their contents. */
export async function listSnapshots(db: AppDatabase): Promise<SnapshotSummary[]> {
  const all = await runTransaction(db, ['snapshots'], 'readonly', (tx) =>
    tx.objectStore('snapshots').getAll(),
  );
  return all
    .sort((a, b) => b.time - a.time)
    .map(({ decks: _decks, cards, logs, ...rest }) => ({
      ...rest,
      cardCount: cards.length,
      reviewCount: logs.length,
    }));
}

/**
 * Deletes a deck, its cards and their review logs in one transaction, after copying them into a snapshot
 * (`snapshotId`), so `restoreSnapshot` can undo it.
 */
export async function deleteDeck(
  db: AppDatabase,
  deckId: string,
  snapshotId: string,
  now: Date,
): Promise<void> {
  await runTransaction(db, STORES, 'readwrite', async (tx) => {
    const deck = await tx.objectStore('decks').get(deckId);
    if (!deck) throw new StorageError('invalid', 'This deck no longer exists.');
    if (deck.builtIn) {
      throw new StorageError('invalid', `"${deck.title}" is a built-in deck; it cannot be deleted.`);
    }
    const cards = await tx.objectStore('cards').index('by-deck').getAll(deckId);
    await putSnapshot(tx, {
      id: snapshotId,
      time: now.getTime(),
      reason: 'delete-deck',
      label: `Before deleting "${deck.title}"`,
      deckIds: [deckId],
      decks: [deck],
      cards,
    });
    await deleteCardsAndLogs(tx, cards);
    await tx.objectStore('decks').delete(deckId);
  });
}

/**
 * Deletes `cards` and every review log of theirs, inside the caller's transaction (deleting a deck or a
 * note, putting a snapshot back).
 */
export async function deleteCardsAndLogs<Other extends StoreNames<AppDB>>(
  tx: IDBPTransaction<AppDB, (Other | 'cards' | 'review-logs')[], 'readwrite'>,
  cards: readonly CardRecord[],
): Promise<void> {
  const logs = tx.objectStore('review-logs');
  const byCard = logs.index('by-card');
  const logKeys = (await Promise.all(cards.map((card) => byCard.getAllKeys(card.id)))).flat();
  await Promise.all([
    ...cards.map((card) => tx.objectStore('cards').delete(card.id)),
    ...logKeys.map((key) => logs.delete(key)),
  ]);
}

/**
 * Puts the decks of a snapshot back exactly as they were, in one transaction: their current cards and those
 * cards' logs are replaced by the snapshot's, and a deck the snapshot had no record of (an import created it)
 * is deleted. The snapshot itself is kept.
 */
export async function restoreSnapshot(db: AppDatabase, snapshotId: string): Promise<SnapshotRecord> {
  return runTransaction(db, STORES, 'readwrite', async (tx) => {
    const snapshot = await tx.objectStore('snapshots').get(snapshotId);
    if (!snapshot) throw new StorageError('invalid', 'This snapshot no longer exists.');
    for (const deckId of snapshot.deckIds) {
      const current = await tx.objectStore('cards').index('by-deck').getAll(deckId);
      await deleteCardsAndLogs(tx, current);
      await tx.objectStore('decks').delete(deckId);
    }
    await Promise.all([
      ...snapshot.decks.map((deck) => tx.objectStore('decks').put(deck)),
      ...snapshot.cards.map((card) => tx.objectStore('cards').put(card)),
      ...snapshot.logs.map((log) => tx.objectStore('review-logs').put(log)),
    ]);
    return snapshot;
  });
}
