/**
 * Settings → Check collection in WebKit, at phone size on the production build: after studying, the check
 * finds every card sound; a card whose schedule was damaged behind the app's back is named, and "Repair from
 * the reviews" rebuilds it from its reviews.
 */
import { describe, expect, it } from 'vitest';
import type { CardRecord } from '../../src/domain/types';
import { answer, openApp } from './actions';
import { putRecords } from './seed';
import { baseUrl, useSessions } from './session';
import { pageErrors, readStore, tapRole, TIMEOUT, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

/** The check's status line and the repair's (two live regions, in that order). */
const statuses = (b: Browser) =>
  b.execute(() => [...document.querySelectorAll('.check-status')].map((p) => p.textContent ?? ''));

async function waitForStatuses(b: Browser, check: string, repair: string): Promise<void> {
  let last: string[] = [];
  await b.waitUntil(async () => (last = await statuses(b)).join('|') === `${check}|${repair}`, {
    timeout: TIMEOUT,
    interval: 200,
    timeoutMsg: `Check collection did not say "${check}" and "${repair}" (last: ${JSON.stringify(last)})`,
  });
}

describe('check collection in WebKit', () => {
  it('finds no problem after studying, names a damaged card, and repairs it from its reviews', async () => {
    const b = await session();
    await openApp(b, `${url}#/study`, /^Show answer/);
    for (const grade of ['Good', 'Again', 'Easy'] as const) await answer(b, grade);
    const cards = await readStore<CardRecord>(b, 'cards');
    // The page writes numbers in its own locale (MiniBrowser's "C" has no thousands separator).
    const count = await b.execute((n: number) => n.toLocaleString(), cards.length);
    const sound = `No problems found: ${count} cards and 3 reviews checked.`;

    await tapRole(b, 'link', 'Settings');
    await tapRole(b, 'button', 'Check collection');
    await waitForStatuses(b, sound, '');

    const studied = cards.find((c) => c.fsrs.reps > 0)!;
    // Damaged behind the app's back: a review count its reviews do not give.
    await putRecords(b, [{ ...studied, fsrs: { ...studied.fsrs, reps: 7 } }]);
    await tapRole(b, 'button', 'Check collection');
    await waitForStatuses(
      b,
      `1 card differs from the replay of its reviews (${count} cards and 3 reviews checked).`,
      '',
    );
    const problems = await b.$$('.check-problems li').map((li) => li.getText());
    expect(problems).toEqual([
      `${studied.front}: its scheduling state differs from the replay of its reviews`,
    ]);

    await tapRole(b, 'button', 'Repair from the reviews');
    await waitForStatuses(b, sound, 'Repaired 1 card from its reviews.');
    const repaired = (await readStore<CardRecord>(b, 'cards')).find((c) => c.id === studied.id);
    expect(repaired).toEqual(studied);
    expect(await b.$$('.check-problems').length).toBe(0);
    expect(await pageErrors(b)).toEqual([]);
  });
});
