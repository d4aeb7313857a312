/**
 * The controls of issue 13 in WebKit, at phone size on the production build: the lowest-retrievability review
 * order, a card forgotten for the eighth time becoming a leech (notice, suspended, the deck's "Leeches"
 * filter), and that card's info with its review history.
 */
import { describe, expect, it } from 'vitest';
import { CardState, type CardRecord, type DeckRecord, type Settings } from '../../src/domain/types';
import { answer, cardFront, dismissOfflineToast, openApp, tapDialogButton } from './actions';
import { putRecords } from './seed';
import { baseUrl, useSessions } from './session';
import {
  definitionOf,
  getByRole,
  getByText,
  pageErrors,
  readStore,
  tap,
  tapRole,
  TIMEOUT,
  type Browser,
} from './webkit';

const url = baseUrl();
const session = useSessions();

const DAY = 86_400_000;

/**
 * `card` as a review card that came due `overdueDays` ago after an interval (and stability) of `interval`
 * days, with `lapses` lapses behind it: what years of study would have left, with the app's index keys.
 */
function reviewCard(card: CardRecord, overdueDays: number, interval: number, lapses: number): CardRecord {
  const due = Date.now() - overdueDays * DAY;
  const { newRank: _newRank, ...rest } = card;
  return {
    ...rest,
    fsrs: {
      ...card.fsrs,
      due: new Date(due),
      stability: interval,
      difficulty: 6,
      elapsed_days: interval,
      scheduled_days: interval,
      learning_steps: 0,
      reps: 12,
      lapses,
      state: CardState.Review,
      last_review: new Date(due - interval * DAY),
    },
    due,
    reviewDue: due,
  };
}

/** A fact of the card info dialog's first review: its value under the term `name`. */
const historyFact = (b: Browser, name: string) =>
  definitionOf(b, 'dialog[open] .history > li:first-child', name);

describe('leeches, review order and card info in WebKit', () => {
  it('a lapse to the leech threshold suspends the card, shown first in the lowest-recall order', async () => {
    const b = await session();
    await openApp(b, url);
    await dismissOfflineToast(b);

    // Two plain question cards of different facts in the first deck, once its import is stored.
    const { deck, cards } = await b.waitUntil(
      async () => {
        const [deck] = await readStore<DeckRecord>(b, 'decks');
        const cards = (await readStore<CardRecord>(b, 'cards')).filter((c) => c.deckId === deck?.id);
        return deck && cards.length === deck.cardCount && { deck, cards };
      },
      { timeout: TIMEOUT, interval: 250, timeoutMsg: 'the first built-in deck was not stored' },
    );
    const plain = cards.filter((c) => c.kind === 'qa' && !c.markup);
    const steady = plain[0]!;
    const shaky = plain.find((c) => c.factId !== steady.factId)!;
    // By due date `steady` comes first (due 3 days ago); but it was learnt well (stability 100 days), while
    // `shaky` (stability 2 days, reviewed 3 days ago) is more likely forgotten. `shaky` has lapsed 7 times.
    await putRecords(b, [reviewCard(steady, 3, 100, 0), reviewCard(shaky, 1, 2, 7)]);

    // Settings: no new cards today, and the reviews most likely forgotten first.
    await tapRole(b, 'link', 'Settings');
    const newPerDay = await getByRole(b, 'textbox', 'New cards per day');
    await newPerDay.setValue('0');
    await b.$('#setting-review-order').selectByVisibleText('Lowest retrievability first');
    expect(await (await getByRole(b, 'textbox', 'Leech threshold (lapses)')).getValue()).toBe('8');
    await tapRole(b, 'button', 'Save settings');
    await getByText(b, 'Settings saved.');
    const [settings] = await readStore<Settings>(b, 'settings');
    expect(settings).toMatchObject({ reviewOrder: 'retrievability', leechThreshold: 8, newPerDay: 0 });

    await tapRole(b, 'link', 'Home');
    await tapRole(b, 'button', /^Study all/);
    // The least-recalled card comes first, although the other one has been due longer.
    expect((await answer(b, 'Again')).trim()).toBe(shaky.front);
    // Said on screen, and to a screen reader through the live region.
    const notice = b.$('.notice[role="status"]');
    await notice.waitForDisplayed();
    expect(await notice.getText()).toContain('forgotten 8 times, so it is now a leech');
    expect(await b.$('[aria-live="polite"]').getHTML({ includeSelectorTag: false })).toContain('now a leech');
    expect((await cardFront(b)).trim()).toBe(steady.front);

    const stored = (await readStore<CardRecord>(b, 'cards')).find((c) => c.id === shaky.id)!;
    expect(stored.suspended).toBe(true);
    expect(stored.tags).toContain('leech');
    expect(stored.fsrs.lapses).toBe(8);

    // The deck's cards: the "Leeches" filter shows the leech alone.
    await b.url(`${url}#/decks/${deck.id}`);
    await getByRole(b, 'searchbox', /./);
    await tapRole(b, 'button', 'Leeches (1)');
    await b.waitUntil(
      async () =>
        (await (await getByRole(b, 'button', 'Leeches (1)')).getAttribute('aria-pressed')) === 'true',
      { timeout: TIMEOUT, timeoutMsg: 'the Leeches filter was not pressed' },
    );
    await getByText(b, `1 of ${deck.cardCount} cards`);
    const items = await b.$$('.card-list > li').getElements();
    expect(items).toHaveLength(1);
    expect(await items[0]!.getText()).toContain('Leech, suspended');

    // Its info: the next due date (suspended) and its one review, a lapse into a relearning step.
    await tap(await items[0]!.$('button=Info').getElement());
    await b.$('dialog[open] .history').waitForDisplayed();
    expect(await b.$('dialog[open] h2').getText()).toBe('Card info');
    expect(await b.$('dialog[open] .card-info-facts').getText()).toContain('suspended (a leech)');
    expect(await b.$$('dialog[open] .history > li').length).toBe(1);
    expect(await b.$('dialog[open] .history-head strong').getText()).toBe('Again');
    expect(await historyFact(b, 'Interval')).toMatch(/^\d+m$/);
    expect(await historyFact(b, 'Stability')).toMatch(/^\d+(\.\d)?d$/);
    expect(await historyFact(b, 'Difficulty')).toMatch(/^\d+(\.\d)?$/);
    // Reviewed 3 days after it was last seen, with 2 days' stability: recall below 90%.
    const recall = Number((await historyFact(b, 'Recall')).replace('%', ''));
    expect(recall).toBeGreaterThan(50);
    expect(recall).toBeLessThan(90);
    await tapDialogButton(b, 'Close');
    await b.waitUntil(async () => (await b.$$('dialog[open]').length) === 0, {
      timeout: TIMEOUT,
      timeoutMsg: 'the card info dialog did not close',
    });
    expect(await pageErrors(b)).toEqual([]);
  });
});
