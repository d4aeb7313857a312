/**
 * Decks: listing them and reading one. Importing a deck file lives in deck-import.ts, which the first
 * screen does not need (it runs in a worker, or when the learner imports a file).
 */
import type { DeckRecord } from '../domain/types';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

/** Every deck, sorted by title. */
export async function listDecks(db: AppDatabase): Promise<DeckRecord[]> {
  const decks = await runTransaction(db, ['decks'], 'readonly', (tx) => tx.objectStore('decks').getAll());
  return decks.sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Takes a deck out of daily study, or puts it back. Only the deck record changes: its cards keep their
 * schedule, so a paused deck picks up where it was when it is turned on again.
 */
export async function setDeckPaused(
  db: AppDatabase,
  deckId: string,
  paused: boolean,
  now: Date,
): Promise<DeckRecord> {
  return runTransaction(db, ['decks'], 'readwrite', async (tx) => {
    const store = tx.objectStore('decks');
    const deck = await store.get(deckId);
    if (!deck) throw new StorageError('invalid', 'This deck no longer exists. Reload to see your decks.');
    const { paused: _was, ...rest } = deck;
    const next: DeckRecord = { ...rest, ...(paused ? { paused: true } : {}), updatedAt: now.getTime() };
    await store.put(next);
    return next;
  });
}

/** The deck with this id, or undefined. */
export async function getDeck(db: AppDatabase, id: string): Promise<DeckRecord | undefined> {
  return runTransaction(db, ['decks'], 'readonly', (tx) => tx.objectStore('decks').get(id));
}
