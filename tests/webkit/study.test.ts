/**
 * Daily study in WebKit, on the production build at phone size: a new user studies with mixed grades,
 * reloads and finds every review stored; Undo (the button and the Z key) reverts the last grade.
 */
import { describe, expect, it } from 'vitest';
import type { CardRecord, ReviewLogRecord } from '../../src/domain/types';
import { answer, cardFront, openApp, waitForNextCard } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tapRole, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

/** Reads the "Today" counts on the home screen. */
async function todayCounts(b: Browser) {
  const text = await b.$('#all-title + .counts').getText();
  const [, n, l, r] = /(\d+)\s*new\s*(\d+)\s*learning\s*(\d+)\s*review/.exec(text.replace(/\s+/g, ' ')) ?? [];
  return { new: Number(n), learning: Number(l), review: Number(r) };
}

const logCount = async (b: Browser) => (await readStore(b, 'review-logs')).length;

describe('daily study in WebKit', () => {
  it('a new user studies six cards with mixed grades, reloads, and every review is still stored', async () => {
    const b = await session();
    await openApp(b, url);
    expect(await b.execute(() => [window.innerWidth, window.innerHeight])).toEqual([390, 844]);
    // A fresh session is a new user: nothing studied yet.
    expect(await logCount(b)).toBe(0);
    const before = await todayCounts(b);
    expect(before.new).toBe(20);
    expect(before.review).toBe(0);

    await tapRole(b, 'button', /^Study all/);
    const grades = ['Again', 'Good', 'Hard', 'Easy', 'Good', 'Again'] as const;
    const fronts: string[] = [];
    for (const grade of grades) fronts.push(await answer(b, grade));
    expect(await pageErrors(b)).toEqual([]);

    await b.refresh();
    // The reload lands on the study screen again, with the next card.
    await getByRole(b, 'button', /^Show answer/);
    await tapRole(b, 'link', 'Home');
    await getByRole(b, 'button', /^Study all/);
    await getByText(b, '6 answers so far today');

    const logs = (await readStore<ReviewLogRecord>(b, 'review-logs')).sort((x, y) => x.time - y.time);
    expect(logs.map((l) => l.grade)).toEqual([1, 3, 2, 4, 3, 1]);
    expect(new Set(logs.map((l) => l.id)).size).toBe(6);
    const cards = await readStore<CardRecord>(b, 'cards');
    const studied = cards.filter((c) => c.fsrs.reps > 0);
    expect(studied.map((c) => c.id).sort()).toEqual([...new Set(logs.map((l) => l.cardId))].sort());
    for (const card of studied) expect(fronts).toContain(card.front);
    expect(studied.reduce((sum, c) => sum + c.fsrs.reps, 0)).toBe(6);
  });

  it('undo: the Undo button and the Z key each take back the last grade', async () => {
    const b = await session();
    await openApp(b, `${url}#/study`, /^Show answer/);
    const unstudied = async (front: string) =>
      (await readStore<CardRecord>(b, 'cards')).find((c) => c.front === front)?.fsrs.reps;

    // The Undo button.
    const first = await cardFront(b);
    await answer(b, 'Good');
    await b.waitUntil(async () => (await logCount(b)) === 1, { timeoutMsg: 'the grade was not stored' });
    expect(await cardFront(b)).not.toBe(first);
    await tapRole(b, 'button', 'Undo');
    await b.waitUntil(async () => (await logCount(b)) === 0, {
      timeoutMsg: 'Undo did not remove the review',
    });
    await b.waitUntil(async () => (await cardFront(b)) === first, {
      timeoutMsg: 'the card did not come back',
    });
    expect(await unstudied(first)).toBe(0);

    // The keyboard: Space shows the answer, 3 grades Good, Z undoes.
    await getByRole(b, 'button', /^Show answer/);
    await b.keys(' ');
    await getByRole(b, 'button', /^Good · /);
    await b.keys('3');
    await b.waitUntil(async () => (await logCount(b)) === 1, { timeoutMsg: 'key 3 stored no review' });
    await waitForNextCard(b);
    expect(await cardFront(b)).not.toBe(first);
    await b.keys('z');
    await b.waitUntil(async () => (await logCount(b)) === 0, { timeoutMsg: 'Z did not remove the review' });
    await b.waitUntil(async () => (await cardFront(b)) === first, {
      timeoutMsg: 'Z did not bring the card back',
    });
    expect(await unstudied(first)).toBe(0);
    expect(await pageErrors(b)).toEqual([]);
  });
});
