/**
 * Keeping the built-in decks in step with the deck index the app ships (issue 12). Every changed deck is
 * written in ONE transaction, so a card can change deck with its id, schedule, suspension, bury and
 * reviews: a fact moved from one deck file to another is a move, not a deletion and a new card. A card
 * whose `previousIds` names a stored card takes that card over (its key and every review log's `cardId`
 * are rewritten). Cards in no deck file any more are deleted; their review logs stay, as history.
 */
import type { IDBPTransaction } from 'idb';
import { makeCardRecord, updateCardContent } from '../domain/card-record';
import type { DeckCard, DeckFile, DeckIndex } from '../domain/deck-format';
import { newFsrsCard } from '../domain/scheduler';
import type { CardRecord } from '../domain/types';
import {
  deckRecordOf,
  deepEqual,
  previousCard,
  refuseForeignIds,
  renamedLogs,
  validDeckFile,
  type ImportResult,
  type Rename,
} from './deck-import';
import { StorageError, toStorageError } from './errors';
import type { AppDB } from './schema';
import { runTransaction, type AppDatabase } from './transaction';

export interface SyncSummary {
  /** Built-in decks imported or re-imported because their hash changed. */
  imported: ImportResult[];
  /** Built-in decks already at the index's hash. */
  unchanged: string[];
  /**
   * Decks that could not be updated, each with the reason. When this is not empty nothing was written, except
   * on a first visit, which imports the decks that did load.
   */
  failed: { deckId: string; error: StorageError }[];
  /** Cards that changed deck, keeping their id, schedule and reviews (counted as `updated` in their deck). */
  moved: number;
  /** Cards found under one of their `previousIds` and given their new id, with their schedule and reviews. */
  renamed: number;
  /** Built-in decks no longer in the index, deleted (their cards moved to other decks or removed). */
  removedDecks: string[];
}

type SyncTx = IDBPTransaction<AppDB, ('decks' | 'cards' | 'review-logs')[], 'readwrite'>;

interface LoadedDeck {
  file: DeckFile;
  hash: string;
  /** The index marks the deck optional: new to the collection, it starts out of daily study. */
  optional: boolean;
}

/**
 * Brings the built-in decks in line with the shipped deck index. Decks whose stored hash matches the index
 * are not fetched, and when all match (and no built-in deck has left the index) nothing is written. Otherwise
 * every changed deck is fetched and validated first, then all of them are written in one transaction:
 * cards keep their records wherever their id now is (a move between decks keeps schedule and reviews),
 * `previousIds` renames carry a stored card over to its new id, new cards start new, cards in no deck file
 * are deleted (their reviews stay) and built-in decks gone from the index are deleted. If any deck cannot be
 * fetched or validated, or the transaction fails, nothing is written and every changed deck is reported
 * failed (to be retried on the next start): a half-applied update could delete a card whose new deck
 * did not load. Only a first visit, with no built-in deck stored yet, imports the decks that did load.
 */
export async function syncBuiltInDecks(
  db: AppDatabase,
  index: DeckIndex,
  fetchDeck: (file: string) => Promise<unknown>,
  now: Date,
): Promise<SyncSummary> {
  const stored = await runTransaction(db, ['decks'], 'readonly', (tx) => tx.objectStore('decks').getAll());
  const storedById = new Map(stored.map((deck) => [deck.id, deck]));
  const changed = index.decks.filter((entry) => {
    const deck = storedById.get(entry.id);
    return !(deck?.builtIn === true && deck.hash === entry.hash);
  });
  const summary: SyncSummary = {
    imported: [],
    unchanged: index.decks.filter((entry) => !changed.includes(entry)).map((entry) => entry.id),
    failed: [],
    moved: 0,
    renamed: 0,
    removedDecks: [],
  };
  const listed = new Set(index.decks.map((entry) => entry.id));
  const retired = stored.filter((deck) => deck.builtIn && !listed.has(deck.id)).map((deck) => deck.id);
  if (changed.length === 0 && retired.length === 0) return summary;

  const loaded = await Promise.all(
    changed.map(async (entry) => {
      try {
        // validDeckFile also checks that the file holds the deck the index names.
        const file = validDeckFile(await fetchDeck(entry.file), entry.id);
        return { deckId: entry.id, deck: { file, hash: entry.hash, optional: entry.optional === true } };
      } catch (error) {
        return { deckId: entry.id, error: asSyncError(error, entry.file) };
      }
    }),
  );
  const broken = loaded.find((result) => result.error !== undefined)?.error;
  // A first visit has no built-in card to lose: the decks that loaded are imported, the others next time.
  // (Two tabs syncing at once are harmless: a second run over the same files finds every card in place.)
  const firstVisit = !stored.some((deck) => deck.builtIn);
  if (broken !== undefined && !firstVisit) {
    summary.failed = loaded.map((result) => ({
      deckId: result.deckId,
      error: result.error ?? waiting(broken),
    }));
    return summary;
  }
  const failed = loaded.flatMap((result) =>
    result.error ? [{ deckId: result.deckId, error: result.error }] : [],
  );
  const decks = loaded.flatMap((result) => (result.deck ? [result.deck] : []));
  try {
    const applied = await runTransaction(db, ['decks', 'cards', 'review-logs'], 'readwrite', (tx) =>
      applySync(tx, decks, retired, now),
    );
    return { ...summary, ...applied, failed };
  } catch (error) {
    const failure = toStorageError(error);
    summary.failed = changed.map((entry) => ({
      deckId: entry.id,
      error: failed.find((f) => f.deckId === entry.id)?.error ?? failure,
    }));
    return summary;
  }
}

/** Where a card of the new deck files comes from. */
interface Placement {
  deckId: string;
  card: DeckCard;
  rank: number;
}

async function applySync(
  tx: SyncTx,
  decks: readonly LoadedDeck[],
  retired: readonly string[],
  now: Date,
): Promise<Pick<SyncSummary, 'imported' | 'moved' | 'renamed' | 'removedDecks'>> {
  const deckStore = tx.objectStore('decks');
  const cardStore = tx.objectStore('cards');
  const logStore = tx.objectStore('review-logs');

  const incoming = placements(decks);
  // The cards this sync may keep, move, rename or delete: those of the decks it rewrites or retires.
  const involved = [...decks.map((deck) => deck.file.id), ...retired];
  const [existingDecks, ...cardLists] = await Promise.all([
    Promise.all(involved.map((id) => deckStore.get(id))),
    ...involved.map((id) => cardStore.index('by-deck').getAll(id)),
  ]);
  const pool = new Map(cardLists.flat().map((card) => [card.id, card]));

  // An incoming id stored in a deck this sync does not rewrite (a custom deck): refuse, as an import does.
  await refuseForeignIds(
    cardStore,
    [...incoming.keys()].filter((id) => !pool.has(id)),
    'of the built-in decks',
    'The built-in decks were not updated.',
  );

  const results = new Map<string, ImportResult>(
    decks.map((deck, i) => [
      deck.file.id,
      {
        deckId: deck.file.id,
        added: 0,
        updated: 0,
        unchanged: 0,
        removed: 0,
        reviews: 0,
        existed: existingDecks[i] !== undefined,
      },
    ]),
  );
  // Stored cards not yet claimed by a card of the new files; what is left at the end is deleted.
  const left = new Map(pool);
  const writes: CardRecord[] = [];
  const renames: Rename[] = [];
  const added: CardRecord[] = [];
  let moved = 0;
  // Decks that receive a card the learner has already studied: an optional deck new to the collection
  // then starts in daily study, so cards moved into it keep coming up as they did.
  const studiedInto = new Set<string>();
  for (const [id, { deckId, card, rank }] of incoming) {
    const result = results.get(deckId)!;
    const existing = left.get(id) ?? previousCard(card, left);
    if (!existing) {
      added.push(makeCardRecord(deckId, card, rank, newFsrsCard(now), now));
      result.added += 1;
      continue;
    }
    left.delete(existing.id);
    const next = updateCardContent({ ...existing, id }, card, deckId, rank);
    if (existing.deckId !== deckId) moved += 1;
    if (existing.fsrs.reps > 0) studiedInto.add(deckId);
    if (existing.id !== id) renames.push({ from: existing.id, to: next });
    if (existing.id !== id || !deepEqual(next, existing)) {
      writes.push(next);
      result.updated += 1;
    } else {
      result.unchanged += 1;
    }
  }
  const removedIds = [...left.keys()];
  for (const card of left.values()) {
    const result = results.get(card.deckId);
    if (result) result.removed += 1;
  }

  // Every review of a renamed card follows it to its new id; a card added under an id that still has
  // reviews (it left the decks once and is back) starts new, its earlier reviews history (`resetAt`).
  const byCard = logStore.index('by-card');
  const [logWrites, pastReviews] = await Promise.all([
    renamedLogs(byCard, renames),
    Promise.all(added.map((card) => byCard.getKey(card.id))),
  ]);
  const fresh = added.map((card, i) =>
    pastReviews[i] === undefined ? card : { ...card, resetAt: now.getTime() },
  );

  await Promise.all([
    ...decks.map(({ file, hash, optional }, i) => {
      const before = existingDecks[i];
      // A built-in deck holds exactly its file's cards after a sync; the learner's pause is kept.
      const record = deckRecordOf(file, {
        builtIn: true,
        hash,
        cardCount: file.cards.length,
        importedAt: before?.importedAt ?? now.getTime(),
        updatedAt: now.getTime(),
      });
      const paused = before ? before.paused === true : optional && !studiedInto.has(file.id);
      return deckStore.put(paused ? { ...record, paused: true } : record);
    }),
    ...retired.map((id) => deckStore.delete(id)),
    ...removedIds.map((id) => cardStore.delete(id)),
    ...renames.map(({ from }) => cardStore.delete(from)),
    ...[...writes, ...fresh].map((card) => cardStore.put(card)),
    ...logWrites.map((log) => logStore.put(log)),
  ]);
  return { imported: [...results.values()], moved, renamed: renames.length, removedDecks: [...retired] };
}

/**
 * Every card of the new deck files by id, in index order. Rejects (`invalid`) a card id in two decks, and
 * a previous id that is a current card id or is claimed by two cards: a rename must be unambiguous.
 */
function placements(decks: readonly LoadedDeck[]): Map<string, Placement> {
  const incoming = new Map<string, Placement>();
  for (const { file } of decks) {
    file.cards.forEach((card, rank) => {
      const other = incoming.get(card.id);
      if (other !== undefined) {
        throw new StorageError(
          'invalid',
          `Card "${card.id}" is in both built-in decks "${other.deckId}" and "${file.id}". The built-in decks were not updated.`,
        );
      }
      incoming.set(card.id, { deckId: file.id, card, rank });
    });
  }
  const claimedBy = new Map<string, string>();
  for (const { card } of incoming.values()) {
    for (const previous of card.previousIds ?? []) {
      const claimant = incoming.has(previous) ? previous : claimedBy.get(previous);
      if (claimant !== undefined) {
        throw new StorageError(
          'invalid',
          `Card "${card.id}" lists "${previous}" as a previous id, which is ${claimant === previous ? 'a current card id' : `also claimed by "${claimant}"`}. The built-in decks were not updated.`,
        );
      }
      claimedBy.set(previous, card.id);
    }
  }
  return incoming;
}

/** The error of a deck that loaded but was not written because another one failed. */
function waiting(cause: StorageError): StorageError {
  return new StorageError(
    cause.kind,
    'Not updated: the built-in decks update together, and another one could not be loaded. It will be retried later.',
  );
}

function asSyncError(error: unknown, file: string): StorageError {
  if (error instanceof StorageError) return error;
  // Validation throws StorageError, so this is `fetchDeck` failing (offline, missing file, bad JSON).
  return new StorageError(
    'unavailable',
    `The built-in deck ${file} could not be loaded. It will be retried later.`,
    { cause: error },
  );
}
