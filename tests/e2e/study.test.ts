/**
 * Daily study in the production build, on a phone viewport: a new user studies, reloads and finds every
 * review stored; with the clock moved forward, the cards FSRS scheduled come due.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../../src/domain/types';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';
import { answer } from './actions';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openHome(page: Page) {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: /^Study all/ }).waitFor();
}

/** Reads the "Today" counts on the home screen. */
async function todayCounts(page: Page) {
  const text = await page.locator('#all-title + .counts').innerText();
  const [, n, l, r] = /(\d+)\s*new\s*(\d+)\s*learning\s*(\d+)\s*review/.exec(text.replace(/\s+/g, ' ')) ?? [];
  return { new: Number(n), learning: Number(l), review: Number(r) };
}

describe('daily study', () => {
  it('a new user studies six cards with mixed grades, reloads, and every review is still stored', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openHome(page);
    const before = await todayCounts(page);
    expect(before.new).toBe(20);
    expect(before.review).toBe(0);

    await page.getByRole('button', { name: /^Study all/ }).tap();
    const grades = ['Again', 'Good', 'Hard', 'Easy', 'Good', 'Again'] as const;
    const fronts: string[] = [];
    for (const grade of grades) fronts.push(await answer(page, grade));

    await page.reload();
    // The reload lands on the study screen again, with the next card.
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await page.getByRole('link', { name: 'Home' }).tap();
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await expect.poll(() => page.getByText('6 answers so far today').count()).toBe(1);

    const logs = (await readStore<ReviewLogRecord>(page, 'review-logs')).sort((a, b) => a.time - b.time);
    expect(logs.map((l) => l.grade)).toEqual([1, 3, 2, 4, 3, 1]);
    expect(new Set(logs.map((l) => l.id)).size).toBe(6);
    const cards = await readStore<CardRecord>(page, 'cards');
    const studied = cards.filter((c) => c.fsrs.reps > 0);
    expect(studied.map((c) => c.id).sort()).toEqual([...new Set(logs.map((l) => l.cardId))].sort());
    for (const card of studied) expect(fronts).toContain(card.front);
    expect(studied.reduce((sum, c) => sum + c.fsrs.reps, 0)).toBe(6);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keyboard study: Space shows the answer, 1-4 grade, Z undoes', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await openHome(page);
    await page.getByRole('button', { name: /^Study all/ }).click();
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    const first = await page.locator('#card-front').innerText();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    await page.keyboard.press('3');
    await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(1);
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await page.keyboard.press('z');
    await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(0);
    await expect.poll(() => page.locator('#card-front').innerText()).toBe(first);
    const card = (await readStore<CardRecord>(page, 'cards')).find((c) => c.front === first);
    expect(card?.fsrs.reps).toBe(0);
    await context.close();
  });

  it('a held Enter shows the answer once and never grades the card unseen (issue 7, point 11)', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await openHome(page);
    await page.getByRole('button', { name: /^Study all/ }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await page.locator('#main').focus();
    // The first keydown shows the answer; the keyboard's auto-repeat sends more with repeat = true.
    await page.keyboard.down('Enter');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    // Still on the answer side, and nothing was graded.
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    expect(await readStore(page, 'review-logs')).toHaveLength(0);
    // A fresh press (not a repeat) grades Good, as before.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(1);
    await context.close();
  });

  it('with the clock moved forward, the cards FSRS scheduled come due', async () => {
    const context = await phoneContext(browser);
    const start = new Date('2026-03-02T09:00:00Z');
    await context.clock.install({ time: start });
    const page = await context.newPage();
    await openHome(page);
    await page.getByRole('button', { name: /^Study all/ }).tap();
    const fronts: string[] = [];
    for (let i = 0; i < 4; i++) fronts.push(await answer(page, 'Easy'));

    const cards = (await readStore<CardRecord>(page, 'cards')).filter((c) => fronts.includes(c.front));
    expect(cards).toHaveLength(4);
    const dues = cards.map((c) => new Date(c.fsrs.due).getTime());
    for (const due of dues) expect(due).toBeGreaterThan(start.getTime() + 24 * 3600_000);

    // Later the same day: nothing is due yet.
    await context.clock.setSystemTime(new Date(start.getTime() + 3 * 3600_000));
    await openHome(page);
    expect((await todayCounts(page)).review).toBe(0);

    // The morning after the earliest due date: exactly the cards due by then are due.
    const firstDue = Math.min(...dues);
    const morning = new Date(firstDue);
    morning.setUTCHours(9, 0, 0, 0);
    if (morning.getTime() < firstDue) morning.setUTCDate(morning.getUTCDate() + 1);
    const dayEnd = new Date(morning);
    dayEnd.setUTCDate(dayEnd.getUTCDate() + 1);
    dayEnd.setUTCHours(4, 0, 0, 0);
    const expected = cards
      .filter((c) => new Date(c.fsrs.due).getTime() < dayEnd.getTime())
      .map((c) => c.front);
    await context.clock.setSystemTime(morning);
    await openHome(page);
    expect((await todayCounts(page)).review).toBe(expected.length);

    // Turn off new cards in Settings, then study: exactly the scheduled cards are shown.
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByLabel('New cards per day').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).tap();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('link', { name: 'Home' }).tap();
    await page.getByRole('button', { name: /^Study all/ }).tap();
    const shown: string[] = [];
    for (let i = 0; i < expected.length; i++) shown.push(await answer(page, 'Good'));
    expect(shown.sort()).toEqual([...expected].sort());
    await page.getByText('All done for now').waitFor();
    await context.close();
  });

  it('suspends and buries from the study screen, and unsuspends from the card browser', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await openHome(page);
    await page.getByRole('button', { name: /^Study all/ }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    const suspended = await page.locator('#card-front').innerText();
    await page.getByRole('button', { name: 'Suspend card' }).tap();
    await expect.poll(() => page.locator('#card-front').innerText()).not.toBe(suspended);
    const buried = await page.locator('#card-front').innerText();
    await page.getByRole('button', { name: 'Bury until tomorrow' }).tap();
    await expect.poll(() => page.locator('#card-front').innerText()).not.toBe(buried);

    const cards = await readStore<CardRecord>(page, 'cards');
    const s = cards.find((c) => c.front === suspended)!;
    const b = cards.find((c) => c.front === buried)!;
    expect(s.suspended).toBe(true);
    expect(s.newRank).toBeUndefined();
    expect(b.buriedUntil).toBeGreaterThan(Date.now());
    expect(await readStore(page, 'review-logs')).toHaveLength(0);

    // The suspended card can be found in its deck and unsuspended there.
    const deck = (await readStore<DeckRecord>(page, 'decks')).find((d) => d.id === s.deckId)!;
    await page.getByRole('link', { name: 'Decks' }).tap();
    await page.getByRole('link', { name: deck.title }).tap();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill(suspended.slice(0, 40));
    await page.getByRole('button', { name: `Unsuspend: ${suspended}` }).tap();
    await page.getByRole('button', { name: `Suspend: ${suspended}` }).waitFor();
    const after = (await readStore<CardRecord>(page, 'cards')).find((c) => c.id === s.id)!;
    expect(after.suspended).toBe(false);
    expect(after.newRank).toBe(s.position);
    await context.close();
  });

  it('closes its connection and asks for a reload when another tab opens a newer database version', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await openHome(page);
    const other = await context.newPage();
    await other.goto(`${baseUrl()}icons/icon.svg`);
    // Another tab (a newer app version) upgrades the database; this only succeeds if the old tab lets go.
    const upgraded = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('sarcomet', 99);
          request.onupgradeneeded = () => undefined;
          request.onsuccess = () => {
            const version = request.result.version;
            request.result.close();
            resolve(version);
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('blocked: the old tab kept its connection open'));
        }),
    );
    expect(upgraded).toBe(99);
    await page.getByRole('alert').filter({ hasText: 'updated in another tab' }).waitFor();
    await page.getByRole('button', { name: 'Reload' }).waitFor();
    await context.close();
  });
});
