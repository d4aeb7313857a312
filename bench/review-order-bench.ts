/**
 * The review orders of issue 13 on a heavy collection: "Study all" to the first card painted, with the
 * reviews ordered by due date (reads today's room from the index), lowest retrievability first and random
 * (both read the whole backlog a page at a time on a page's first load of the day, then reuse that ranking:
 * src/state/study-snapshot.ts). The collection is issue 9's
 * 150k cards with a 20k backlog, without review logs (the orders do not read them). Prints timings, asserts
 * nothing. Run after `npm run build`: `npx tsx bench/review-order-bench.ts` (BENCH_PORT, default 4382).
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS, type ReviewOrder } from '../src/domain/types';
import { startPreview } from '../tests/e2e/server';
import { openSession, seedProfile, stats } from './browser-bench';
import { HEAVY } from './heavy-collection';

const RUNS = 5;
const ORDERS: readonly ReviewOrder[] = ['due', 'retrievability', 'random'];

/** Clicks "Study all" and resolves with the time from the click to the first card painted (ms). */
async function studyAll(page: Page): Promise<number> {
  await page.evaluate(() => window.__bench.armClick('Study all', 'question'));
  await page.getByRole('button', { name: /^Study all/ }).click();
  const result = await page.evaluate(() => window.__bench.pending);
  if (!result) throw new Error('no measurement armed');
  return result.ms;
}

/**
 * Writes to the app's database from a page of the same origin that does not run the app (`write` is the
 * body run in a transaction `tx` over settings and meta), then loads the app afresh at Home.
 */
async function freshPage(page: Page, url: string, write: string): Promise<void> {
  if (write) {
    await page.goto(new URL('decks/index.json', url).href);
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('sarcomet');
      open.onsuccess = () => {
        const tx = open.result.transaction(['settings', 'meta'], 'readwrite');
        ${write}
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    })`);
  }
  await page.goto(url);
  await page.getByRole('button', { name: /^Study all/ }).waitFor();
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? 4382);
  const profile = 'bench/.cache/review-order';
  rmSync(profile, { recursive: true, force: true });
  const server = await startPreview('dist', port);
  try {
    const params = { ...HEAVY, logs: 0 };
    console.log(`Seeding ${params.cards} cards (${params.backlog} overdue reviews)…`);
    await seedProfile({ baseUrl: server.url, userDataDir: profile, params, now: new Date() });
    for (const throttle of [1, 4]) {
      const { context, page } = await openSession(profile, throttle);
      try {
        for (const order of ORDERS) {
          // The settings record, written as the app writes it (valibot checks it on the way out).
          const settings = JSON.stringify({ ...DEFAULT_SETTINGS, reviewOrder: order });
          const firstOfDay: number[] = [];
          const reload: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            // The first load of the day: no ranking kept, so any order but due date reads the backlog.
            await freshPage(
              page,
              server.url,
              `
              tx.objectStore('settings').put(${settings}, 'settings');
              tx.objectStore('meta').delete('review-rankings');`,
            );
            firstOfDay.push(await studyAll(page));
            // A reload later that day: the ranking kept in the database serves.
            await freshPage(page, server.url, '');
            reload.push(await studyAll(page));
          }
          // With the app running: Home, then "Study all" again (the ranking kept in memory serves).
          const running: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            await page.getByRole('button', { name: 'Back to Home' }).click();
            await page.getByRole('button', { name: /^Study all/ }).waitFor();
            running.push(await studyAll(page));
          }
          const line = (label: string, samples: number[]) => {
            const s = stats(samples);
            return `${label} ${s.median.toFixed(0)} ms (max ${s.max.toFixed(0)})`;
          };
          console.log(
            `${throttle}x CPU, ${order.padEnd(14)} "Study all" -> first card, medians of ${RUNS}: ${line('first of the day', firstOfDay)}, ${line('after a reload', reload)}, ${line('app running', running)}`,
          );
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
