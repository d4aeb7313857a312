/**
 * Custom decks in WebKit, at phone size against the production build: create a deck, write a basic and a
 * cloze card in the editor, study the deck, then delete it and undo the deletion.
 */
import { describe, expect, it } from 'vitest';
import type { CardRecord, DeckRecord } from '../../src/domain/types';
import { answer, dismissOfflineToast, tapDialogButton } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tapRole, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

async function fill(b: Browser, selector: string, value: string): Promise<void> {
  const field = b.$(selector);
  await field.waitForDisplayed();
  await field.setValue(value);
}

describe('custom decks in WebKit', () => {
  it('are made in the editor, studied, deleted and brought back', async () => {
    const b = await session();
    await b.url(`${url}#/decks`);
    await getByRole(b, 'link', 'MicroRNAs');
    await dismissOfflineToast(b);

    await tapRole(b, 'button', 'New deck');
    await fill(b, '#new-deck-title', 'Journal club');
    await tapRole(b, 'button', 'Create deck');
    await getByRole(b, 'heading', 'Journal club');
    await getByText(b, 'No cards yet');

    await tapRole(b, 'button', 'Add card');
    await fill(b, '#note-front', 'Which sarcoma is most common in children?');
    await fill(b, '#note-back', 'Rhabdomyosarcoma');
    await tapRole(b, 'button', 'Save and add another');
    await getByText(b, 'Saved 1 card. Add the next one.');

    await b.$('#note-type').selectByAttribute('value', 'cloze');
    await fill(b, '#note-front', 'SRS dose is {{c1::15-24 Gy}} for lesions up to {{c2::3 cm}}');
    await getByText(b, 'SRS dose is [...] for lesions up to 3 cm');
    await tapRole(b, 'button', 'Save');
    await getByText(b, '3 of 3 cards');

    await tapRole(b, 'button', 'Study');
    const front = await answer(b, 'Good');
    expect(front).toMatch(/children|SRS dose/);
    const deck = (await readStore<DeckRecord>(b, 'decks')).find((d) => d.title === 'Journal club')!;
    expect(deck.cardCount).toBe(3);

    await b.url(`${url}#/decks/${deck.id}`);
    await tapRole(b, 'button', 'Delete deck');
    await tapDialogButton(b, 'Delete deck');
    await getByText(b, 'Deleted “Journal club”.');
    expect((await readStore<CardRecord>(b, 'cards')).filter((c) => c.deckId === deck.id)).toHaveLength(0);
    await tapRole(b, 'button', 'Undo');
    await getByRole(b, 'link', 'Journal club');
    const cards = (await readStore<CardRecord>(b, 'cards')).filter((c) => c.deckId === deck.id);
    expect(cards).toHaveLength(3);
    expect(cards.filter((c) => c.fsrs.reps > 0)).toHaveLength(1);
    expect(await pageErrors(b)).toEqual([]);
  });
});
