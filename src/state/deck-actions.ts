/**
 * What the deck screens do to decks and cards, wired to storage: each action runs in one transaction,
 * tells this tab and the others (`collection.changed`) and rejects with a message the screen can show.
 */
import type { NoteInput } from '../domain/notes';
import { newId } from '../domain/ids';
import type { CardRecord } from '../domain/types';
import { cardsOfDeck, cardsOfFact, getCard, suspendCard } from '../storage/card-store';
import {
  createDeck,
  deleteNotes,
  renameDeck,
  resetCards,
  saveCardText,
  saveNote,
  type CardText,
  type SaveNoteResult,
} from '../storage/custom-deck-store';
import { setDeckPaused } from '../storage/deck-store';
import { deleteDeck, listSnapshots, restoreSnapshot, type SnapshotSummary } from '../storage/snapshot-store';
import { now } from './clock';
import { downloadBlob } from './download';
import type { Collection } from './create-collection';

/** Every card of a deck, in deck order. */
export async function loadDeckCards(collection: Collection, deckId: string): Promise<CardRecord[]> {
  return cardsOfDeck(await collection.db(), deckId);
}

/** The cards of one note (`factId`) of a deck, read through the fact index rather than the whole deck. */
export async function loadNoteCards(
  collection: Collection,
  deckId: string,
  noteId: string,
): Promise<CardRecord[]> {
  return (await cardsOfFact(await collection.db(), noteId)).filter((card) => card.deckId === deckId);
}

/** One card of a deck, or undefined when it is not (or no longer) there. */
export async function loadDeckCard(
  collection: Collection,
  deckId: string,
  cardId: string,
): Promise<CardRecord | undefined> {
  const card = await getCard(await collection.db(), cardId);
  return card?.deckId === deckId ? card : undefined;
}

/** Creates an empty deck of the learner's own; resolves with its id. */
export async function createCustomDeck(
  collection: Collection,
  title: string,
  description: string,
): Promise<string> {
  const at = now();
  const deck = await createDeck(await collection.db(), { id: newId(title, at), title, description }, at);
  collection.changed('decks');
  return deck.id;
}

export async function renameCustomDeck(
  collection: Collection,
  deckId: string,
  title: string,
  description: string,
): Promise<void> {
  await renameDeck(await collection.db(), deckId, title, description, now());
  collection.changed('decks');
}

/** Puts a deck in daily study ("Study all"), or takes it out; its cards keep their schedule either way. */
export async function setDailyStudy(collection: Collection, deckId: string, on: boolean): Promise<void> {
  await setDeckPaused(await collection.db(), deckId, !on, now());
  collection.changed('decks');
}

/** Deletes a deck after taking a snapshot of it; resolves with the snapshot's id, for undo. */
export async function deleteCustomDeck(collection: Collection, deckId: string): Promise<string> {
  const at = now();
  const snapshotId = newId('delete', at);
  await deleteDeck(await collection.db(), deckId, snapshotId, at);
  collection.changed('decks');
  return snapshotId;
}

/** Brings back what a snapshot holds (an import or a deck deletion undone). */
export async function bringBackSnapshot(collection: Collection, snapshotId: string): Promise<void> {
  await restoreSnapshot(await collection.db(), snapshotId);
  collection.changed('decks');
}

/** Saves a note from the editor (a new note gets an id here); resolves with what changed. */
export async function saveNoteOf(
  collection: Collection,
  deckId: string,
  input: Omit<NoteInput, 'noteId'> & { noteId: string | null },
): Promise<SaveNoteResult & { noteId: string }> {
  const at = now();
  const noteId = input.noteId ?? newId('n', at);
  const result = await saveNote(await collection.db(), deckId, { ...input, noteId }, at);
  collection.changed('decks');
  return { ...result, noteId };
}

/** Saves the text of an imported card (one without an editor note). */
export async function saveCardTextOf(collection: Collection, cardId: string, text: CardText): Promise<void> {
  await saveCardText(await collection.db(), cardId, text, now());
  collection.changed('cards', [cardId]);
}

export async function deleteNotesOf(
  collection: Collection,
  deckId: string,
  noteIds: string[],
): Promise<number> {
  const count = await deleteNotes(await collection.db(), deckId, noteIds, now());
  collection.changed('decks');
  return count;
}

export async function resetCardsOf(collection: Collection, ids: string[]): Promise<number> {
  const count = await resetCards(await collection.db(), ids, now());
  collection.changed('cards', ids);
  return count;
}

export async function setSuspended(collection: Collection, id: string, suspended: boolean): Promise<void> {
  await suspendCard(await collection.db(), id, suspended);
  collection.changed('cards', [id]);
}

/**
 * Saves a deck as a file (`.sarcomet.json`), with or without the learner's scheduling: the download the
 * browser offers. Resolves with the file name.
 */
export async function downloadDeck(
  collection: Collection,
  deckId: string,
  scheduling: boolean,
): Promise<string> {
  const { exportDeck } = await import('../storage/deck-export-store');
  const { deckFileName } = await import('../domain/deck-export');
  const file = await exportDeck(await collection.db(), deckId, { scheduling });
  const name = deckFileName(file);
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  downloadBlob(blob, name);
  return name;
}

/** The snapshots the app keeps (before imports and deck deletions), newest first. */
export async function loadSnapshots(collection: Collection): Promise<SnapshotSummary[]> {
  return listSnapshots(await collection.db());
}
