/**
 * The deck deleted last, for the "Undo" the Decks screen offers for a while after a deletion (the deck
 * screen it was deleted from is gone by then).
 */
import { createSignal } from 'solid-js';

export interface DeletedDeck {
  title: string;
  snapshotId: string;
}

const [deleted, setDeleted] = createSignal<DeletedDeck | null>(null);

/** The deck deleted last, until the undo is used or dismissed. */
export const lastDeleted = deleted;

export function rememberDeleted(deck: DeletedDeck | null): void {
  setDeleted(deck);
}
