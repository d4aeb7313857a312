/**
 * The learner's own decks: creating and renaming them, saving notes from the card editor (each note's cards
 * added, updated or removed in one transaction, schedules and history kept), resetting and deleting cards.
 * Deleting a whole deck is in snapshot-store.ts, because it can be undone.
 */
import { makeCardRecord, updateCardContent, withIndexKeys } from '../domain/card-record';
import { DECK_LIMITS } from '../domain/deck-format';
import { cardsOfNote, type NoteInput } from '../domain/notes';
import { newFsrsCard } from '../domain/scheduler';
import type { CardRecord, DeckRecord } from '../domain/types';
import { StorageError } from './errors';
import { deleteCardsAndLogs } from './snapshot-store';
import { runTransaction, type AppDatabase } from './transaction';

export interface NewDeck {
  id: string;
  title: string;
  description: string;
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new StorageError('invalid', 'Give the deck a name.');
  if (trimmed.length > 200) throw new StorageError('invalid', 'A deck name is at most 200 characters.');
  return trimmed;
}

/** Creates an empty custom deck. Rejects when the id is taken. */
export async function createDeck(db: AppDatabase, deck: NewDeck, now: Date): Promise<DeckRecord> {
  const title = checkTitle(deck.title);
  return runTransaction(db, ['decks'], 'readwrite', async (tx) => {
    const store = tx.objectStore('decks');
    if (await store.getKey(deck.id)) throw new StorageError('invalid', 'A deck with this id exists already.');
    const record: DeckRecord = {
      id: deck.id,
      title,
      description: deck.description.trim().slice(0, 2000),
      language: 'en',
      tags: [],
      builtIn: false,
      hash: '',
      cardCount: 0,
      importedAt: now.getTime(),
      updatedAt: now.getTime(),
    };
    await store.add(record);
    return record;
  });
}

/** Renames a custom deck (and sets its description). */
export async function renameDeck(
  db: AppDatabase,
  deckId: string,
  title: string,
  description: string,
  now: Date,
): Promise<DeckRecord> {
  const checked = checkTitle(title);
  return runTransaction(db, ['decks'], 'readwrite', async (tx) => {
    const store = tx.objectStore('decks');
    const deck = await store.get(deckId);
    if (!deck) throw new StorageError('invalid', 'This deck no longer exists.');
    if (deck.builtIn) throw new StorageError('invalid', 'Built-in decks cannot be renamed.');
    const next = {
      ...deck,
      title: checked,
      description: description.trim().slice(0, 2000),
      updatedAt: now.getTime(),
    };
    await store.put(next);
    return next;
  });
}

export interface SaveNoteResult {
  added: number;
  updated: number;
  removed: number;
  cards: CardRecord[];
}

/**
 * Saves a note of a custom deck in one transaction: its cards that are new are added as new cards at the
 * end of the deck, those that exist get the new content (schedule, suspension and reviews kept), and cards
 * the note no longer gives (a cloze deletion removed) are deleted. Rejects with the editor's messages when
 * the note is incomplete, and when the deck is missing or built in.
 */
export async function saveNote(
  db: AppDatabase,
  deckId: string,
  input: NoteInput,
  now: Date,
): Promise<SaveNoteResult> {
  const check = cardsOfNote(input);
  if (!check.ok) throw new StorageError('invalid', check.errors.join(' '), { details: check.errors });
  return runTransaction(db, ['decks', 'cards'], 'readwrite', async (tx) => {
    const decks = tx.objectStore('decks');
    const cards = tx.objectStore('cards');
    const deck = await decks.get(deckId);
    if (!deck) throw new StorageError('invalid', 'This deck no longer exists.');
    if (deck.builtIn)
      throw new StorageError(
        'invalid',
        'Built-in decks are made from the review; add cards to a deck of your own.',
      );
    const siblings = await cards.index('by-fact').getAll(input.noteId);
    const foreign = siblings.find((card) => card.deckId !== deckId);
    if (foreign) throw new StorageError('invalid', 'This note belongs to another deck.');
    const existing = new Map(siblings.map((card) => [card.id, card]));
    const written: CardRecord[] = [];
    let added = 0;
    let updated = 0;
    check.cards.forEach((card, index) => {
      const old = existing.get(card.id);
      if (old) {
        existing.delete(card.id);
        written.push(updateCardContent(old, card, deckId, old.position));
        updated += 1;
      } else {
        // New cards go to the end of the deck, in the note's order.
        const position = now.getTime() + index / 100;
        written.push(makeCardRecord(deckId, card, position, newFsrsCard(now), now));
        added += 1;
      }
    });
    const removed = [...existing.keys()];
    await Promise.all([
      ...written.map((card) => cards.put(card)),
      ...removed.map((id) => cards.delete(id)),
      decks.put({ ...deck, cardCount: deck.cardCount + added - removed.length, updatedAt: now.getTime() }),
    ]);
    return { added, updated, removed: removed.length, cards: written };
  });
}

/**
 * Deletes notes of a custom deck: every card of each note (`factId`) and their review logs, in one
 * transaction. Resolves with the number of cards deleted.
 */
export async function deleteNotes(
  db: AppDatabase,
  deckId: string,
  noteIds: readonly string[],
  now: Date,
): Promise<number> {
  return runTransaction(db, ['decks', 'cards', 'review-logs'], 'readwrite', async (tx) => {
    const deck = await tx.objectStore('decks').get(deckId);
    if (!deck) throw new StorageError('invalid', 'This deck no longer exists.');
    if (deck.builtIn)
      throw new StorageError('invalid', 'Cards of built-in decks cannot be deleted; suspend them instead.');
    const byFact = tx.objectStore('cards').index('by-fact');
    const cards = (await Promise.all(noteIds.map((id) => byFact.getAll(id))))
      .flat()
      .filter((card) => card.deckId === deckId);
    await Promise.all([
      deleteCardsAndLogs(tx, cards),
      tx.objectStore('decks').put({
        ...deck,
        cardCount: Math.max(0, deck.cardCount - cards.length),
        updatedAt: now.getTime(),
      }),
    ]);
    return cards.length;
  });
}

/**
 * Resets cards to new ("Forget" in Anki): their schedule starts again, their reviews are kept as history,
 * and `resetAt` tells a replay to start after them. One transaction.
 */
export async function resetCards(db: AppDatabase, ids: readonly string[], now: Date): Promise<number> {
  return runTransaction(db, ['cards'], 'readwrite', async (tx) => {
    const store = tx.objectStore('cards');
    const cards = (await Promise.all(ids.map((id) => store.get(id)))).filter(
      (card): card is CardRecord => card !== undefined,
    );
    await Promise.all(
      cards.map((card) =>
        store.put(withIndexKeys({ ...card, fsrs: newFsrsCard(now), buriedUntil: 0, resetAt: now.getTime() })),
      ),
    );
    return cards.length;
  });
}

export interface CardText {
  front: string;
  back: string;
  tags: string[];
  sourceNote: string;
}

/**
 * Changes the text of one card of a custom deck that has no editor note (an imported card), keeping its
 * markup, schedule and reviews. One transaction; rejects when a side is empty or too long.
 */
export async function saveCardText(
  db: AppDatabase,
  cardId: string,
  text: CardText,
  now: Date,
): Promise<CardRecord> {
  const front = text.front.trim();
  const back = text.back.trim();
  if (!front || !back) throw new StorageError('invalid', 'Write both the front and the back.');
  if (front.length > DECK_LIMITS.maxTextLength || back.length > DECK_LIMITS.maxTextLength) {
    throw new StorageError('invalid', `A side is longer than ${DECK_LIMITS.maxTextLength} characters.`);
  }
  return runTransaction(db, ['decks', 'cards'], 'readwrite', async (tx) => {
    const card = await tx.objectStore('cards').get(cardId);
    if (!card) throw new StorageError('invalid', 'This card no longer exists.');
    const deck = await tx.objectStore('decks').get(card.deckId);
    if (!deck || deck.builtIn) {
      throw new StorageError(
        'invalid',
        'Cards of built-in decks are made from the review and cannot be edited.',
      );
    }
    const next: CardRecord = { ...card, front, back, tags: [...text.tags] };
    if (text.sourceNote.trim()) next.sourceNote = text.sourceNote.trim();
    else delete next.sourceNote;
    await tx.objectStore('cards').put(withIndexKeys(next));
    await tx.objectStore('decks').put({ ...deck, updatedAt: now.getTime() });
    return next;
  });
}
