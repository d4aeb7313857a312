/**
 * Crashes (issue 7): 200 cards are graded while the page's renderer process is killed at 50 random points,
 * a third of them right after a grade was tapped. After each restart no review the UI showed as done is
 * lost, none is stored twice, and every card's stored state equals the replay of its logs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phoneContext } from './browser';
import type { GradeName } from './actions';
import { seededRandom } from '../domain/zones';
import { checkStoredCollection } from './collection-check';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const GRADES: GradeName[] = ['Again', 'Hard', 'Good', 'Easy'];

async function openStudy(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl()}#/study`);
  await page.getByRole('button', { name: /^Show answer/ }).waitFor();
  return page;
}

/** Kills the page's renderer process, as the OS does to a backgrounded or crashed tab. */
async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close().catch(() => undefined);
}

describe('crashes', () => {
  it('a renderer killed at 50 random points while 200 cards are graded loses and doubles no review', async () => {
    const seed = Number(process.env.CRASH_SEED ?? 20261128);
    const rand = seededRandom(seed);
    const context = await phoneContext(browser);
    // Enough new cards for 200 grades in one day.
    let page = await context.newPage();
    await page.goto(`${baseUrl()}#/settings`);
    await page.getByLabel('New cards per day').fill('400');
    await page.getByRole('button', { name: 'Save settings' }).tap();
    await page.getByText('Settings saved.').waitFor();
    await page.close();
    page = await openStudy(context);

    const attempts = 200;
    const killAt = new Set<number>();
    while (killAt.size < 50) killAt.add(Math.floor(rand() * attempts));
    /** Per card, how many of its reviews the UI showed as done (it moved on to the next card). */
    const shownDone = new Map<string, number>();
    let kills = 0;
    let doneReviews = 0;
    const figures = { kills: 0, reviews: 0, lost: 0, doubled: 0, mismatches: 0 };

    for (let i = 0; i < attempts; i++) {
      const grade = GRADES[Math.floor(rand() * GRADES.length)]!;
      await page.getByRole('button', { name: /^Show answer/ }).tap();
      const cardId = await page.locator('#card-front').getAttribute('data-card-id');
      const button = page.getByRole('button', { name: new RegExp(`^${grade}`) });
      await button.waitFor();
      if (killAt.has(i)) {
        // Right after the tap (a third of the time), or a little later, while the commit may be under way.
        const delay = rand() < 1 / 3 ? 0 : Math.floor(rand() * 40);
        await button.tap({ noWaitAfter: true });
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        await crash(context, page);
        kills += 1;
        page = await openStudy(context);
        const check = await checkStoredCollection(page);
        let lost = 0;
        for (const [id, count] of shownDone)
          lost += Math.max(0, count - (check.logsByCard.get(id)?.length ?? 0));
        figures.lost += lost;
        figures.doubled += check.doubled;
        figures.mismatches += check.problems.length;
        expect({
          after: `kill ${kills} at grade ${i}`,
          lost,
          doubled: check.doubled,
          problems: check.problems,
        }).toEqual({
          after: `kill ${kills} at grade ${i}`,
          lost: 0,
          doubled: 0,
          problems: [],
        });
        continue;
      }
      await button.tap();
      // Done when the UI has moved on: another card's question, or the end of the day.
      await page
        .locator(`#card-front:not([data-card-id="${cardId}"])`)
        .or(page.getByText('All done for now'))
        .first()
        .waitFor();
      if (cardId) shownDone.set(cardId, (shownDone.get(cardId) ?? 0) + 1);
      doneReviews += 1;
    }

    const final = await checkStoredCollection(page);
    figures.kills = kills;
    figures.reviews = final.logs;
    console.log(
      `crash test (seed ${seed}): ${kills} kills, ${attempts} grades tapped, ${doneReviews} shown as done, ` +
        `${final.logs} reviews stored, ${figures.lost} lost, ${figures.doubled} doubled, ${figures.mismatches} mismatches`,
    );
    expect(kills).toBe(50);
    expect(final.logs).toBeGreaterThanOrEqual(doneReviews);
    expect(final.logs).toBeLessThanOrEqual(attempts);
    expect(final.doubled).toBe(0);
    expect(final.problems).toEqual([]);
    expect(figures).toMatchObject({ lost: 0, doubled: 0, mismatches: 0 });
    await context.close();
  }, 300_000);
});
