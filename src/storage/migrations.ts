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
import { cardProblem, upgradeLog } from './record-checks';
import type { AppDB } from './schema';

export type UpgradeDatabase = IDBPDatabase<AppDB>;
export type UpgradeTransaction = IDBPTransaction<AppDB, ArrayLike<StoreNames<AppDB>>, 'versionchange'>;

/** The version the app's code expects; `openAppDb` opens (and upgrades to) this one. */
export const LATEST_VERSION = 5;

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

  await eachCard(tx, 2, (card) => {
    const legacy = card as CardRecordV1;
    const position =
      typeof legacy.position === 'number' && Number.isFinite(legacy.position)
        ? legacy.position
        : legacy.addedAt;
    return withIndexKeys({ ...legacy, position });
  });
}

/**
 * Rewrites every card through `change`, one by one; a malformed card (see record-checks.ts) is moved to
 * `quarantine` with the reason instead, so one bad record cannot fail the whole upgrade.
 */
async function eachCard(
  tx: UpgradeTransaction,
  version: number,
  change: (card: CardRecord) => CardRecord,
): Promise<void> {
  let cursor = await tx.objectStore('cards').openCursor();
  while (cursor) {
    const reason = cardProblem(cursor.value);
    if (reason) {
      await quarantine(tx, 'cards', cursor.key, cursor.value, reason, version);
      await cursor.delete();
    } else {
      await cursor.update(change(cursor.value));
    }
    cursor = await cursor.continue();
  }
}

/**
 * Version 3, first part: the `quarantine` store. It is created before any step reads records, so that every
 * step, version 2's included, can set a malformed record aside with its reason and finish the upgrade,
 * instead of aborting it on every launch and locking the learner out.
 */
export function createQuarantine(db: UpgradeDatabase): void {
  db.createObjectStore('quarantine', { autoIncrement: true });
}

/** Moves a record the upgrade cannot use into `quarantine`, whole, with the reason. */
async function quarantine(
  tx: UpgradeTransaction,
  store: string,
  key: IDBValidKey,
  value: unknown,
  reason: string,
  version: number,
): Promise<void> {
  // Date.now() is the one clock read here: upgrades run outside the app's clock, and the time only informs.
  await tx.objectStore('quarantine').add({ store, key, value, reason, version, at: Date.now() });
}

/**
 * Version 3, second part: today's reviews and learning cards get indexes of their own (`by-review`,
 * `by-deck-review`, `by-learning`), so a day's queue reads a page of what today can show rather than every
 * overdue card; every card is checked and every review log is checked and slimmed. A log keeps
 * the ids, time, grade and the card's scheduling state before the review, packed (`prev`), no longer a copy
 * of the whole card and the ts-fsrs log (1.1 KB a log before, under 200 bytes now): undo restores only
 * scheduling fields, and a replay rebuilds the rest. Malformed records of either store go to `quarantine`.
 */
export async function migrateTo3(tx: UpgradeTransaction): Promise<void> {
  const store = tx.objectStore('cards');
  store.createIndex('by-review', 'reviewDue');
  store.createIndex('by-deck-review', ['deckId', 'reviewDue']);
  store.createIndex('by-learning', 'learnDue');
  // Gives every card the keys of the new indexes.
  await eachCard(tx, 3, withIndexKeys);
  let logs = await tx.objectStore('review-logs').openCursor();
  while (logs) {
    const value: unknown = logs.value;
    const upgraded = upgradeLog(value);
    if ('problem' in upgraded) {
      await quarantine(tx, 'review-logs', logs.key, value, upgraded.problem, 3);
      await logs.delete();
    } else {
      await logs.update(upgraded.log);
    }
    logs = await logs.continue();
  }
}

/**
 * Version 4: the `snapshots` store. Imports, restores and deck deletions copy what they replace into it in
 * their own transaction, so each can be undone. No existing record changes.
 */
export function migrateTo4(db: UpgradeDatabase): void {
  const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
  snapshots.createIndex('by-time', 'time');
}

/**
 * Version 5: the `quizzes` store, for quiz mode's results and the quiz in progress. Quizzes live apart from
 * cards and review logs, which they do not change. No existing record changes.
 */
export function migrateTo5(db: UpgradeDatabase): void {
  const quizzes = db.createObjectStore('quizzes', { keyPath: 'id' });
  quizzes.createIndex('by-time', 'startedAt');
}

/**
 * Applies every migration above `oldVersion` up to `target`, in order. `target` is below the latest version
 * only when a restore rebuilds a backup of an older version: it stages the records at their own version,
 * then opens the database at the latest, which runs the remaining steps over them (src/storage/restore.ts).
 */
export async function runMigrations(
  db: UpgradeDatabase,
  oldVersion: number,
  tx: UpgradeTransaction,
  target: number = LATEST_VERSION,
): Promise<void> {
  const upTo = (n: number) => oldVersion < n && target >= n;
  if (upTo(1)) migrateTo1(db);
  if (upTo(3)) createQuarantine(db);
  if (upTo(2)) await migrateTo2(tx);
  if (upTo(3)) await migrateTo3(tx);
  if (upTo(4)) migrateTo4(db);
  if (upTo(5)) migrateTo5(db);
}
