/**
 * Settings → FSRS parameters → Optimize in WebKit, at phone size on the production build: with a year of
 * reviews in the collection, fsrs-browser's WebAssembly runs in its module worker (single-threaded: the app
 * starts no rayon thread pool, and the page is not cross-origin isolated, yet WebKit still gives the worker
 * the shared WebAssembly memory the build asks for), shows its progress, the log loss and RMSE of the
 * current and the new weights, and "Apply" stores the new weights and replays every card.
 */
import { describe, expect, it } from 'vitest';
import type { CardRecord, Settings } from '../../src/domain/types';
import { openApp } from './actions';
import { seedYearOfReviews } from './seed';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tap, tapRole, TIMEOUT, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

/** The FSRS section's status line. */
const status = (b: Browser) => b.$('.optimize-status').getText();

async function waitForStatus(b: Browser, text: string | RegExp, timeout = TIMEOUT): Promise<void> {
  await b.waitUntil(
    async () => {
      const now = await status(b);
      return typeof text === 'string' ? now.includes(text) : text.test(now);
    },
    { timeout, interval: 200, timeoutMsg: `the optimizer's status never said ${String(text)}` },
  );
}

/** The progress bar's value while it has one (null: indeterminate or gone). */
const progressValue = (b: Browser) =>
  b.execute(() => {
    const bar = document.querySelector<HTMLProgressElement>('progress.optimize-progress');
    return bar?.hasAttribute('value') ? bar.value : null;
  });

describe('optimize in WebKit', () => {
  it('fits the weights in the WebAssembly worker, shows progress and before/after, and applies them', async () => {
    const b = await session();
    await openApp(b, url);
    const { all, cards, logs } = await seedYearOfReviews(b);
    expect(logs.length).toBeGreaterThan(1000);
    await getByRole(b, 'button', /^Study all/);
    await tapRole(b, 'link', 'Settings');
    // The page formats numbers in its own locale (MiniBrowser's is "C" here: no thousands separator).
    const reviews = await b.execute((n: number) => n.toLocaleString(), logs.length);
    await getByText(b, `${reviews} reviews in total`);
    await getByText(b, 'Optimizing is suggested');

    // Cancel stops the worker while it loads the WebAssembly or trains (seconds here): nothing is changed.
    await tapRole(b, 'button', 'Optimize');
    await tapRole(b, 'button', 'Cancel');
    await waitForStatus(b, 'Optimizing cancelled. Nothing was changed.');
    expect(await b.$$('progress.optimize-progress').length).toBe(0);
    expect((await readStore<Settings>(b, 'settings'))[0]?.parameters).toBeUndefined();

    await tapRole(b, 'button', 'Optimize');
    // Training reports its epochs: the bar gets a value above 0 before the result. It ends with the result,
    // or with an error the learner reads (which the assertion then shows, if the WebAssembly fails).
    const seen: number[] = [];
    const ended = /^(The new parameters|The current parameters|Not enough reviews|Optimizing failed)/;
    await b.waitUntil(
      async () => {
        const value = await progressValue(b);
        if (value !== null) seen.push(value);
        return ended.test(await status(b));
      },
      { timeout: 180_000, interval: 100, timeoutMsg: 'Optimize did not finish within 3 minutes' },
    );
    expect(await status(b)).toBe('The new parameters predict your reviews better than the current ones.');
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeGreaterThan(0);
    expect(await b.$$('progress.optimize-progress').length).toBe(0);

    const row = async (name: string) =>
      b.execute(
        (label: string) =>
          Array.from(
            [...document.querySelectorAll('.optimize-figures tbody tr')]
              .find((tr) => tr.querySelector('th')?.textContent === label)
              ?.querySelectorAll('td') ?? [],
            (td) => Number.parseFloat(td.textContent ?? ''),
          ),
        name,
      );
    const [lossBefore, lossAfter] = await row('Log loss');
    const [rmseBefore, rmseAfter] = await row('RMSE');
    expect(lossAfter).toBeLessThan(lossBefore!);
    expect(rmseBefore).toBeGreaterThan(0);
    expect(rmseAfter).toBeGreaterThan(0);

    const reschedule = await b.$('.optimize-panel input[type=checkbox]').getElement();
    await tap(reschedule);
    expect(await reschedule.isSelected()).toBe(true);
    await tapRole(b, 'button', 'Apply new parameters');
    await waitForStatus(
      b,
      /New parameters applied\. [\d,]+ cards were replayed with them and rescheduled\./,
      60_000,
    );

    const [settings] = await readStore<Settings>(b, 'settings');
    expect(settings?.parameters).toHaveLength(21);
    const after = new Map((await readStore<CardRecord>(b, 'cards')).map((card) => [card.id, card]));
    const changed = cards.filter((card) => after.get(card.id)!.fsrs.stability !== card.fsrs.stability);
    expect(changed.length).toBeGreaterThan(cards.length / 2);
    await getByText(b, 'You are using your own parameters.');

    // Every card is now what its reviews give under the new weights.
    await tapRole(b, 'button', 'Check collection');
    await b.waitUntil(
      async () =>
        (await b.$('.check-status').getText()) ===
        `No problems found: ${all.length} cards and ${reviews} reviews checked.`,
      { timeout: 60_000, interval: 200, timeoutMsg: 'Check collection did not find the collection sound' },
    );
    expect(await pageErrors(b)).toEqual([]);
  }, 300_000);
});
