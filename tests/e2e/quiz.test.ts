/**
 * Quiz mode at phone size against the production build: a whole multiple-choice quiz from the setup to the
 * results, then "Study missed cards now"; the schedule (review logs, every card's state) stays as it was.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizRecord } from '../../src/domain/quiz';
import type { CardRecord } from '../../src/domain/types';
import { violations } from './axe';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until every built-in deck is imported (a first visit imports them while Home is already shown). */
async function waitForDecks(page: Page): Promise<void> {
  const index = (await (await page.request.get(`${baseUrl()}decks/index.json`)).json()) as {
    decks: { cardCount: number }[];
  };
  const total = index.decks.reduce((sum, deck) => sum + deck.cardCount, 0);
  await expect.poll(async () => (await readStore(page, 'cards')).length, { timeout: 15_000 }).toBe(total);
}

/** Every card's scheduling state, by id, as stored. */
async function schedules(page: Page): Promise<Record<string, unknown>> {
  const cards = await readStore<CardRecord>(page, 'cards');
  return Object.fromEntries(cards.map((c) => [c.id, { fsrs: c.fsrs, due: c.due, newRank: c.newRank }]));
}

describe('quiz mode', () => {
  it('runs a 10-question multiple-choice quiz to its results without touching the schedule', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await waitForDecks(page);
    const cardsBefore = await schedules(page);
    const logsBefore = (await readStore(page, 'review-logs')).length;
    expect(Object.keys(cardsBefore).length).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Quiz' }).waitFor();
    await page.getByRole('checkbox', { name: 'MicroRNAs', exact: true }).check();
    await page.getByRole('radio', { name: '10', exact: true }).check();
    for (const type of ['True or false', 'Typed answer'])
      await page.getByRole('checkbox', { name: type }).uncheck();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Multiple choice' }).isChecked()).toBe(true);
    const problems = await violations(page, 'setup');
    await page.getByRole('button', { name: 'Start quiz' }).tap();

    const progress = page.getByRole('progressbar', { name: 'Quiz progress' });
    for (let i = 0; i < 10; i += 1) {
      await page.getByRole('heading', { name: `Question ${i + 1} of 10` }).waitFor();
      expect(await progress.getAttribute('aria-valuenow')).toBe(String(i));
      // Focus is on the question.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Question ${i + 1} of 10`);
      const group = page.getByRole('group');
      const options = group.getByRole('radio');
      expect(await options.count()).toBeGreaterThanOrEqual(2);
      // The legend is the question; the options are distinct.
      expect((await group.locator('legend').innerText()).length).toBeGreaterThan(5);
      const texts = await group.locator('.quiz-option').allInnerTexts();
      expect(new Set(texts).size).toBe(texts.length);
      // Even questions by key ("1" picks the first option), odd ones by touch on the second option.
      if (i % 2 === 0) await page.keyboard.press('1');
      else await options.nth(1).tap();
      if (i === 0) problems.push(...(await violations(page, 'question')));
      await page.getByRole('button', { name: 'Check' }).tap();
      await page.getByText(/^(Right\.|Not quite\.)$/).waitFor();
      if (i === 0) problems.push(...(await violations(page, 'feedback')));
      expect(await progress.getAttribute('aria-valuenow')).toBe(String(i + 1));
      await page.getByRole('button', { name: i === 9 ? 'Finish' : 'Next' }).tap();
    }

    await page.getByRole('heading', { level: 1, name: 'Score' }).waitFor();
    const quizzes = await readStore<QuizRecord>(page, 'quizzes');
    expect(quizzes).toHaveLength(1);
    const quiz = quizzes[0]!;
    expect(quiz.finishedAt).toBeTypeOf('number');
    expect(quiz.questions.every((q) => q.type === 'mcq' && q.deckId === 'mirna')).toBe(true);
    const right = quiz.answers.filter((a) => a.correct).length;
    const score = page.locator('.quiz-score-value');
    expect(await score.innerText()).toMatch(new RegExp(`^${right} / 10\\s+${right * 10}%$`));
    await page.getByText(/^Time taken: /).waitFor();
    const breakdown = page.getByRole('list', { name: 'Score by topic' });
    expect(await breakdown.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^Biology\\s+${right} / 10 \\(${right * 10}%\\)$`)),
    ]);
    await page.locator('.trend-chart canvas').waitFor();
    problems.push(...(await violations(page, 'results')));
    expect(problems).toEqual([]);

    // Nothing was scheduled or logged by the quiz.
    expect((await readStore(page, 'review-logs')).length).toBe(logsBefore);
    expect(await schedules(page)).toEqual(cardsBefore);

    if (right === 10) {
      await page.getByText('You missed none. Well done.').waitFor();
    } else {
      expect(await page.locator('.quiz-missed > li').count()).toBe(10 - right);
      await page.locator('.quiz-missed details.source').first().waitFor();
      await page.getByRole('button', { name: 'Study missed cards now' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Missed cards' }).waitFor();
      const missedFacts = new Set(
        quiz.questions
          .filter((q) => !quiz.answers.find((a) => a.questionId === q.id)?.correct)
          .map((q) => q.factId),
      );
      const cards = await readStore<CardRecord>(page, 'cards');
      const studyable = cards.filter((c) => missedFacts.has(c.factId) && c.kind !== 'mcq' && !c.suspended);
      await page
        .getByRole('button', { name: /^Show answer/ })
        .or(page.getByText('There are no cards to study for the questions you missed.'))
        .first()
        .waitFor();
      if (studyable.length > 0) {
        const front = await page.locator('#card-front').innerText();
        expect(studyable.map((c) => c.front)).toContain(front);
      }
    }
    expect((await readStore(page, 'review-logs')).length).toBe(logsBefore);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resumes an interrupted quiz where it stopped, after a reload', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}#/quiz`);
    await page.getByRole('checkbox', { name: 'MicroRNAs', exact: true }).check();
    await page.getByRole('radio', { name: 'At the end (exam style)' }).check();
    await page.getByRole('button', { name: 'Start quiz' }).tap();
    for (let i = 0; i < 2; i += 1) {
      await page.getByRole('heading', { name: `Question ${i + 1} of 10` }).waitFor();
      const typed = page.getByRole('textbox', { name: 'Your answer' });
      if (await typed.count()) await typed.fill('an answer');
      else await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Next' }).tap();
    }
    await page.getByRole('heading', { name: 'Question 3 of 10' }).waitFor();
    await page.reload();
    await page.getByText('You answered 2 of 10 questions.').waitFor();
    await page.getByRole('button', { name: 'Resume quiz' }).tap();
    await page.getByRole('heading', { name: 'Question 3 of 10' }).waitFor();
    const [quiz] = await readStore<QuizRecord>(page, 'quizzes');
    expect(quiz?.answers).toHaveLength(2);
    expect(quiz?.finishedAt).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});
