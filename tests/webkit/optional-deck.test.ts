/**
 * Issue 12 in WebKit, at phone size on the production build: the optional deck "Tables, figures and
 * abbreviations" arrives out of daily study (Home says so and offers to add it; its switch on Decks is off)
 * and Decks (or Home's button) turns it on; a cloze's answer side highlights the words its front hid.
 */
import { describe, expect, it } from 'vitest';
import type { DeckRecord } from '../../src/domain/types';
import { cardFront, dismissOfflineToast, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import {
  getByRole,
  pageErrors,
  queryAllByRole,
  queryAllByText,
  readStore,
  tap,
  tapRole,
  TIMEOUT,
  type Browser,
} from './webkit';

const url = baseUrl();
const session = useSessions();

const OPTIONAL = 'Tables, figures and abbreviations';

const pausedTitles = async (b: Browser) =>
  (await readStore<DeckRecord>(b, 'decks')).filter((d) => d.paused).map((d) => d.title);

/** Waits until `read` gives `expected` (compared as JSON). */
async function waitFor<T>(b: Browser, read: () => Promise<T>, expected: T, what: string): Promise<void> {
  let last: T | undefined;
  await b.waitUntil(async () => JSON.stringify((last = await read())) === JSON.stringify(expected), {
    timeout: TIMEOUT,
    interval: 200,
    timeoutMsg: `${what}: expected ${JSON.stringify(expected)}, last ${JSON.stringify(last)}`,
  });
}

describe('the optional deck in WebKit', () => {
  it('starts out of daily study; its switch on Decks and Home’s button put it in', async () => {
    const b = await session();
    await openApp(b, url);
    await dismissOfflineToast(b);

    // Home: the optional deck alone carries the note and the button that adds it.
    const notes = async () => (await queryAllByText(b, 'Not in Study all.')).length;
    await waitFor(b, notes, 1, 'Home’s "Not in Study all." notes');
    const note = (await queryAllByText(b, 'Not in Study all.'))[0]!;
    expect(await note.$('./ancestor::li[1]//h3').getText()).toBe(OPTIONAL);
    await getByRole(b, 'button', `Add ${OPTIONAL} to Study all`);
    expect(await pausedTitles(b)).toEqual([OPTIONAL]);

    // Decks: its switch is off, the seven others' are on.
    await tapRole(b, 'link', 'Decks');
    const optional = await getByRole(b, 'switch', `In daily study: ${OPTIONAL}`);
    expect(await optional.isSelected()).toBe(false);
    const switches = await queryAllByRole(b, 'switch', /^In daily study: /);
    expect(switches).toHaveLength(8);
    const on = await Promise.all(switches.map((s) => s.isSelected()));
    expect(on.filter(Boolean)).toHaveLength(7);

    await tap(optional);
    await waitFor(
      b,
      () => b.$('.daily-status').getText(),
      `“${OPTIONAL}” is in daily study now.`,
      'the Decks status line',
    );
    // The list is rendered anew with the changed deck: its switch is a new element.
    expect(await (await getByRole(b, 'switch', `In daily study: ${OPTIONAL}`)).isSelected()).toBe(true);
    await waitFor(b, () => pausedTitles(b), [], 'paused decks after the switch');

    await tapRole(b, 'link', 'Home');
    await getByRole(b, 'button', /^Study all/);
    await waitFor(b, notes, 0, 'Home’s "Not in Study all." notes');
    expect(await queryAllByRole(b, 'button', `Add ${OPTIONAL} to Study all`)).toHaveLength(0);

    // Out of daily study again, Home's button adds it back in one tap.
    await tapRole(b, 'link', 'Decks');
    await tapRole(b, 'switch', `In daily study: ${OPTIONAL}`);
    await waitFor(b, () => pausedTitles(b), [OPTIONAL], 'paused decks after the switch');
    await tapRole(b, 'link', 'Home');
    await tapRole(b, 'button', `Add ${OPTIONAL} to Study all`);
    await waitFor(b, notes, 0, 'Home’s "Not in Study all." notes');
    expect(await pausedTitles(b)).toEqual([]);
    expect(await pageErrors(b)).toEqual([]);
  });

  it('the answer side of a cloze highlights one word for each blank of its front', async () => {
    const b = await session();
    await openApp(b, url);
    await tapRole(b, 'button', /^Study all/);
    // The first new card of the first deck is a cloze (epidemiology's incidence).
    await getByRole(b, 'button', /^Show answer/);
    expect(await b.$('.flashcard .card-meta').getText()).toContain('Fill in the blank');
    const front = await cardFront(b);
    const blanks = front.split('[...]').length - 1;
    expect(blanks).toBeGreaterThan(0);
    await tapRole(b, 'button', /^Show answer/);
    await getByRole(b, 'button', /^Good · /);
    const marks = await b.$$('.flashcard .back mark.cloze-answer').getElements();
    expect(marks).toHaveLength(blanks);
    for (const mark of marks) expect((await mark.getText()).trim()).not.toBe('');
    const [markBg, cardBg] = await b.execute(() => [
      getComputedStyle(document.querySelector('mark.cloze-answer')!).backgroundColor,
      getComputedStyle(document.querySelector('.flashcard')!).backgroundColor,
    ]);
    expect(markBg).not.toBe(cardBg);
    expect(await pageErrors(b)).toEqual([]);
  });
});
