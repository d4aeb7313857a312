/**
 * The exam planner in the production build, on a phone: an exam for a built-in deck two weeks ahead shows
 * the predicted recall and a daily plan; studying today's plan changes the prediction.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from './actions';
import type { CardRecord, DeckRecord } from '../../src/domain/types';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** WCAG 2.2 A/AA violations axe finds on the page, as lines to compare with []. */
async function violations(page: Page): Promise<string[]> {
  await page.waitForTimeout(200);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('exam planner', () => {
  it('plans an exam 14 days ahead, studies today’s plan and shows the prediction change', async () => {
    const context = await phoneContext(browser);
    // Noon UTC: the study day (from 4 am) is the calendar day, so the exam is 14 study days away.
    await context.clock.install({ time: new Date('2026-03-02T12:00:00Z') });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();

    await page.getByRole('link', { name: 'Exam planner' }).tap();
    await page.getByRole('heading', { name: 'No exams yet' }).waitFor();
    await page.getByLabel('Name').fill('Neurosurgery boards');
    await page.getByLabel('Exam date').fill('2026-03-16');
    const decks = page.getByRole('group', { name: 'Decks' });
    const deckBox = decks.getByRole('checkbox').first();
    const deckTitle = (await decks.locator('label').first().innerText()).trim();
    await deckBox.check();
    await expect.poll(() => page.getByLabel('Target recall (%)').inputValue()).toBe('90');
    await page.getByRole('button', { name: 'Save exam' }).tap();

    const exam = page.getByRole('region', { name: 'Neurosurgery boards' });
    await exam.getByText('Predicted recall on exam day: 0%').waitFor();
    const deck = (await readStore<DeckRecord>(page, 'decks')).find((d) => d.title === deckTitle);
    const deckCards = (await readStore<CardRecord>(page, 'cards')).filter(
      (c) => c.deckId === deck?.id && c.kind !== 'mcq' && !c.suspended,
    );
    expect(deckCards.length).toBeGreaterThan(12);
    const summary = await exam.getByText(/ of \d+ cards below 90%/).innerText();
    const [, below, total, never] =
      /(\d+) of (\d+) cards below 90% \((\d+) never studied/.exec(summary) ?? [];
    expect(Number(total)).toBe(deckCards.length);
    expect(Number(below)).toBe(Number(total));
    expect(Number(never)).toBe(Number(total));
    expect(await exam.getByText('in 14 days').count()).toBe(1);

    // The plan: 14 days, new cards spread over the first 12, the last two a final pass.
    const rows = exam.getByRole('table', { name: /Daily plan/ }).locator('tbody tr');
    expect(await rows.count()).toBe(14);
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).map(Number);
    const [todayNew] = await cells(0);
    expect(todayNew).toBe(Math.ceil(Number(total) / 12));
    expect((await cells(12))[0]).toBe(0);
    expect((await cells(13))[0]).toBe(0);
    let planned = 0;
    for (let i = 0; i < 14; i++) planned += (await cells(i))[0]!;
    expect(planned).toBe(Number(total));
    await exam.getByText(/Following the plan: about \d+% recall/).waitFor();
    await page.locator('.exam-chart canvas').waitFor();
    expect(await violations(page)).toEqual([]);

    // Today's plan: that deck's cards only, with today's planned new cards.
    await exam.getByRole('button', { name: "Study today's plan" }).tap();
    await page.getByRole('heading', { name: 'Plan: Neurosurgery boards' }).waitFor();
    await expect
      .poll(() => page.locator('.progress .count-new').innerText())
      .toMatch(new RegExp(`^${todayNew}\\s+new`));
    expect(await page.locator('.card-meta').innerText()).toContain(deckTitle);
    const front = await answer(page, 'Good');
    const studied = deckCards.find((c) => c.front === front);
    expect(studied).toBeDefined();

    await page.getByRole('button', { name: 'Back to the exam planner' }).tap();
    const after = page.getByRole('region', { name: 'Neurosurgery boards' });
    await after.getByText(new RegExp(`\\(${Number(never) - 1} never studied`)).waitFor();
    const recall = await after.getByText(/Predicted recall on exam day/).innerText();
    expect(recall).not.toContain(': 0%');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no accessibility violations in the dark theme, form and exam alike', async () => {
    const context = await phoneContext(browser, { colorScheme: 'dark' });
    await context.clock.install({ time: new Date('2026-03-02T12:00:00Z') });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}#/exam`);
    await page.getByLabel('Name').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Tumour board');
    await page.getByLabel('Exam date').fill('2026-04-01');
    await page.getByLabel('Tags').fill('chemotherapy, targeted-therapy');
    await page.getByRole('button', { name: 'Save exam' }).tap();
    await page
      .getByRole('region', { name: 'Tumour board' })
      .getByText(/Predicted recall on exam day/)
      .waitFor();
    expect(await violations(page)).toEqual([]);
    // A form with no deck and no tag is refused with a message.
    await page.getByRole('button', { name: 'Add an exam' }).tap();
    await page.getByLabel('Name').fill('Nothing');
    await page.getByLabel('Exam date').fill('2026-04-02');
    await page.getByRole('button', { name: 'Save exam' }).tap();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Choose a deck or a tag.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
