/**
 * The Stats screen (issue 13) in WebKit, at phone size on the production build: before any review it offers
 * to study; after five answers its Today figures, streak, calendar and card counts are what the stored
 * reviews and cards say, counted here independently.
 */
import { describe, expect, it } from 'vitest';
import { CardState, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { answer, dismissOfflineToast, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import {
  definitionOf,
  getByRole,
  getByText,
  pageErrors,
  readStore,
  tapRole,
  TIMEOUT,
  type Browser,
} from './webkit';

const url = baseUrl();
const session = useSessions();

/** The value under `name` in the "Today" figures. */
const figure = (b: Browser, name: string) => definitionOf(b, '.stats-figures', name);

/** The number after `name` in the card counts (the page's locale may group digits). */
const count = (b: Browser, name: string) =>
  b.execute(
    (label: string) =>
      Number(
        [...document.querySelectorAll('.stats-counts li')]
          .find((li) => li.querySelector('span:not([aria-hidden])')?.textContent === label)
          ?.querySelector('strong')
          ?.textContent?.replace(/\D/g, '') ?? NaN,
      ),
    name,
  );

describe('Stats in WebKit', () => {
  it('shows what five answers stored: today’s figures, the streak, the calendar and the card counts', async () => {
    const b = await session();
    await openApp(b, url);
    await dismissOfflineToast(b);

    // Nothing studied yet: the empty state, with a way to study.
    await tapRole(b, 'link', 'Stats');
    await getByText(b, 'Study a few cards and your statistics appear here.');
    await tapRole(b, 'button', 'Study now');
    for (const grade of ['Again', 'Good', 'Good', 'Easy', 'Easy'] as const) await answer(b, grade);

    await tapRole(b, 'link', 'Stats');
    await getByRole(b, 'heading', 'Stats');
    // The numbers are computed anew when the screen opens: wait until they are complete.
    await b.$('.stats-sections[data-complete]').waitForExist({ timeout: TIMEOUT });
    const [logs, cards] = await Promise.all([
      readStore<ReviewLogRecord>(b, 'review-logs'),
      readStore<CardRecord>(b, 'cards'),
    ]);
    expect(logs).toHaveLength(5);
    const again = logs.filter((log) => log.grade === 1).length;
    expect(await figure(b, 'Reviews')).toBe('5');
    expect(await figure(b, 'Cards studied')).toBe(String(new Set(logs.map((l) => l.cardId)).size));
    expect(await figure(b, 'Again')).toBe(String(again));
    expect(await figure(b, 'Correct')).toBe(`${Math.round(((5 - again) / 5) * 100)}%`);
    const spent = Math.round(logs.reduce((sum, log) => sum + (log.took ?? NaN), 0) / 1000);
    expect(spent).toBeGreaterThanOrEqual(0);
    expect(await figure(b, 'Time spent')).toBe(spent < 60 ? `${spent} s` : `${Math.round(spent / 60)} min`);

    await getByText(b, 'Current streak: 1 day');
    expect(await b.$$('.stats-heatmap .heat:not(.heat-0)').length).toBe(1);

    // Card counts (multiple-choice cards are only asked in quizzes and are left out).
    const studyable = cards.filter((c) => c.kind !== 'mcq');
    const learning = studyable.filter(
      (c) => c.fsrs.state === CardState.Learning || c.fsrs.state === CardState.Relearning,
    );
    const reviewing = studyable.filter((c) => c.fsrs.state === CardState.Review);
    expect(learning.length + reviewing.length).toBe(new Set(logs.map((l) => l.cardId)).size);
    expect(await count(b, 'New')).toBe(
      studyable.filter((c) => c.fsrs.state === CardState.New && !c.suspended).length,
    );
    expect(await count(b, 'Learning')).toBe(learning.length);
    expect(await count(b, 'Young')).toBe(reviewing.filter((c) => c.fsrs.scheduled_days < 21).length);
    expect(await count(b, 'Mature')).toBe(reviewing.filter((c) => c.fsrs.scheduled_days >= 21).length);
    expect(await pageErrors(b)).toEqual([]);
  });
});
