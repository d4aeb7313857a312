/**
 * The FSRS optimizer's time (`npm run bench -- --optimizer-only`, and the last section of a full run) on
 * synthetic logs of about 10k, 100k and 1M reviews, drawn from an FSRS learner with known weights
 * (tests/fixtures/synthetic-reviews.ts). It runs fsrs-browser's WebAssembly in Node, single-threaded, as the
 * app's worker runs it (no thread pool): the same code and the same module, without the browser around it.
 * Reported per size: building the training items, fsrs-rs's training, and judging the current and the new
 * weights (log loss and RMSE on the same reviews), plus the log loss of the defaults, the fit and the truth.
 * `browserOptimizerBench` then times the app's own worker (dist/, as the production build ships it) in
 * Chromium at phone size: post the histories, wait for the result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type * as FsrsBrowser from 'fsrs-browser';
import { countTrainingReviews, evaluateParameters, trainingItems } from '../src/domain/optimizer';
import { DEFAULT_PARAMETERS, fsrsParameters } from '../src/domain/scheduler';
import type { ReviewHistories } from '../src/domain/optimizer';
import type { OptimizerMessage } from '../src/workers/optimizer-protocol';
import { launch, phoneContext } from '../tests/e2e/browser-launch';
import { startPreview } from '../tests/e2e/server';
import {
  reviewCount,
  simulateCards,
  toHistories,
  TRUE_PARAMETERS,
} from '../tests/fixtures/synthetic-reviews';

export interface OptimizerBenchRow {
  reviews: number;
  cards: number;
  /** Training items (one per review on a later day) and their total length: what fsrs-rs is given. */
  items: number;
  itemEntries: number;
  itemsMs: number;
  trainMs: number;
  evaluateMs: number;
  logLoss: { defaults: number; fitted: number; truth: number };
  /** Resident memory after training (Node), for a sense of scale. */
  rssMb: number;
}

/** Reviews per simulated card over 2 years is about 10; cards are chosen to reach each target. */
const REVIEWS_PER_CARD = 10.2;

async function loadFsrs(): Promise<typeof FsrsBrowser> {
  // fsrs-browser's thread-pool helper listens for messages on `self` when it loads; Node has no `self`.
  const scope = globalThis as unknown as { self?: unknown; addEventListener?: unknown };
  scope.self ??= globalThis;
  scope.addEventListener ??= () => undefined;
  const fsrs = await import('fsrs-browser');
  fsrs.initSync({ module: readFileSync('node_modules/fsrs-browser/fsrs_browser_bg.wasm') });
  return fsrs;
}

export async function optimizerBench(
  targets: readonly number[] = [10_000, 100_000, 1_000_000],
  log: (line: string) => void = console.log,
): Promise<OptimizerBenchRow[]> {
  const fsrs = await loadFsrs();
  const rows: OptimizerBenchRow[] = [];
  for (const target of targets) {
    const cards = simulateCards({ cards: Math.round(target / REVIEWS_PER_CARD), days: 730, seed: target });
    const histories = toHistories(cards);
    let start = performance.now();
    const items = trainingItems(histories);
    const itemsMs = performance.now() - start;
    const info = console.info;
    console.info = () => undefined; // fsrs-rs logs each epoch
    start = performance.now();
    const raw = new fsrs.Fsrs().computeParameters(
      items.ratings,
      items.deltaTs,
      items.lengths,
      undefined,
      true,
    );
    const trainMs = performance.now() - start;
    console.info = info;
    const fitted = fsrsParameters(raw);
    if (!fitted) throw new Error(`fsrs-browser returned ${raw.length} values`);
    start = performance.now();
    const defaults = evaluateParameters(DEFAULT_PARAMETERS, histories);
    const after = evaluateParameters(fitted, histories);
    const evaluateMs = performance.now() - start;
    const truth = evaluateParameters(TRUE_PARAMETERS, histories);
    const row: OptimizerBenchRow = {
      reviews: reviewCount(cards),
      cards: cards.length,
      items: countTrainingReviews(histories),
      itemEntries: items.ratings.length,
      itemsMs,
      trainMs,
      evaluateMs,
      logLoss: { defaults: defaults.logLoss, fitted: after.logLoss, truth: truth.logLoss },
      rssMb: process.memoryUsage().rss / 1024 / 1024,
    };
    rows.push(row);
    log(
      `${row.reviews.toLocaleString('en-US').padStart(10)} reviews (${row.cards.toLocaleString('en-US')} cards): ` +
        `items ${(itemsMs / 1000).toFixed(2)} s, training ${(trainMs / 1000).toFixed(1)} s, ` +
        `before/after ${(evaluateMs / 1000).toFixed(2)} s; log loss defaults ${defaults.logLoss.toFixed(4)}, ` +
        `fitted ${after.logLoss.toFixed(4)}, true ${truth.logLoss.toFixed(4)}; RSS ${row.rssMb.toFixed(0)} MB`,
    );
  }
  return rows;
}

export interface BrowserOptimizerRow {
  reviews: number;
  /** From posting the reviews to the worker until its result arrived (loading the WebAssembly included). */
  workerMs: number;
  logLossBefore: number;
  logLossAfter: number;
}

/**
 * Times the production build's optimizer worker in Chromium on the same synthetic logs. The page is a static
 * file of the app's origin (no app running), so only the worker works. Needs `npm run build` first.
 */
export async function browserOptimizerBench(
  targets: readonly number[] = [10_000, 100_000],
  port = Number(process.env.BENCH_PORT ?? 4381),
  log: (line: string) => void = console.log,
): Promise<BrowserOptimizerRow[]> {
  const worker = readdirSync('dist/assets').find((name) => /^optimizer\.worker-.*\.js$/.test(name));
  if (!worker) throw new Error('No optimizer worker in dist/assets: run `npm run build` first.');
  const server = await startPreview('dist', port);
  const browser = await launch();
  const rows: BrowserOptimizerRow[] = [];
  try {
    const context = await phoneContext(browser);
    // tsx keeps function names with an `__name` helper that page.evaluate'd functions then lack.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(`${server.url}decks/index.json`);
    for (const target of targets) {
      const cards = simulateCards({ cards: Math.round(target / REVIEWS_PER_CARD), days: 730, seed: target });
      const histories = toHistories(cards);
      const outcome = await page.evaluate(
        ([url, request]) =>
          new Promise<{ ms: number; message: OptimizerMessage }>((resolve) => {
            const start = performance.now();
            const w = new Worker(url, { type: 'module' });
            w.onmessage = (event: MessageEvent<OptimizerMessage>) => {
              if (event.data.type === 'progress') return;
              w.terminate();
              resolve({ ms: performance.now() - start, message: event.data });
            };
            w.postMessage(request);
          }),
        [`/assets/${worker}`, { histories }] as [string, { histories: ReviewHistories }],
      );
      const message = outcome.message;
      if (message.type !== 'done') {
        throw new Error(`The worker failed: ${message.type === 'error' ? message.message : 'no result'}`);
      }
      const row: BrowserOptimizerRow = {
        reviews: reviewCount(cards),
        workerMs: outcome.ms,
        logLossBefore: message.result.before.logLoss,
        logLossAfter: message.result.after.logLoss,
      };
      rows.push(row);
      log(
        `${row.reviews.toLocaleString('en-US').padStart(10)} reviews in Chromium's worker: ${(row.workerMs / 1000).toFixed(1)} s ` +
          `(log loss ${row.logLossBefore.toFixed(4)} -> ${row.logLossAfter.toFixed(4)})`,
      );
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}
