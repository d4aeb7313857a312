/**
 * Schema migrations. Each version has one named step; `runMigrations` applies, cumulatively, every step
 * above the version the database had (`if (oldVersion < N) migrateToN(...)`), all inside the upgrade
 * transaction, so a failed step leaves the database at its old version with its old data.
 *
 * Never change a released step: add a new version instead, with a test that opens a database of the previous
 * version holding data and checks that nothing is lost.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { withIndexKeys } from '../domain/card-record';
import type { CardRecord } from '../domain/types';
import type { AppDB } from './schema';

export type UpgradeDatabase = IDBPDatabase<AppDB>;
export type UpgradeTransaction = IDBPTransaction<AppDB, ArrayLike<StoreNames<AppDB>>, 'versionchange'>;

/** The version the app's code expects; `openAppDb` opens (and upgrades to) this one. */
export const LATEST_VERSION = 2;

/** Version 1: the stores, with the two indexes the first release needed. */
export function migrateTo1(db: UpgradeDatabase): void {
  db.createObjectStore('decks', { keyPath: 'id' });
  const cards = db.createObjectStore('cards', { keyPath: 'id' });
  cards.createIndex('by-deck', 'deckId');
  cards.createIndex('by-due', 'due');
  db.createObjectStore('review-logs', { keyPath: 'id' });
  db.createObjectStore('settings');
  db.createObjectStore('meta');
}

/** A card as version 1 stored it: no `newRank` yet, and not always a `position` within its deck. */
type CardRecordV1 = Omit<CardRecord, 'newRank' | 'position'> & { position?: unknown };

/**
 * Version 2: new cards are queued through `by-new` ([deckId, newRank]) instead of a scan; cards can be found
 * by fact (sibling burying) and review logs by time (undo, statistics) and by card (card history).
 * Every card is rewritten through `withIndexKeys`, so new cards get a `newRank` (their old `position` if
 * they had one, else `addedAt`, which keeps the order in which they were added) and `due` is re-derived.
 */
export async function migrateTo2(tx: UpgradeTransaction): Promise<void> {
  const cards = tx.objectStore('cards');
  cards.createIndex('by-new', ['deckId', 'newRank']);
  cards.createIndex('by-fact', 'factId');
  const logs = tx.objectStore('review-logs');
  logs.createIndex('by-time', 'time');
  logs.createIndex('by-card', 'cardId');

  let cursor = await cards.openCursor();
  while (cursor) {
    const legacy = cursor.value as CardRecordV1;
    const position =
      typeof legacy.position === 'number' && Number.isFinite(legacy.position)
        ? legacy.position
        : legacy.addedAt;
    await cursor.update(withIndexKeys({ ...legacy, position }));
    cursor = await cursor.continue();
  }
}

/** Applies every migration above `oldVersion`, in order. */
export async function runMigrations(
  db: UpgradeDatabase,
  oldVersion: number,
  tx: UpgradeTransaction,
): Promise<void> {
  if (oldVersion < 1) migrateTo1(db);
  if (oldVersion < 2) await migrateTo2(tx);
}
