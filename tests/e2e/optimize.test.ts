/**
 * Settings → FSRS parameters → Optimize, at phone size on the production build: with a year of reviews in
 * the collection (drawn from an FSRS learner with known, non-default weights), the optimizer runs in its
 * worker with a progress bar, shows the log loss and RMSE of the current and the new weights, and "Apply"
 * stores the new weights and replays every card, after which "Check collection" finds every card sound.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRecord, Settings } from '../../src/domain/types';
import { violations } from './axe';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';
import { seedReviews } from './seed-reviews';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('optimize', () => {
  it('fits the weights to the learner’s reviews, shows before and after, and applies them with a replay', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    const { all, cards, logs } = await seedReviews(page);
    expect(logs.length).toBeGreaterThan(1000);
    await page.getByRole('link', { name: 'Settings' }).tap();

    const section = page.getByRole('region', { name: 'FSRS parameters' });
    await section.getByText(`${logs.length.toLocaleString('en-US')} reviews in total`).waitFor();
    await section.getByText('Optimizing is suggested').waitFor();

    // Cancel first, while the worker waits for the optimizer's WebAssembly (held back here).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/*.wasm', async (route) => {
      await held;
      // The worker that asked for it was stopped by then, so the request may be gone.
      await route.continue().catch(() => undefined);
    });
    await section.getByRole('button', { name: 'Optimize' }).tap();
    await section.getByRole('progressbar', { name: 'Optimization progress' }).waitFor();
    await section.getByRole('button', { name: 'Cancel' }).tap();
    await section
      .getByRole('status')
      .filter({ hasText: 'Optimizing cancelled. Nothing was changed.' })
      .waitFor();
    expect(await section.getByRole('progressbar').count()).toBe(0);
    release();
    await context.unroute('**/*.wasm');

    await section.getByRole('button', { name: 'Optimize' }).tap();
    await section.getByRole('progressbar', { name: 'Optimization progress' }).waitFor();
    await section
      .getByRole('status')
      .filter({ hasText: 'The new parameters predict your reviews better than the current ones.' })
      .waitFor({ timeout: 120_000 });
    await expect.poll(() => section.getByRole('progressbar').count()).toBe(0);

    const figures = section.getByRole('table');
    const row = async (name: string) =>
      (
        await figures
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .getByRole('cell')
          .allInnerTexts()
      ).map((text) => Number.parseFloat(text));
    const [lossBefore, lossAfter] = await row('Log loss');
    const [rmseBefore, rmseAfter] = await row('RMSE');
    expect(lossAfter).toBeLessThan(lossBefore!);
    expect(rmseAfter).toBeGreaterThan(0);
    expect(rmseBefore).toBeGreaterThan(0);
    expect(await violations(page, 'settings, optimized (light)')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page, 'settings, optimized (dark)')).toEqual([]);

    await section.getByRole('checkbox', { name: 'Reschedule due dates' }).tap();
    await section.getByRole('button', { name: 'Apply new parameters' }).tap();
    await section
      .getByRole('status')
      .filter({ hasText: /New parameters applied\. [\d,]+ cards were replayed with them and rescheduled\./ })
      .waitFor({ timeout: 60_000 });

    const [settings] = await readStore<Settings>(page, 'settings');
    expect(settings?.parameters).toHaveLength(21);
    const after = new Map((await readStore<CardRecord>(page, 'cards')).map((card) => [card.id, card]));
    const changed = cards.filter((card) => after.get(card.id)!.fsrs.stability !== card.fsrs.stability);
    expect(changed.length).toBeGreaterThan(cards.length / 2);
    expect((await readStore(page, 'meta')).length).toBeGreaterThan(0);

    // Every card is now what its reviews give under the new weights.
    await page.getByRole('button', { name: 'Check collection' }).tap();
    await page
      .getByRole('status')
      .filter({
        hasText: `No problems found: ${all.length} cards and ${logs.length.toLocaleString('en-US')} reviews checked.`,
      })
      .waitFor({ timeout: 60_000 });
    await section.getByText('You are using your own parameters.').waitFor();

    // Saving the form afterwards keeps the new weights; a new desired retention replays every card again.
    await page.locator('#setting-retention').evaluate((input: HTMLInputElement) => {
      input.value = '0.85';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('checkbox', { name: 'Reschedule due dates' }).first().tap();
    await page.getByRole('button', { name: 'Save settings' }).tap();
    await page
      .getByRole('status')
      .filter({ hasText: /Settings saved\. [\d,]+ cards were replayed with them and rescheduled\./ })
      .waitFor({ timeout: 60_000 });
    const [saved] = await readStore<Settings>(page, 'settings');
    expect(saved).toMatchObject({ retention: 0.85, parameters: settings!.parameters });
    await page.getByRole('button', { name: 'Check collection' }).tap();
    await page
      .getByRole('status')
      .filter({ hasText: `No problems found: ${all.length} cards and` })
      .waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
