/**
 * Smoke test of `npm run bench` (issue 9): the benchmark's own functions run against the production build on
 * a tiny collection (200 cards, 2,000 logs, a few grades, no throttled pass) and report every figure as a
 * finite number. No timing is asserted: the benchmark is not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPass, seedProfile } from '../../bench/browser-bench';
import { TINY } from '../../bench/heavy-collection';
import { apkgBench } from '../../bench/apkg-bench';
import { backupBench } from '../../bench/backup-bench';
import { importBench } from '../../bench/import-bench';
import { formatTable, requiredFigures, rows } from '../../bench/report';
import { baseUrl } from './browser';

const profile = mkdtempSync(join(tmpdir(), 'sarcomet-bench-smoke-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

describe('npm run bench, on a tiny collection', () => {
  it('seeds the collection, measures it and reports every figure', async () => {
    const seed = await seedProfile({
      baseUrl: baseUrl(),
      userDataDir: profile,
      params: TINY,
      now: new Date(),
    });
    // The 20 benchmark decks next to the built-in ones the app imported on its first start.
    expect(seed.info.decks).toBeGreaterThanOrEqual(TINY.decks);
    expect(seed.info.cards).toBeGreaterThanOrEqual(TINY.cards);
    expect(seed.info.logs).toBe(TINY.logs);
    expect(seed.info.overdue).toBeGreaterThan(0);

    const grades = 4;
    const pass = await runPass({
      baseUrl: baseUrl(),
      userDataDir: profile,
      throttle: 1,
      coldStarts: 1,
      firstVisits: 1,
      homeRuns: 1,
      grades,
      floorRuns: 5,
      statsRuns: 1,
    });
    expect(pass.grade.n).toBe(grades);
    // Each timed grade was stored, and the floor's own logs were removed again.
    expect(pass.committed).toBe(grades);

    const imported = await importBench(300);
    expect(imported.wholeFile.imported).toBe(true);

    for (const [figure, value] of Object.entries(requiredFigures(pass, imported))) {
      expect.soft(Number.isFinite(value), `${figure} = ${value}`).toBe(true);
    }
    const table = formatTable([pass], rows([pass], imported));
    expect(table).not.toMatch(/n\/a|NaN/);

    // Backup and restore through Settings, and the Anki package read, report finite figures too.
    const backup = await backupBench({ baseUrl: baseUrl(), userDataDir: profile, restore: true });
    expect(backup.counts.reviews).toBe(TINY.logs + grades);
    for (const value of [
      backup.fileBytes,
      backup.backupMs,
      backup.restoreMs,
      backup.backupHeap.peak,
      backup.restoreHeap.peak,
    ]) {
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
    const apkg = await apkgBench(200);
    expect(apkg.deckCards).toBeGreaterThan(0);
    expect(Number.isFinite(apkg.readMs)).toBe(true);
  });
});
