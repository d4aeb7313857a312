/** Reading a stored deck back out as a deck file (export, share link, share sheet). */
import { deckFileOf } from '../domain/deck-export';
import type { DeckFile } from '../domain/deck-format';
import type { ReviewLogRecord } from '../domain/types';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

export interface ExportOptions {
  /** Include every card's schedule, suspension and reviews. */
  scheduling: boolean;
}

/**
 * The deck as a deck file (`docs/deck-format.md`), read in one transaction so it is consistent.
 * Rejects with `StorageError` kind `invalid` when the deck does not exist or has no cards (a deck file holds
 * at least one).
 */
export async function exportDeck(db: AppDatabase, deckId: string, options: ExportOptions): Promise<DeckFile> {
  return runTransaction(db, ['decks', 'cards', 'review-logs'], 'readonly', async (tx) => {
    const deck = await tx.objectStore('decks').get(deckId);
    if (!deck) throw new StorageError('invalid', 'This deck no longer exists.');
    const cards = await tx.objectStore('cards').index('by-deck').getAll(deckId);
    if (cards.length === 0) {
      throw new StorageError('invalid', `"${deck.title}" has no cards yet. Add a card, then export it.`);
    }
    if (!options.scheduling) return deckFileOf(deck, cards);
    const byCard = tx.objectStore('review-logs').index('by-card');
    const logs = await Promise.all(cards.map((card) => byCard.getAll(card.id)));
    const logsByCard = new Map<string, ReviewLogRecord[]>(cards.map((card, i) => [card.id, logs[i]!]));
    return deckFileOf(deck, cards, logsByCard);
  });
}
