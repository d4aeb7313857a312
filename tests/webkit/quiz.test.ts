/**
 * Quiz mode in WebKit, at phone size against the production build: a 10-question multiple-choice quiz from
 * the setup to the score, with the review logs and every card's schedule left as they were.
 */
import { describe, expect, it } from 'vitest';
import type { CardRecord } from '../../src/domain/types';
import { dismissOfflineToast, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tap, tapRole, TIMEOUT, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

/** Taps the label whose text is exactly `text` (the form's checkboxes and radios are inside their labels). */
async function tapLabel(b: Browser, text: string): Promise<void> {
  const label = await b.$(`//label[normalize-space(.)="${text}"]`).getElement();
  await label.waitForDisplayed();
  // Below the fold a label sits under the fixed navigation bar: bring it to the middle first.
  await label.scrollIntoView({ block: 'center' });
  await tap(label);
}

const schedules = async (b: Browser) =>
  Object.fromEntries((await readStore<CardRecord>(b, 'cards')).map((c) => [c.id, c.fsrs]));

describe('quiz mode in WebKit', () => {
  it('runs a 10-question multiple-choice quiz to its score without touching the schedule', async () => {
    const b = await session();
    await openApp(b, url);
    // A first visit imports the built-in decks while Home is shown: wait for all of them.
    await b.waitUntil(async () => (await readStore(b, 'cards')).length >= 300, {
      timeout: TIMEOUT,
      timeoutMsg: 'the built-in decks were not imported',
    });
    const before = await schedules(b);
    const logsBefore = (await readStore(b, 'review-logs')).length;

    await dismissOfflineToast(b);
    await tapRole(b, 'link', 'Quiz');
    await getByRole(b, 'button', 'Start quiz');
    await tapLabel(b, 'MicroRNAs');
    await tapLabel(b, '10');
    await tapLabel(b, 'True or false');
    await tapLabel(b, 'Typed answer');
    await tapRole(b, 'button', 'Start quiz');

    for (let i = 0; i < 10; i += 1) {
      await getByText(b, `Question ${i + 1} of 10`);
      const options = await b.$$('.quiz-option').getElements();
      expect(options.length).toBeGreaterThanOrEqual(2);
      await tap(options[i % options.length]!);
      await tapRole(b, 'button', 'Check');
      await b.waitUntil(
        async () =>
          (await b.execute(() =>
            /^(Right\.|Not quite\.)$/m.test(document.querySelector('main')?.innerText ?? ''),
          )) === true,
        { timeout: TIMEOUT, timeoutMsg: 'no feedback after Check' },
      );
      await tapRole(b, 'button', i === 9 ? 'Finish' : 'Next');
    }

    await getByRole(b, 'heading', 'Score');
    const [fraction, percent] = await b.$$('.quiz-score-value span').map((span) => span.getText());
    const [, right] = /^(\d+) \/ 10$/.exec(fraction ?? '') ?? [];
    expect(right).toBeDefined();
    expect(percent).toBe(`${Number(right) * 10}%`);
    expect((await readStore(b, 'quizzes')).length).toBe(1);
    expect((await readStore(b, 'review-logs')).length).toBe(logsBefore);
    expect(await schedules(b)).toEqual(before);
    expect(await pageErrors(b)).toEqual([]);
  });
});
