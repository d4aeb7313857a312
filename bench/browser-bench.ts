/**
 * The browser benchmark (issue 9): seeds a synthetic collection into the app's IndexedDB database in a
 * persistent Chromium profile, then measures the production build from outside (bench/page-probe.js):
 * cold start to the first card, grade to the next card, Home counts, the JS heap, the IndexedDB floor in
 * the same page, and the stored size of a review log. Used by `npm run bench` (bench/run.ts) and by the
 * smoke test (tests/e2e/bench-smoke.test.ts) on a tiny collection.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { studyDay } from '../src/domain/day';
import { DEFAULT_SETTINGS, Grade, type CardRecord } from '../src/domain/types';
import { DB_NAME, DB_VERSION } from '../src/storage/db';
import { CHROMIUM, CHROMIUM_ARGS, PHONE } from '../tests/e2e/browser-launch';
import {
  cardsChunk,
  logsChunk,
  makeDecks,
  makeSyntheticLog,
  type CollectionParams,
} from './heavy-collection';

/** What bench/page-probe.js puts on `window`. */
interface Probe {
  firstCard: Promise<number> | null;
  studyButton: Promise<number> | null;
  pending: Promise<{ ms: number; done: boolean }> | null;
  armClick(prefix: string, check: 'question' | 'home', arg?: number): void;
  dbInfo(name: string): Promise<DbInfo>;
  seed(name: string, store: string, json: string): Promise<number>;
  firstDue(name: string): Promise<CardRecord | null>;
  floor(
    name: string,
    runs: number,
    logsJson: string,
  ): Promise<{ openMs: number; read: number[]; readDb: number[]; write: number[]; writeDb: number[] }>;
  storage(name: string, recent: number, sample: number): Promise<StorageFigures>;
  openStats(): Promise<{ firstMs: number; ms: number; longestTaskMs: number; longTasks: number }>;
}
declare global {
  interface Window {
    __bench: Probe;
  }
}

export interface DbInfo {
  version: number;
  stores: string[];
  decks: number;
  cards: number;
  logs: number;
  /** Cards in `by-due` due now or earlier (learning and review, buried included). */
  overdue: number;
}

export interface StorageFigures {
  /** Mean JSON size (UTF-8 bytes) of the logs the app wrote in this pass. */
  appLogBytes: number;
  appLogs: number;
  /** Mean JSON size of the oldest seeded logs (written by `makeSyntheticLog`). */
  seededLogBytes: number;
  cardBytes: number;
  estimate: { usage?: number; quota?: number };
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Median and p95 (nearest rank) of samples in ms. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    n: sorted.length,
    median:
      sorted.length % 2
        ? at(0.5)
        : ((sorted[sorted.length / 2 - 1] ?? NaN) + (sorted[sorted.length / 2] ?? NaN)) / 2,
    p95: at(0.95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
  };
}

const PROBE = readFileSync(fileURLToPath(new URL('./page-probe.js', import.meta.url)), 'utf8');

/** JSON with Dates kept as `{ $date }` (the probe turns them back into Dates before storing). */
function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/** Every page of the bench: a phone, light, in UTC; as in the browser tests, no service worker, so the page
 * talks to `vite preview` directly, the same on every run. */
const CONTEXT_OPTIONS = {
  ...PHONE,
  colorScheme: 'light',
  serviceWorkers: 'block',
  timezoneId: 'UTC',
  locale: 'en-US',
} as const;

/** Opens Chromium on a persistent profile at phone size, with the probe in every page and CPU throttling. */
export async function openSession(userDataDir: string, throttle: number): Promise<Session> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
    ...CONTEXT_OPTIONS,
  });
  await context.addInitScript({ content: PROBE });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(180_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp };
}

export interface SeedResult {
  /** The time the collection was generated around (ISO). */
  anchor: string;
  totalMs: number;
  appStartMs: number;
  cardsMs: number;
  logsMs: number;
  info: DbInfo;
}

/**
 * Seeds the collection into a new profile at `userDataDir`: opens the app once, so that the app creates its
 * database at its current version (and imports the built-in decks), checks the version, then writes the
 * decks, cards and logs in bulk transactions of `chunk` records from a page of the same origin that does not
 * run the app. Records are generated chunk by chunk, so 2M logs never sit in memory at once.
 */
export async function seedProfile(options: {
  baseUrl: string;
  userDataDir: string;
  params: CollectionParams;
  now: Date;
  chunk?: number;
  log?: (line: string) => void;
}): Promise<SeedResult> {
  const { baseUrl, userDataDir, params, now } = options;
  const chunk = options.chunk ?? 20_000;
  const log = options.log ?? (() => undefined);
  const day = studyDay(now, DEFAULT_SETTINGS.dayStartHour, 'UTC');
  const start = performance.now();
  const { context, page } = await openSession(userDataDir, 1);
  try {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    const appStartMs = performance.now() - start;
    // A static file of the same origin: same database, and no app holding it open or reacting to writes.
    await page.goto(new URL('decks/index.json', baseUrl).href);
    await page.evaluate(PROBE);
    const before = await page.evaluate((name) => window.__bench.dbInfo(name), DB_NAME);
    if (before.version !== DB_VERSION) {
      throw new Error(`The app created database version ${before.version}, the bench expects ${DB_VERSION}.`);
    }
    const write = (store: string, records: unknown[]) =>
      page.evaluate(([name, s, json]) => window.__bench.seed(name, s, json), [
        DB_NAME,
        store,
        toJson(records),
      ] as const);

    await write('decks', makeDecks(params, now));
    const cardsStart = performance.now();
    for (let from = 0; from < params.cards; from += chunk) {
      await write('cards', cardsChunk(params, from, from + chunk, now, day.end));
      log(
        `  cards ${Math.min(from + chunk, params.cards)}/${params.cards} (${((performance.now() - start) / 1000).toFixed(0)} s)`,
      );
    }
    const cardsMs = performance.now() - cardsStart;
    const logsStart = performance.now();
    for (let from = 0; from < params.logs; from += chunk) {
      await write('review-logs', logsChunk(params, from, from + chunk, now, day.start));
      if ((from / chunk) % 10 === 9 || from + chunk >= params.logs)
        log(
          `  logs ${Math.min(from + chunk, params.logs)}/${params.logs} (${((performance.now() - start) / 1000).toFixed(0)} s)`,
        );
    }
    const logsMs = performance.now() - logsStart;
    const info = await page.evaluate((name) => window.__bench.dbInfo(name), DB_NAME);
    return {
      anchor: now.toISOString(),
      totalMs: performance.now() - start,
      appStartMs,
      cardsMs,
      logsMs,
      info,
    };
  } finally {
    await context.close();
  }
}

/** Copies a seeded profile (without Chromium's lock files), so each pass starts from the same data. */
export function copyProfile(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, filter: (src) => !/Singleton(Lock|Cookie|Socket)$/.test(src) });
}

export interface PassOptions {
  baseUrl: string;
  /** A seeded profile this pass may change (a copy of the cached one). */
  userDataDir: string;
  /** CPU throttling rate (1 = none, 4 = a mid-range phone). */
  throttle: number;
  coldStarts: number;
  /** First visits (each followed by a return visit) to time. */
  firstVisits: number;
  homeRuns: number;
  grades: number;
  floorRuns: number;
  /** Times the Stats screen is opened (from Home) and timed. */
  statsRuns: number;
  log?: (line: string) => void;
}

export interface HeapFigures {
  /** Used JS heap after a forced GC (bytes): what stays in memory. */
  usedAfterGc: number;
  /** Used JS heap before that GC (bytes). */
  used: number;
}

export interface FirstVisitFigures {
  /** Empty storage (a new user): navigation to Home's "Study all" button painted. */
  first: Stats;
  /** The same in a new page once the decks are stored (a return visit). */
  ret: Stats;
  /** first.median / ret.median. */
  ratio: number;
}

/**
 * A first visit against a return visit, `runs` times, each in a new incognito context of a browser of its
 * own (empty storage): navigation to the "Study all" button painted in a new page, then the same in another
 * new page of the same context once the decks are stored.
 */
async function firstVisits(baseUrl: string, throttle: number, runs: number): Promise<FirstVisitFigures> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
  const first: number[] = [];
  const ret: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      await context.addInitScript({ content: PROBE });
      // Each visit opens a new page, as a learner opening the app does; the context keeps the storage.
      const visit = async () => {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.goto(baseUrl, { waitUntil: 'commit' });
        const ms = await page.evaluate(() => window.__bench.studyButton);
        if (ms === null) throw new Error('the probe did not watch Home');
        return { page, ms };
      };
      const firstVisit = await visit();
      first.push(firstVisit.ms);
      // Let the first visit's import finish, so the next visit is a return visit with the decks stored.
      await firstVisit.page.locator('#all-title + .counts').waitFor({ timeout: 120_000 });
      await firstVisit.page.close();
      const returnVisit = await visit();
      ret.push(returnVisit.ms);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const a = stats(first);
  const b = stats(ret);
  return { first: a, ret: b, ratio: a.median / b.median };
}

export interface PassResult {
  throttle: number;
  info: DbInfo;
  /** First visit (empty storage) against a return visit, to the "Study all" button. */
  firstVisit: FirstVisitFigures;
  /** Navigation to the first card of "Study all" painted, each in a newly launched browser. */
  coldStart: Stats;
  /** Click on "Good" to the next card painted (after the grade's transaction committed). */
  grade: Stats;
  /** Reviews the app stored during the grades (checked against the number of grades). */
  committed: number;
  /** Click on "Back to Home" to the counts of every deck painted. */
  home: Stats;
  /** Click on "Study all" (from Home, app already running) to the first card painted. */
  studyAll: Stats;
  /** The floor: bare IndexedDB read / write plus one frame (`readDb`/`writeDb`: without the frame). */
  floor: { openMs: number; read: Stats; readDb: Stats; write: Stats; writeDb: Stats };
  heap: {
    afterStart: HeapFigures;
    afterGrades: HeapFigures;
    /** The highest used heap (no GC) sampled after each Home load and each grade: transient reads included. */
    highestSampled: number;
  };
  /** The machine's 1-minute load average when the pass started and ended (other work on the machine). */
  loadAverage: { start: number; end: number };
  storage: StorageFigures;
  ratios: { coldStart: number; grade: number };
  /**
   * The Stats screen (issue 13): tap on "Stats" to its first numbers painted (every card and the newest
   * week of logs read, in a worker) and to all of them (the year of logs), and the longest main-thread task
   * meanwhile, the worst of the runs.
   */
  stats: { first: Stats; open: Stats; longestTaskMs: number; longTasks: number };
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function heap(cdp: CDPSession): Promise<HeapFigures> {
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await cdp.send('Runtime.getHeapUsage');
  return { used: before.usedSize, usedAfterGc: after.usedSize };
}

const pending = (page: Page) =>
  page.evaluate(() => {
    const result = window.__bench.pending;
    if (!result) throw new Error('no measurement armed');
    return result;
  });

/** One pass over a seeded profile: every figure except the import, at one CPU throttling rate. */
export async function runPass(options: PassOptions): Promise<PassResult> {
  const { baseUrl, userDataDir, throttle } = options;
  const loadStart = loadavg()[0] ?? NaN;
  const log = options.log ?? (() => undefined);
  const studyUrl = new URL('#/study', baseUrl).href;

  // 0. First visit against a return visit (storage of their own, not the seeded profile).
  const firstVisit = await firstVisits(baseUrl, throttle, options.firstVisits);
  log(
    `  first visit ${firstVisit.first.median.toFixed(0)} ms, return visit ${firstVisit.ret.median.toFixed(0)} ms (medians of ${options.firstVisits})`,
  );

  // 1. Cold start: a new browser each time, so the database and the app are opened from disk.
  const cold: number[] = [];
  let session: Session | null = null;
  for (let run = 0; run < options.coldStarts; run++) {
    const current = await openSession(userDataDir, throttle);
    try {
      await current.page.goto(studyUrl, { waitUntil: 'commit' });
      const ms = await current.page.evaluate(() => window.__bench.firstCard);
      if (ms === null) throw new Error('the probe did not watch the study screen');
      if (!(await current.page.locator('#card-front').count()))
        throw new Error('the study screen showed no card: the collection has nothing due');
      cold.push(ms);
      log(`  cold start ${run + 1}/${options.coldStarts}: ${ms.toFixed(0)} ms`);
    } catch (error) {
      await current.context.close();
      throw error;
    }
    // The last browser stays open for the other figures.
    if (run < options.coldStarts - 1) await current.context.close();
    else session = current;
  }
  if (!session) throw new Error('coldStarts must be at least 1');
  const { context, page, cdp } = session;
  try {
    const afterStart = await heap(cdp);
    const info = await page.evaluate((name) => window.__bench.dbInfo(name), DB_NAME);

    // 3. Home counts, and back to the first card through "Study all".
    let highest = afterStart.used;
    const home: number[] = [];
    const studyAll: number[] = [];
    for (let run = 0; run < options.homeRuns; run++) {
      await page.evaluate((decks) => window.__bench.armClick('Back to Home', 'home', decks), info.decks);
      await page.getByRole('button', { name: 'Back to Home' }).click();
      home.push((await pending(page)).ms);
      highest = Math.max(highest, await usedHeap(cdp));
      await page.evaluate(() => window.__bench.armClick('Study all', 'question'));
      await page.getByRole('button', { name: /^Study all/ }).click();
      studyAll.push((await pending(page)).ms);
    }
    log(`  home ${stats(home).median.toFixed(0)} ms (median of ${home.length})`);

    // 6. The floor, in the same page, on the card the app would show first.
    const card = await page.evaluate((name) => window.__bench.firstDue(name), DB_NAME);
    if (!card) throw new Error('no due card for the floor');
    const dayStart = studyDay(new Date(), DEFAULT_SETTINGS.dayStartHour, 'UTC').start;
    const floorLogs = Array.from({ length: options.floorRuns }, (_, k) =>
      // Stamped before today, so that even a left-over floor log cannot count against today's limits.
      makeSyntheticLog(`bench-floor-${k}`, card, Grade.Good, dayStart - 3_600_000 + k),
    );
    const floor = await page.evaluate(([name, runs, json]) => window.__bench.floor(name, runs, json), [
      DB_NAME,
      options.floorRuns,
      toJson(floorLogs),
    ] as const);

    // 2. Grades: Show answer, then Good; timed from the click on Good to the next card painted.
    const logsBefore = (await page.evaluate((name) => window.__bench.dbInfo(name), DB_NAME)).logs;
    const grades: number[] = [];
    for (let g = 0; g < options.grades; g++) {
      await page.getByRole('button', { name: /^Show answer/ }).click();
      await page.evaluate(() => window.__bench.armClick('Good', 'question'));
      await page.getByRole('button', { name: /^Good/ }).click();
      const result = await pending(page);
      grades.push(result.ms);
      highest = Math.max(highest, await usedHeap(cdp));
      if ((g + 1) % 50 === 0)
        log(`  grades ${g + 1}/${options.grades}: median ${stats(grades).median.toFixed(1)} ms`);
      if (result.done) break;
    }
    const logsAfter = (await page.evaluate((name) => window.__bench.dbInfo(name), DB_NAME)).logs;
    const afterGrades = await heap(cdp);

    // 8. The Stats screen, opened from Home (after the grades, so today has reviews).
    const statsFirst: number[] = [];
    const statsOpen: number[] = [];
    let longestTaskMs = 0;
    let longTasks = 0;
    for (let run = 0; run < options.statsRuns; run++) {
      await page.getByRole('link', { name: 'Home' }).click();
      // Home done with its counts, so their work is not counted against the Stats screen.
      await page.waitForFunction(
        (decks) => document.querySelectorAll('ul.deck-list > li .counts').length >= decks,
        info.decks,
      );
      const result = await page.evaluate(() => window.__bench.openStats());
      statsFirst.push(result.firstMs);
      statsOpen.push(result.ms);
      longestTaskMs = Math.max(longestTaskMs, result.longestTaskMs);
      longTasks = Math.max(longTasks, result.longTasks);
      highest = Math.max(highest, await usedHeap(cdp));
      log(
        `  stats ${run + 1}/${options.statsRuns}: first numbers ${result.firstMs.toFixed(0)} ms, all ${result.ms.toFixed(0)} ms, longest task ${result.longestTaskMs.toFixed(0)} ms`,
      );
    }

    // 7. Storage: the logs the app just wrote, seeded logs and cards, and the browser's estimate.
    const storage = await page.evaluate(([name, recent]) => window.__bench.storage(name, recent, 1000), [
      DB_NAME,
      grades.length,
    ] as const);

    const coldStart = stats(cold);
    const grade = stats(grades);
    const floorStats = {
      openMs: floor.openMs,
      read: stats(floor.read),
      readDb: stats(floor.readDb),
      write: stats(floor.write),
      writeDb: stats(floor.writeDb),
    };
    return {
      throttle,
      info,
      firstVisit,
      coldStart,
      grade,
      committed: logsAfter - logsBefore,
      home: stats(home),
      studyAll: stats(studyAll),
      floor: floorStats,
      heap: { afterStart, afterGrades, highestSampled: highest },
      loadAverage: { start: loadStart, end: loadavg()[0] ?? NaN },
      storage,
      ratios: {
        coldStart: coldStart.median / floorStats.read.median,
        grade: grade.median / floorStats.write.median,
      },
      stats: { first: stats(statsFirst), open: stats(statsOpen), longestTaskMs, longTasks },
    };
  } finally {
    await context.close();
  }
}
