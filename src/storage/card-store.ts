/**
 * Reading and changing cards. Every write goes through `withIndexKeys`, so `due` and `newRank` (the keys of the
 * sparse `by-due` and `by-new` indexes) always match the card's state, suspension and kind.
 */
import { withIndexKeys } from '../domain/card-record';
import type { CardRecord } from '../domain/types';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

/** The card with this id, or undefined. */
export async function getCard(db: AppDatabase, id: string): Promise<CardRecord | undefined> {
  return runTransaction(db, ['cards'], 'readonly', (tx) => tx.objectStore('cards').get(id));
}

/** The cards with these ids, in the same order (undefined where there is none), read in one transaction. */
export async function getCards(db: AppDatabase, ids: readonly string[]): Promise<(CardRecord | undefined)[]> {
  return runTransaction(db, ['cards'], 'readonly', (tx) => {
    const store = tx.objectStore('cards');
    return Promise.all(ids.map((id) => store.get(id)));
  });
}

/** Stores a card (created or replaced), with its index keys recomputed. Resolves once committed. */
export async function putCard(db: AppDatabase, card: CardRecord): Promise<CardRecord> {
  const record = withIndexKeys(card);
  await runTransaction(db, ['cards'], 'readwrite', (tx) => tx.objectStore('cards').put(record));
  return record;
}

/** Every card of a deck (any state, suspended included), in id order. */
export async function cardsOfDeck(db: AppDatabase, deckId: string): Promise<CardRecord[]> {
  return runTransaction(db, ['cards'], 'readonly', (tx) =>
    tx.objectStore('cards').index('by-deck').getAll(deckId),
  );
}

/** Every card of a fact (its siblings), for sibling burying. */
export async function cardsOfFact(db: AppDatabase, factId: string): Promise<CardRecord[]> {
  return runTransaction(db, ['cards'], 'readonly', (tx) =>
    tx.objectStore('cards').index('by-fact').getAll(factId),
  );
}

/**
 * Studied cards of all decks that are due at or before `until` (epoch ms), earliest first.
 * New, suspended and multiple-choice cards are not in `by-due`; buried cards are (the queue checks
 * `buriedUntil`, since a bury ends by the clock, not by a write).
 */
export async function dueCards(db: AppDatabase, until: number): Promise<CardRecord[]> {
  return runTransaction(db, ['cards'], 'readonly', (tx) =>
    tx.objectStore('cards').index('by-due').getAll(IDBKeyRange.upperBound(until)),
  );
}

/** Learning and relearning cards due before `until` (epoch ms), earliest first, through `by-learning`. */
export async function learningCards(db: AppDatabase, until: number): Promise<CardRecord[]> {
  return runTransaction(db, ['cards'], 'readonly', (tx) =>
    tx.objectStore('cards').index('by-learning').getAll(IDBKeyRange.upperBound(until, true)),
  );
}

/** Where a page continues: the last key read (a due or a rank), and the ids read with that key. */
export interface PageCursor {
  key: number;
  ids: ReadonlySet<string>;
}

/**
 * Up to `limit` cards in the Review state due before `until`, in due order: of one deck (`by-deck-review`)
 * or of every deck (`by-review`). With `after`, continues where the previous page stopped; cards sharing
 * the last due are told apart by id, since an index key need not be unique.
 */
export async function reviewCards(
  db: AppDatabase,
  options: { deckId?: string; until: number; limit: number; after?: PageCursor },
): Promise<CardRecord[]> {
  const { deckId, until, after } = options;
  const from = after?.key ?? -Infinity;
  if (from >= until) return [];
  const skip = after?.ids.size ?? 0;
  const cards = await runTransaction(db, ['cards'], 'readonly', (tx) => {
    const store = tx.objectStore('cards');
    return deckId === undefined
      ? store.index('by-review').getAll(IDBKeyRange.bound(from, until, false, true), options.limit + skip)
      : store
          .index('by-deck-review')
          .getAll(IDBKeyRange.bound([deckId, from], [deckId, until], false, true), options.limit + skip);
  });
  return after ? cards.filter((card) => !after.ids.has(card.id)) : cards;
}

/**
 * When the next studied card comes due after `after` (epoch ms), in the given decks (all when absent):
 * the earliest `due`, or the end of its bury when that is later. Null when nothing is scheduled.
 * Reads `by-due` in order and stops as soon as no later card can come due earlier.
 */
export async function firstDueAfter(
  db: AppDatabase,
  after: number,
  deckIds?: ReadonlySet<string>,
): Promise<number | null> {
  return runTransaction(db, ['cards'], 'readonly', async (tx) => {
    let best: number | null = null;
    let cursor = await tx
      .objectStore('cards')
      .index('by-due')
      .openCursor(IDBKeyRange.lowerBound(after, true));
    while (cursor) {
      const due = cursor.key;
      if (best !== null && due >= best) break;
      const card = cursor.value;
      if (!deckIds || deckIds.has(card.deckId)) {
        const at = Math.max(due, card.buriedUntil);
        if (best === null || at < best) best = at;
      }
      cursor = await cursor.continue();
    }
    return best;
  });
}

/**
 * Up to `limit` new, studyable cards of a deck, in deck order (`newRank`). With `after`, continues where the
 * previous page stopped; cards sharing the last rank (cards of the first release, ranked by the time they
 * were added) are told apart by id, since an index key need not be unique.
 */
export async function newCards(
  db: AppDatabase,
  deckId: string,
  limit: number,
  after?: PageCursor,
): Promise<CardRecord[]> {
  // getAll treats a count of 0 as "no limit".
  if (!(limit > 0)) return [];
  const range =
    after === undefined ? newRange(deckId) : IDBKeyRange.bound([deckId, after.key], [deckId, Infinity]);
  const cards = await runTransaction(db, ['cards'], 'readonly', (tx) =>
    tx
      .objectStore('cards')
      .index('by-new')
      .getAll(range, Math.floor(limit) + (after?.ids.size ?? 0)),
  );
  return after ? cards.filter((card) => !after.ids.has(card.id)) : cards;
}

/**
 * Suspends or unsuspends a card: a suspended card leaves `by-due` and `by-new`; unsuspended, it returns.
 * Resolves with the stored record; rejects with `invalid` when there is no such card.
 */
export async function suspendCard(db: AppDatabase, id: string, suspended: boolean): Promise<CardRecord> {
  return updateCard(db, id, (card) => ({ ...card, suspended }));
}

/**
 * Buries a card until `until` (epoch ms; 0 unburies it). A buried card keeps its index keys: the queue skips
 * it while `buriedUntil` is in the future. Resolves with the stored record.
 */
export async function buryCard(db: AppDatabase, id: string, until: number): Promise<CardRecord> {
  return updateCard(db, id, (card) => ({ ...card, buriedUntil: until }));
}

/** Reads, changes and writes one card in a single transaction, keeping its index keys right. */
async function updateCard(
  db: AppDatabase,
  id: string,
  change: (card: CardRecord) => CardRecord,
): Promise<CardRecord> {
  return runTransaction(db, ['cards'], 'readwrite', async (tx) => {
    const store = tx.objectStore('cards');
    const card = await store.get(id);
    if (!card) throw new StorageError('invalid', 'This card no longer exists, so nothing was changed.');
    const next = withIndexKeys(change(card));
    await store.put(next);
    return next;
  });
}

/** Key range of one deck's cards in `by-new`. */
export function newRange(deckId: string): IDBKeyRange {
  return IDBKeyRange.bound([deckId, -Infinity], [deckId, Infinity]);
}
