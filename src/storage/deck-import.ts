/**
 * Importing a deck file (built-in, custom or shared). An import is validated before it touches the database
 * and written in one transaction, so a rejected file leaves the collection exactly as it was. Keeping the
 * built-in decks in step with the shipped index, all decks at once, is builtin-sync.ts.
 */
import type { IDBPTransaction } from 'idb';
import { makeCardRecord, updateCardContent, withIndexKeys } from '../domain/card-record';
import { fsrsOf, logsOf } from '../domain/deck-export';
import { parseDeckFile, type CardSchedule, type DeckCard, type DeckFile } from '../domain/deck-format';
import { newFsrsCard } from '../domain/scheduler';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../domain/types';
import { StorageError } from './errors';
import type { AppDB } from './schema';
import { putSnapshot } from './snapshot-store';
import { runTransaction, type AppDatabase } from './transaction';

export interface ImportOptions {
  /** True for the decks the app ships (updated by `syncBuiltInDecks`). */
  builtIn: boolean;
  /** Content hash of the deck file. */
  hash: string;
  now: Date;
  /** When set, a file holding a deck with another id is rejected (a built-in index entry names its deck). */
  expectedId?: string;
  /**
   * `keep`: cards new to the collection take the schedule, suspension and reviews the file carries. Cards
   * already in the collection always keep their own. Default `drop`: every new card starts new.
   */
  scheduling?: 'keep' | 'drop';
  /**
   * Delete the deck's cards that are not in the file (their review logs stay). Default: only for built-in
   * decks; a shared deck re-imported never takes away cards the learner has.
   */
  removeMissing?: boolean;
  /**
   * Before writing, copy the deck as it was (record, cards, their logs) into `snapshots`, in the same
   * transaction, so the import can be undone. `label` is what the learner sees.
   */
  snapshot?: { id: string; label: string };
}

export interface ImportResult {
  deckId: string;
  /** Cards new to the collection, queued as new cards in file order (or scheduled, with scheduling kept). */
  added: number;
  /** Cards already in the deck whose content (or position) changed; their schedule and history are kept. */
  updated: number;
  /** Cards already in the deck and identical in the file: not rewritten. */
  unchanged: number;
  /** Cards of the deck no longer in the file: deleted (their review logs stay), or kept. */
  removed: number;
  /** Review logs added from the file (scheduling kept). */
  reviews: number;
  /** The deck existed before this import. */
  existed: boolean;
}

/** What an import would do, worked out without writing: `previewImport` shows it, `importDeck` applies it. */
interface ImportPlan {
  file: DeckFile;
  existingDeck: DeckRecord | undefined;
  ownCards: CardRecord[];
  writes: CardRecord[];
  /** Reviews to write: the file's (scheduling kept) and renamed cards' logs under their new ids. */
  logs: ReviewLogRecord[];
  /** Card ids to delete: cards no longer in the file, and the old ids of renamed cards. */
  removedIds: string[];
  result: ImportResult;
}

type ImportTx = IDBPTransaction<
  AppDB,
  ('decks' | 'cards' | 'review-logs' | 'snapshots')[],
  IDBTransactionMode
>;

/** Validates untrusted deck data, throwing `StorageError` kind `invalid` with the bad fields named. */
export function validDeckFile(deck: unknown, expectedId?: string): DeckFile {
  const parsed = parseDeckFile(deck);
  if (!parsed.ok) {
    throw new StorageError(
      'invalid',
      `This is not a valid deck file, so nothing was imported: ${parsed.errors.join('; ')}`,
      { details: parsed.errors },
    );
  }
  if (expectedId !== undefined && parsed.value.id !== expectedId) {
    throw new StorageError('invalid', `The deck file holds deck "${parsed.value.id}", not "${expectedId}".`);
  }
  return parsed.value;
}

async function planImport(tx: ImportTx, file: DeckFile, options: ImportOptions): Promise<ImportPlan> {
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
  await refuseForeignIds(cards, foreignIds, 'of this deck', 'Nothing was imported.');

  const keepScheduling = options.scheduling === 'keep';
  const writes: CardRecord[] = [];
  const logs: ReviewLogRecord[] = [];
  const renames: Rename[] = [];
  let added = 0;
  let updated = 0;
  const maxPosition = ownCards.reduce((max, card) => Math.max(max, card.position), -1);
  const removeMissing = options.removeMissing ?? options.builtIn;
  file.cards.forEach((card, index) => {
    // A card new to the deck may be one of its cards renamed (`previousIds`): it takes that card over.
    const existing = own.get(card.id) ?? previousCard(card, own);
    // Kept cards that the file no longer lists stay before the file's cards when they are not removed.
    const rank = removeMissing ? index : index + maxPosition + 1;
    if (!existing) {
      const scheduled = keepScheduling && card.schedule !== undefined;
      const record = makeCardRecord(
        file.id,
        card,
        rank,
        scheduled ? fsrsOf(card.schedule!) : newFsrsCard(options.now),
        options.now,
      );
      writes.push(scheduled ? withSchedule(record, card.schedule!) : record);
      if (keepScheduling) logs.push(...logsOf(card));
      added += 1;
      return;
    }
    own.delete(existing.id);
    const next = updateCardContent(
      { ...existing, id: card.id },
      card,
      file.id,
      removeMissing ? index : existing.position,
    );
    if (existing.id !== card.id) renames.push({ from: existing.id, to: next });
    if (existing.id !== card.id || !deepEqual(next, existing)) {
      writes.push(next);
      updated += 1;
    }
  });
  const removedIds = removeMissing ? [...own.keys()] : [];
  const movedLogs = await renamedLogs(tx.objectStore('review-logs').index('by-card'), renames);
  // A review the collection already has (the same file imported again) is not stored twice.
  const present = await Promise.all(logs.map((log) => tx.objectStore('review-logs').getKey(log.id)));
  const newLogs = logs.filter((_, i) => present[i] === undefined);
  return {
    file,
    existingDeck,
    ownCards,
    writes,
    logs: [...newLogs, ...movedLogs],
    removedIds: [...removedIds, ...renames.map((rename) => rename.from)],
    result: {
      deckId: file.id,
      added,
      updated,
      unchanged: file.cards.length - added - updated,
      removed: removedIds.length,
      reviews: newLogs.length,
      existed: existingDeck !== undefined,
    },
  };
}

/** A stored card taken over by a deck card under a new id (a `previousIds` rename). */
export interface Rename {
  from: string;
  to: CardRecord;
}

/** The first stored card, among `available`, that the deck card names in `previousIds`. */
export function previousCard(
  card: DeckCard,
  available: ReadonlyMap<string, CardRecord>,
): CardRecord | undefined {
  for (const id of card.previousIds ?? []) {
    const found = available.get(id);
    if (found) return found;
  }
  return undefined;
}

/** Every review of the renamed cards, rewritten to the card's new id and fact: a rename moves its history. */
export async function renamedLogs(
  byCard: { getAll(cardId: string): Promise<ReviewLogRecord[]> },
  renames: readonly Rename[],
): Promise<ReviewLogRecord[]> {
  const logs = await Promise.all(renames.map(({ from }) => byCard.getAll(from)));
  return renames.flatMap(({ to }, i) =>
    (logs[i] ?? []).map((log) => ({ ...log, cardId: to.id, factId: to.factId })),
  );
}

/**
 * Rejects (`invalid`, naming up to five) when any of `ids` is already stored: a card belongs to one deck, and
 * an import never takes a card from a deck it does not rewrite. `whose` and `outcome` complete the message.
 */
export async function refuseForeignIds(
  cards: { get(id: string): Promise<CardRecord | undefined> },
  ids: readonly string[],
  whose: string,
  outcome: string,
): Promise<void> {
  const found = await Promise.all(ids.map((id) => cards.get(id)));
  const conflicts = found.filter((card): card is CardRecord => card !== undefined);
  if (conflicts.length === 0) return;
  const list = conflicts
    .slice(0, 5)
    .map((card) => `"${card.id}" (deck "${card.deckId}")`)
    .join(', ');
  throw new StorageError(
    'invalid',
    `${conflicts.length} card id${conflicts.length === 1 ? '' : 's'} ${whose} already belong${conflicts.length === 1 ? 's' : ''} to another deck: ${list}. ${outcome}`,
    { details: conflicts.map((card) => `${card.id}: already in deck ${card.deckId}`) },
  );
}

/**
 * What importing this deck would do (cards added, updated, unchanged, removed), without writing anything.
 * Rejects like `importDeck` does when the deck cannot be imported.
 */
export async function previewImport(
  db: AppDatabase,
  deck: unknown,
  options: ImportOptions,
): Promise<ImportResult> {
  const file = validDeckFile(deck, options.expectedId);
  return runTransaction(db, ['decks', 'cards', 'review-logs', 'snapshots'], 'readonly', async (tx) => {
    return (await planImport(tx, file, options)).result;
  });
}

/**
 * Imports a deck file (a `DeckFile` or untrusted JSON: it is validated here with `parseDeckFile`) in one
 * transaction: creates or updates the deck record; adds cards that are new (as new cards, or with the file's
 * schedule and reviews when `scheduling` is `keep`); gives existing cards the new content while keeping their
 * FSRS state, suspension, bury and history; deletes the deck's cards that are no longer in the file when
 * `removeMissing` (their review logs stay). With `snapshot`, the deck as it was is copied first, in the same
 * transaction.
 * Rejects with `StorageError` kind `invalid`, leaving the database unchanged, when the file is not a valid
 * deck, when a card id already belongs to another deck, or when a custom import would replace a built-in deck.
 */
export async function importDeck(
  db: AppDatabase,
  deck: unknown,
  options: ImportOptions,
): Promise<ImportResult> {
  const file = validDeckFile(deck, options.expectedId);
  const now = options.now.getTime();
  const stores = ['decks', 'cards', 'review-logs', 'snapshots'] as (
    'decks' | 'cards' | 'review-logs' | 'snapshots'
  )[];
  return runTransaction(db, stores, 'readwrite', async (tx) => {
    const plan = await planImport(tx, file, options);
    if (options.snapshot) {
      await putSnapshot(tx, {
        id: options.snapshot.id,
        label: options.snapshot.label,
        reason: 'import',
        time: now,
        deckIds: [file.id],
        decks: plan.existingDeck ? [plan.existingDeck] : [],
        cards: plan.ownCards,
      });
    }
    const decks = tx.objectStore('decks');
    const cards = tx.objectStore('cards');
    const record = deckRecordOf(file, {
      builtIn: options.builtIn,
      hash: options.hash,
      cardCount: plan.ownCards.length - plan.result.removed + plan.result.added,
      importedAt: plan.existingDeck?.importedAt ?? now,
      updatedAt: now,
    });

    await Promise.all([
      decks.put(record),
      ...plan.writes.map((card) => cards.put(card)),
      ...plan.removedIds.map((id) => cards.delete(id)),
      ...plan.logs.map((log) => tx.objectStore('review-logs').put(log)),
    ]);
    return plan.result;
  });
}

/** The deck record of an imported deck file. */
export function deckRecordOf(
  file: DeckFile,
  fields: Pick<DeckRecord, 'builtIn' | 'hash' | 'cardCount' | 'importedAt' | 'updatedAt'>,
): DeckRecord {
  const record: DeckRecord = {
    id: file.id,
    title: file.title,
    description: file.description,
    language: file.language,
    tags: [...file.tags],
    ...fields,
  };
  if (file.topic !== undefined) record.topic = file.topic;
  return record;
}

/** A new card record given the suspension and reset time a file's schedule carries. */
function withSchedule(record: CardRecord, schedule: CardSchedule): CardRecord {
  const next: CardRecord = { ...record, suspended: schedule.suspended ?? false };
  if (schedule.resetAt !== undefined) next.resetAt = schedule.resetAt;
  return withIndexKeys(next);
}

/** Structural equality of stored records (plain objects, arrays, Dates, primitives), ignoring key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
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
