/**
 * The exam planner in WebKit, at phone size against the production build: an exam two weeks ahead for a
 * built-in deck shows the predicted recall (0% before any study) and a 14-day plan; studying today's plan
 * raises the prediction.
 */
import { describe, expect, it } from 'vitest';
import { answer, dismissOfflineToast, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, tap, tapRole, TIMEOUT, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

const predicted = async (b: Browser) =>
  Number(/Predicted recall on exam day: (\d+)%/.exec(await b.$('main').getText())?.[1] ?? NaN);

describe('exam planner in WebKit', () => {
  it('plans an exam 14 days ahead, and studying today’s plan raises the prediction', async () => {
    const b = await session();
    await openApp(b, url);
    await dismissOfflineToast(b);
    await tapRole(b, 'link', 'Exam planner');
    await getByRole(b, 'heading', 'No exams yet');

    const date = await b.execute(() => {
      const day = new Date(Date.now() + 14 * 86_400_000);
      return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    });
    await b.$('#exam-new-name').setValue('Neurosurgery boards');
    // WebKitGTK's WebDriver cannot type into a date field: set it as the date picker would.
    await b.execute((value: string) => {
      const input = document.querySelector<HTMLInputElement>('#exam-new-date')!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, date);
    const firstDeck = await b.$('.exam-check').getElement();
    await firstDeck.scrollIntoView({ block: 'center' });
    await tap(firstDeck);
    await tapRole(b, 'button', 'Save exam');

    await getByText(b, 'Predicted recall on exam day: 0%');
    expect(await b.$$('table tbody tr').length).toBe(14);

    await tapRole(b, 'button', "Study today's plan");
    await answer(b, 'Good');
    await tapRole(b, 'button', 'Back to the exam planner');
    await b.waitUntil(async () => (await predicted(b)) > 0, {
      timeout: TIMEOUT,
      timeoutMsg: 'the prediction did not rise after studying',
    });
    expect(await pageErrors(b)).toEqual([]);
  });
});
