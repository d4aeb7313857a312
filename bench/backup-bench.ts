/**
 * The backup benchmark (issue 10): on a seeded heavy collection, Settings → "Back up now" and then
 * "Restore from backup" of that very file, driven through the production build as a learner would, timed
 * from outside, with the page's JS heap sampled through CDP (`Runtime.getHeapUsage`) every 100 ms throughout.
 * Run by `npm run bench -- --backup-only` (bench/run.ts); explained in docs/performance.md.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { openSession } from './browser-bench';

export interface HeapTrace {
  /** Samples taken. */
  samples: number;
  /** The highest used JS heap seen (bytes, no GC forced). */
  peak: number;
  /** Used JS heap when the operation started (bytes). */
  start: number;
}

export interface BackupBenchResult {
  /** What the file holds, as its first line counts it (NaN, like every restore figure, with `restore: false`). */
  counts: { decks: number; cards: number; reviews: number };
  fileBytes: number;
  /** Tap on "Back up now" to the download handed to the browser. */
  backupMs: number;
  backupHeap: HeapTrace;
  /** Tap on "Replace my collection" to the page starting to reload onto the restored database. */
  restoreMs: number;
  restoreHeap: HeapTrace;
  /** The page's JS heap limit, for scale. */
  heapLimit: number;
  /** With `profile`: the main thread's self time per function during the backup and the restore's first minute. */
  profile?: { backup: ProfileSummary; restore: ProfileSummary };
}

/** Where the page's main thread spent its time: self time per function, the largest first. */
export type ProfileSummary = { fn: string; ms: number }[];

/** Starts the V8 sampling profiler of the page (1 ms interval). */
async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
}

/** Stops the profiler and sums self time per function (name and file), the `top` largest. */
async function stopProfile(cdp: CDPSession, top = 12): Promise<ProfileSummary> {
  const { profile } = await cdp.send('Profiler.stop');
  const perSample = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => perSample.set(id, (perSample.get(id) ?? 0) + (deltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const fn = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + (perSample.get(node.id) ?? 0) / 1000);
  }
  return [...byFn]
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

/** Samples the used heap every `everyMs` until `stop()`; resolves the trace. */
function sampleHeap(cdp: CDPSession, everyMs = 100): { stop(): Promise<HeapTrace> } {
  let running = true;
  const trace: HeapTrace = { samples: 0, peak: 0, start: 0 };
  const loop = (async () => {
    while (running) {
      try {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        if (trace.samples === 0) trace.start = usedSize;
        trace.samples += 1;
        trace.peak = Math.max(trace.peak, usedSize);
      } catch {
        // The page is between documents (the reload after a restore): the next sample comes from the new one.
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return trace;
    },
  };
}

async function openSettings(page: Page, baseUrl: string): Promise<void> {
  await page.goto(new URL('#/settings', baseUrl).href);
  await page.getByRole('button', { name: 'Back up now' }).waitFor();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Backs up the collection of the profile at `userDataDir` (which this changes: use a copy) and restores the
 * file into it, through the app's Settings screen, and prints the figures.
 */
export async function backupBench(options: {
  baseUrl: string;
  userDataDir: string;
  /** Also profile the main thread (V8's sampling profiler; it slows the page a little). */
  profile?: boolean;
  /** False: time the backup only. */
  restore?: boolean;
  log?: (line: string) => void;
}): Promise<BackupBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'sarcomet-backup-bench-'));
  const { context, page, cdp } = await openSession(options.userDataDir, 1);
  try {
    // No save picker (as on a phone): the backup is collected into a Blob and downloaded.
    await context.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await cdp.send('Runtime.enable');
    await openSettings(page, options.baseUrl);
    await cdp.send('HeapProfiler.collectGarbage');

    if (options.profile) await startProfile(cdp);
    const backupTrace = sampleHeap(cdp);
    const downloading = page.waitForEvent('download', { timeout: 600_000 });
    const backupStart = performance.now();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const download = await downloading;
    const backupMs = performance.now() - backupStart;
    const backupHeap = await backupTrace.stop();
    const backupProfile = options.profile ? await stopProfile(cdp) : [];
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const fileBytes = statSync(file).size;
    const status = await page
      .getByRole('status')
      .filter({ hasText: /^Backed up/ })
      .innerText();
    log(
      `  backup: ${(backupMs / 1000).toFixed(1)} s, ${mb(fileBytes)} file, heap peak ${mb(backupHeap.peak)} (${status})`,
    );

    if (options.restore === false) {
      const none: HeapTrace = { samples: 0, peak: NaN, start: NaN };
      return {
        counts: { decks: NaN, cards: NaN, reviews: NaN },
        fileBytes,
        backupMs,
        backupHeap,
        restoreMs: NaN,
        restoreHeap: none,
        heapLimit: NaN,
      };
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from backup' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('button', { name: 'Replace my collection' }).waitFor();
    const header = await page.locator('.backup-confirm dd').allInnerTexts();
    // Made, decks, cards, reviews: as the file's first line counts them.
    const [decks = 0, cards = 0, reviews = 0] = header
      .slice(1)
      .map((text) => Number(text.replace(/\D/g, '')));
    if (options.profile) await startProfile(cdp);
    const restoreTrace = sampleHeap(cdp);
    const reloading = page.waitForEvent('framenavigated', { timeout: 600_000 });
    const restoreStart = performance.now();
    await page.getByRole('button', { name: 'Replace my collection' }).click();
    // The reload that ends a restore discards a running profile: profile the first minute (or all, if less).
    let restoreProfile: ProfileSummary = [];
    if (options.profile) {
      await Promise.race([reloading, new Promise((resolve) => setTimeout(resolve, 60_000))]);
      restoreProfile = await stopProfile(cdp).catch(() => []);
    }
    await reloading;
    const restoreMs = performance.now() - restoreStart;
    const restoreHeap = await restoreTrace.stop();
    log(
      `  restore: ${(restoreMs / 1000).toFixed(1)} s, heap peak ${mb(restoreHeap.peak)} (file: ${header.join(' / ')})`,
    );
    await page.getByRole('button', { name: /^Bring back: / }).waitFor({ timeout: 120_000 });
    const heapLimit = await page.evaluate(
      () =>
        (performance as Performance & { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit ?? 0,
    );
    return {
      counts: { decks, cards, reviews },
      fileBytes,
      backupMs,
      backupHeap,
      restoreMs,
      restoreHeap,
      heapLimit,
      ...(options.profile ? { profile: { backup: backupProfile, restore: restoreProfile } } : {}),
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
