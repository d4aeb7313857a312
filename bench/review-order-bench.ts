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
          await page.goto(server.url);
          await page.getByRole('button', { name: /^Study all/ }).waitFor();
          // The settings record, written as the app writes it (valibot checks it on the way out).
          const settings = JSON.stringify({ ...DEFAULT_SETTINGS, reviewOrder: order });
          await page.evaluate(`new Promise((resolve, reject) => {
            const open = indexedDB.open('sarcomet');
            open.onsuccess = () => {
              const tx = open.result.transaction('settings', 'readwrite');
              tx.objectStore('settings').put(${settings}, 'settings');
              tx.oncomplete = () => { open.result.close(); resolve(); };
              tx.onerror = () => reject(tx.error);
            };
          })`);
          // The first load of the day in a page: for any order but due date, the backlog is read and ranked.
          const first: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            // A fresh page load each time, so the settings are read again and nothing is kept in memory.
            await page.goto(server.url);
            await page.getByRole('button', { name: /^Study all/ }).waitFor();
            first.push(await studyAll(page));
          }
          // Later loads that day, with the app running: Home, then "Study all" again (the ranking is kept).
          const later: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            await page.getByRole('button', { name: 'Back to Home' }).click();
            await page.getByRole('button', { name: /^Study all/ }).waitFor();
            later.push(await studyAll(page));
          }
          const a = stats(first);
          const b = stats(later);
          console.log(
            `${throttle}x CPU, ${order.padEnd(14)} "Study all" -> first card: first load of the page median ${a.median.toFixed(0)} ms (max ${a.max.toFixed(0)}), later median ${b.median.toFixed(0)} ms (max ${b.max.toFixed(0)}), n=${RUNS} each`,
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
