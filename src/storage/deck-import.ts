/**
 * Importing a deck file (built-in, custom or shared) and keeping the built-in decks in step with the deck
 * index the app ships. An import is validated before it touches the database and written in one
 * transaction, so a rejected file leaves the collection exactly as it was.
 */
import { makeCardRecord, updateCardContent } from '../domain/card-record';
import { parseDeckFile, type DeckIndex } from '../domain/deck-format';
import { newFsrsCard } from '../domain/scheduler';
import type { CardRecord, DeckRecord } from '../domain/types';
import { getDeck } from './deck-store';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

export interface ImportOptions {
  /** True for the decks the app ships (updated by `syncBuiltInDecks`). */
  builtIn: boolean;
  /** Content hash of the deck file. */
  hash: string;
  now: Date;
  /** When set, a file holding a deck with another id is rejected (a built-in index entry names its deck). */
  expectedId?: string;
}

export interface ImportResult {
  deckId: string;
  /** Cards new to the collection, queued as new cards in file order. */
  added: number;
  /** Cards already in the deck whose content (or position) changed; their schedule and history are kept. */
  updated: number;
  /** Cards already in the deck and identical in the file: not rewritten. */
  unchanged: number;
  /** Cards of the deck no longer in the file: deleted (their review logs stay). */
  removed: number;
}

/**
 * Imports a deck file (a `DeckFile` or untrusted JSON: it is validated here with `parseDeckFile`) in one transaction over `decks`
 * and `cards`: creates or updates the deck record; adds cards that are new as new cards (rank = position in
 * the file); gives existing cards the new content while keeping their FSRS state, suspension, bury and
 * history; deletes the deck's cards that are no longer in the file (their review logs stay).
 * Rejects with `StorageError` kind `invalid`, leaving the database unchanged, when the file is not a valid
 * deck, when a card id already belongs to another deck, or when a custom import would replace a built-in deck.
 */
export async function importDeck(
  db: AppDatabase,
  deck: unknown,
  options: ImportOptions,
): Promise<ImportResult> {
  const parsed = parseDeckFile(deck);
  if (!parsed.ok) {
    throw new StorageError(
      'invalid',
      `This is not a valid deck file, so nothing was imported: ${parsed.errors.join('; ')}`,
      {
        details: parsed.errors,
      },
    );
  }
  const file = parsed.value;
  if (options.expectedId !== undefined && file.id !== options.expectedId) {
    throw new StorageError('invalid', `The deck file holds deck "${file.id}", not "${options.expectedId}".`);
  }
  const now = options.now.getTime();

  return runTransaction(db, ['decks', 'cards'], 'readwrite', async (tx) => {
    const decks = tx.objectStore('decks');
    const cards = tx.objectStore('cards');

    const [existingDeck, ownCards] = await Promise.all([
      decks.get(file.id),
      cards.index('by-deck').getAll(file.id),
    ]);
    if (existingDeck?.builtIn && !options.builtIn) {
      throw new StorageError(
        'invalid',
        `"${existingDeck.title}" is a built-in deck and updates itself; a file with the same deck id ("${file.id}") cannot replace it.`,
      );
    }
    const own = new Map(ownCards.map((card) => [card.id, card]));

    // Ids this deck does not own yet must not belong to another deck: reject before writing anything.
    const foreignIds = file.cards.map((card) => card.id).filter((id) => !own.has(id));
    const found = await Promise.all(foreignIds.map((id) => cards.get(id)));
    const conflicts = found.filter((card): card is CardRecord => card !== undefined);
    if (conflicts.length > 0) {
      const list = conflicts
        .slice(0, 5)
        .map((card) => `"${card.id}" (deck "${card.deckId}")`)
        .join(', ');
      throw new StorageError(
        'invalid',
        `${conflicts.length} card id${conflicts.length === 1 ? '' : 's'} of this deck already belong${conflicts.length === 1 ? 's' : ''} to another deck: ${list}. Nothing was imported.`,
        { details: conflicts.map((card) => `${card.id}: already in deck ${card.deckId}`) },
      );
    }

    const writes: CardRecord[] = [];
    let added = 0;
    let updated = 0;
    file.cards.forEach((card, rank) => {
      const existing = own.get(card.id);
      if (!existing) {
        writes.push(makeCardRecord(file.id, card, rank, newFsrsCard(options.now), options.now));
        added += 1;
        return;
      }
      own.delete(card.id);
      const next = updateCardContent(existing, card, file.id, rank);
      if (!deepEqual(next, existing)) {
        writes.push(next);
        updated += 1;
      }
    });
    const removedIds = [...own.keys()];

    const record: DeckRecord = {
      id: file.id,
      title: file.title,
      description: file.description,
      language: file.language,
      tags: [...file.tags],
      builtIn: options.builtIn,
      hash: options.hash,
      cardCount: file.cards.length,
      importedAt: existingDeck?.importedAt ?? now,
      updatedAt: now,
    };
    if (file.topic !== undefined) record.topic = file.topic;

    await Promise.all([
      decks.put(record),
      ...writes.map((card) => cards.put(card)),
      ...removedIds.map((id) => cards.delete(id)),
    ]);
    return {
      deckId: file.id,
      added,
      updated,
      unchanged: file.cards.length - added - updated,
      removed: removedIds.length,
    };
  });
}

export interface SyncSummary {
  /** Built-in decks imported or re-imported because their hash changed. */
  imported: ImportResult[];
  /** Built-in decks already at the index's hash. */
  unchanged: string[];
  /** Decks that could not be fetched, validated or stored; the others were still synced. */
  failed: { deckId: string; error: StorageError }[];
}

/**
 * Brings the built-in decks in line with the shipped deck index: each deck whose stored hash differs from the
 * index (or that is missing) is fetched, validated and imported with `builtIn: true`, each in its own
 * transaction, so one failed deck leaves the others intact. Decks no longer in the index are kept.
 */
export async function syncBuiltInDecks(
  db: AppDatabase,
  index: DeckIndex,
  fetchDeck: (file: string) => Promise<unknown>,
  now: Date,
): Promise<SyncSummary> {
  const summary: SyncSummary = { imported: [], unchanged: [], failed: [] };
  for (const entry of index.decks) {
    try {
      const stored = await getDeck(db, entry.id);
      if (stored && stored.builtIn && stored.hash === entry.hash) {
        summary.unchanged.push(entry.id);
        continue;
      }
      const data = await fetchDeck(entry.file);
      // importDeck validates the file once and checks that it holds the deck the index names.
      summary.imported.push(
        await importDeck(db, data, { builtIn: true, hash: entry.hash, now, expectedId: entry.id }),
      );
    } catch (error) {
      summary.failed.push({ deckId: entry.id, error: asSyncError(error, entry.file) });
    }
  }
  return summary;
}

function asSyncError(error: unknown, file: string): StorageError {
  if (error instanceof StorageError) return error;
  // Every database step throws StorageError, so this is `fetchDeck` failing (offline, missing file, bad JSON).
  return new StorageError(
    'unavailable',
    `The built-in deck ${file} could not be loaded. It will be retried later.`,
    {
      cause: error,
    },
  );
}

/** Structural equality of stored records (plain objects, arrays, Dates, primitives), ignoring key order. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
