/**
 * Decks: listing them and reading one. Importing a deck file lives in deck-import.ts, which the first
 * screen does not need (it runs in a worker, or when the learner imports a file).
 */
import type { DeckRecord } from '../domain/types';
import { runTransaction, type AppDatabase } from './transaction';

/** Every deck, sorted by title. */
export async function listDecks(db: AppDatabase): Promise<DeckRecord[]> {
  const decks = await runTransaction(db, ['decks'], 'readonly', (tx) => tx.objectStore('decks').getAll());
  return decks.sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The deck with this id, or undefined. */
export async function getDeck(db: AppDatabase, id: string): Promise<DeckRecord | undefined> {
  return runTransaction(db, ['decks'], 'readonly', (tx) => tx.objectStore('decks').get(id));
}
