/**
 * Two tabs of the app on one collection (issue 7): they study the same deck in turns; each sees the other's
 * grades before its next action, every review is stored once, and every card equals the replay of its logs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';
import { answer, type GradeName } from './actions';
import { checkStoredCollection } from './collection-check';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const front = (page: Page) => page.locator('#card-front').innerText();

describe('two tabs', () => {
  it('study the same deck in turns: each sees the other, every review is stored once and replays exactly', async () => {
    const context = await phoneContext(browser);
    const tabs = [await context.newPage(), await context.newPage()];
    const errors = tabs.map(watchErrors);
    for (const tab of tabs) {
      await tab.goto(`${baseUrl()}#/study/epidemiology`);
      await tab.getByRole('button', { name: /^Show answer/ }).waitFor();
    }
    expect(await front(tabs[1]!)).toBe(await front(tabs[0]!));

    const grades: GradeName[] = [
      'Good',
      'Again',
      'Easy',
      'Hard',
      'Good',
      'Good',
      'Again',
      'Easy',
      'Good',
      'Hard',
    ];
    const answered: string[] = [];
    for (const [turn, grade] of grades.entries()) {
      const tab = tabs[turn % 2]!;
      const other = tabs[(turn + 1) % 2]!;
      // The learner switches to this tab (a background tab gets no animation frames, as in a real browser).
      await tab.bringToFront();
      const graded = await answer(tab, grade);
      answered.push(graded);
      // Before its next action, the other tab has moved off the card this one just answered.
      await expect.poll(() => front(other)).not.toBe(graded);
      await expect.poll(() => front(other)).toBe(await front(tab));
    }

    const check = await checkStoredCollection(tabs[0]!);
    expect(check.logs).toBe(grades.length);
    expect(check.doubled).toBe(0);
    expect(check.problems).toEqual([]);
    const logs = await readStore<{ grade: number }>(tabs[1]!, 'review-logs');
    expect(logs.map((l) => l.grade).sort()).toEqual(
      grades.map((g) => ({ Again: 1, Hard: 2, Good: 3, Easy: 4 })[g]).sort(),
    );
    expect(errors.flat()).toEqual([]);
    await context.close();
  });
});
