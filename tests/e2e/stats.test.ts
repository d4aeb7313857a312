/**
 * The Stats screen (issue 13) in the production build, on a phone: a learner studies on three days with the
 * clock moved forward, and the screen shows what the stored reviews and cards say, counted here
 * independently (study days start at 4 am, the browser is in UTC); axe finds nothing in either theme.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRecord, ReviewLogRecord } from '../../src/domain/types';
import { answer } from './actions';
import { violations } from './axe';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The study day of an instant in UTC with days starting at 4 am: days since 1970-01-01. */
const studyDay = (ms: number) => Math.floor((ms - 4 * HOUR) / DAY);

/** The value shown under `name` in the Stats screen's "Today" figures. */
async function figure(page: Page, name: string): Promise<string> {
  const item = page
    .locator('.stats-figures > div')
    .filter({ has: page.getByRole('term').getByText(name, { exact: true }) });
  return (await item.getByRole('definition').innerText()).trim();
}

async function openStats(page: Page) {
  await page.getByRole('link', { name: 'Stats' }).tap();
  await page.getByRole('heading', { name: 'Stats', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  // The numbers are computed anew when the screen opens: wait until they are complete.
  await page
    .getByRole('status')
    .filter({ hasText: /are up to date\.$/ })
    .waitFor({ state: 'attached' });
}

async function openHomeAt(page: Page, time: Date) {
  await page.clock.setSystemTime(time);
  await page.goto(baseUrl());
  await page.getByRole('button', { name: /^Study all/ }).waitFor();
}

/**
 * Studies every card the day offers: a review card (as stored before the session) is answered Again the
 * first time when `failFirstReview` allows, everything else Good. Returns how many were answered.
 */
async function studyAll(page: Page, failFirstReview: boolean): Promise<number> {
  const before = new Map((await readStore<CardRecord>(page, 'cards')).map((c) => [c.front, c]));
  await page.getByRole('button', { name: /^Study all/ }).tap();
  let answered = 0;
  let failed = !failFirstReview;
  for (; answered < 40; answered++) {
    const done = page.getByText('All done for now');
    await page
      .getByRole('button', { name: /^Show answer/ })
      .or(done)
      .first()
      .waitFor();
    if (await done.isVisible()) break;
    const front = await page.locator('#card-front').innerText();
    const review = before.get(front)?.fsrs.state === 2;
    await answer(page, review && !failed ? 'Again' : 'Good');
    if (review) failed = true;
  }
  return answered;
}

describe('Stats screen', () => {
  it('shows what three days of study stored: today, true retention, streak, counts and future due', async () => {
    const context = await phoneContext(browser);
    await context.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openHomeAt(page, new Date('2026-03-02T09:00:00Z'));

    // Nothing studied yet: the empty state, with a way to study.
    await page.getByRole('link', { name: 'Stats' }).tap();
    await page.getByText('Study a few cards and your statistics appear here.').waitFor();
    await page.getByRole('button', { name: 'Study now' }).tap();

    // Day 1: five new cards.
    for (const grade of ['Again', 'Good', 'Good', 'Easy', 'Easy'] as const) await answer(page, grade);
    await openStats(page);
    expect(await figure(page, 'Cards studied')).toBe('5');
    expect(await figure(page, 'Reviews')).toBe('5');
    expect(await figure(page, 'Again')).toBe('1');
    expect(await figure(page, 'Correct')).toBe('80%');
    const day1 = await readStore<ReviewLogRecord>(page, 'review-logs');
    const spent = day1.reduce((sum, log) => sum + (log.took ?? NaN), 0);
    expect(spent).toBeGreaterThan(0);
    expect(await figure(page, 'Time spent')).toBe(`${Math.round(spent / 1000)} s`);
    // No graduated card was reviewed: no true retention yet.
    const todayRow = page.getByRole('row', { name: /^Today/ });
    expect((await todayRow.innerText()).replace(/\s+/g, ' ').trim()).toBe('Today – – –');

    // Only the cards already studied from now on.
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByLabel('New cards per day').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).tap();
    await page.getByText('Settings saved.').waitFor();

    // Day 2: the learning cards.
    await openHomeAt(page, new Date('2026-03-03T09:00:00Z'));
    expect(await studyAll(page, false)).toBeGreaterThan(0);

    // Day 3: the morning the first review card is due; the first review card is forgotten.
    const dues = (await readStore<CardRecord>(page, 'cards'))
      .filter((c) => c.fsrs.state === 2)
      .map((c) => new Date(c.fsrs.due).getTime());
    const reviewDay = Math.max(studyDay(Math.min(...dues)), studyDay(Date.parse('2026-03-04T09:00:00Z')));
    const morning = new Date(reviewDay * DAY + 9 * HOUR);
    await openHomeAt(page, morning);
    expect(await studyAll(page, true)).toBeGreaterThan(0);

    await openStats(page);
    const logs = await readStore<ReviewLogRecord>(page, 'review-logs');
    const cards = await readStore<CardRecord>(page, 'cards');
    const today = studyDay(morning.getTime());
    const todays = logs.filter((log) => studyDay(log.time) === today);
    const again = todays.filter((log) => log.grade === 1).length;
    expect(await figure(page, 'Reviews')).toBe(String(todays.length));
    expect(await figure(page, 'Cards studied')).toBe(String(new Set(todays.map((l) => l.cardId)).size));
    expect(await figure(page, 'Again')).toBe(String(again));
    expect(await figure(page, 'Correct')).toBe(
      `${Math.round(((todays.length - again) / todays.length) * 100)}%`,
    );

    // True retention today: the reviews of cards that were in review before, by hand.
    const graduated = todays.filter((log) => log.prev[8] === 2);
    const passed = graduated.filter((log) => log.grade > 1).length;
    expect(graduated.length).toBeGreaterThan(0);
    expect(passed).toBeLessThan(graduated.length);
    const allCell = todayRow.getByRole('cell').nth(2);
    expect((await allCell.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      `${((passed / graduated.length) * 100).toFixed(1)}% ${passed} of ${graduated.length}`,
    );
    await page.getByText('Desired retention: 90%.').waitFor();

    // The streak: consecutive study days with reviews, ending today.
    const days = new Set(logs.map((log) => studyDay(log.time)));
    let streak = 0;
    while (days.has(today - streak)) streak++;
    await page.getByText(`Current streak: ${streak} day${streak === 1 ? '' : 's'}`).waitFor();
    expect(await page.locator('.stats-heatmap .heat:not(.heat-0)').count()).toBe(days.size);

    // Card counts (multiple-choice cards are only asked in quizzes and are left out).
    const studyable = cards.filter((c) => c.kind !== 'mcq');
    const countOf = async (name: string) =>
      Number(
        (
          await page.locator('.stats-counts li').filter({ hasText: name }).locator('strong').innerText()
        ).replace(/,/g, ''),
      );
    expect(await countOf('New')).toBe(studyable.filter((c) => c.fsrs.state === 0 && !c.suspended).length);
    expect(await countOf('Learning')).toBe(
      studyable.filter((c) => c.fsrs.state === 1 || c.fsrs.state === 3).length,
    );
    expect(await countOf('Young')).toBe(
      studyable.filter((c) => c.fsrs.state === 2 && c.fsrs.scheduled_days < 21).length,
    );
    expect(await countOf('Mature')).toBe(
      studyable.filter((c) => c.fsrs.state === 2 && c.fsrs.scheduled_days >= 21).length,
    );

    // Future due: the cards studied, by study day, over the next 30 days.
    const due30 = studyable.filter(
      (c) => c.fsrs.state !== 0 && studyDay(new Date(c.fsrs.due).getTime()) < today + 30,
    );
    await page.getByText(new RegExp(`^${due30.length} cards? due in the next 30 days`)).waitFor();

    // One deck: only its cards' reviews.
    const deckId = cards.find((c) => c.id === todays[0]?.cardId)?.deckId ?? '';
    await page.getByLabel('Deck').selectOption(deckId);
    const ofDeck = new Set(cards.filter((c) => c.deckId === deckId).map((c) => c.id));
    await expect
      .poll(() => figure(page, 'Reviews'))
      .toBe(String(todays.filter((log) => ofDeck.has(log.cardId)).length));

    // Nothing overflows sideways, down to a 320 px phone.
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 390, height: 844 });

    // Accessibility, with a chart's table open, in both themes.
    await page.getByLabel('Deck').selectOption('');
    await expect.poll(() => figure(page, 'Reviews')).toBe(String(todays.length));
    await page.getByText('Show as a table').first().tap();
    const found = await violations(page, 'stats light');
    await page.emulateMedia({ colorScheme: 'dark' });
    found.push(...(await violations(page, 'stats dark')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
