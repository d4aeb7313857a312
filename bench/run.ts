/**
 * `npm run bench`: builds the app, serves the production build with `vite preview`, seeds (or reuses) a
 * heavy collection in a cached Chromium profile, measures it unthrottled and at 4x CPU throttling, imports
 * a 43k-card deck (Node stand-in), prints a table with issue 9's targets, writes bench/results/<date>.json,
 * then runs the Node micro-benchmarks (bench/micro.ts). Explained in docs/performance.md.
 *
 * Flags: --tiny (the smoke test's collection), --no-backup (skip backup and restore), --backup-only (bench/backup-bench.ts only; with --profile,
 * --no-restore), --reseed, --no-throttle, --no-build, --no-micro,
 * --micro-only, --grades=N, --cold=N, --first=N, --home=N, --stats=N, --optimizer-only (bench/optimizer-bench.ts: the FSRS
 * optimizer on 10k, 100k and 1M reviews; --optimizer-sizes=10000,100000 picks others), --no-optimizer. BENCH_PORT picks the port (4380-4399; default 4381):
 * IndexedDB belongs to the origin, so the cached profile is only valid for the port it was seeded on.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { DB_VERSION } from '../src/storage/db';
import { startPreview } from '../tests/e2e/server';
import { backupBench, type BackupBenchResult } from './backup-bench';
import { copyProfile, runPass, seedProfile, type PassResult, type SeedResult } from './browser-bench';
import { GENERATOR_VERSION, HEAVY, TINY } from './heavy-collection';
import { apkgBench } from './apkg-bench';
import { importBench } from './import-bench';
import { runMicro } from './micro';
import { browserOptimizerBench, optimizerBench } from './optimizer-bench';
import { formatTable, machine, rows, type BenchResults } from './report';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const count = (name: string, fallback: number) => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
};

/** A cached profile older than this is seeded again: due dates are relative to the time of seeding. */
const MAX_CACHE_AGE_HOURS = 7 * 24;

async function browserBench(): Promise<void> {
  const params = flag('tiny') ? TINY : HEAVY;
  const port = Number(process.env.BENCH_PORT ?? 4381);
  if (!(port >= 4380 && port <= 4399)) throw new Error('BENCH_PORT must be within 4380-4399');
  const log = (line: string) => console.log(line);

  if (!flag('no-build')) execSync('npm run build', { stdio: 'inherit' });
  const server = await startPreview('dist', port);
  try {
    const key = createHash('sha256')
      .update(JSON.stringify({ params, GENERATOR_VERSION, DB_VERSION, port }))
      .digest('hex')
      .slice(0, 12);
    const cacheDir = `bench/.cache/${key}`;
    const profile = `${cacheDir}/profile`;
    const metaFile = `${cacheDir}/seed.json`;
    let seed: SeedResult | null = existsSync(metaFile)
      ? (JSON.parse(readFileSync(metaFile, 'utf8')) as SeedResult)
      : null;
    const ageHours = (s: SeedResult) => (Date.now() - Date.parse(s.anchor)) / 3_600_000;
    let reused = true;
    if (!seed || flag('reseed') || ageHours(seed) > MAX_CACHE_AGE_HOURS || !existsSync(profile)) {
      reused = false;
      console.log(
        `Seeding ${params.cards} cards in ${params.decks} decks and ${params.logs} review logs (cache ${key})…`,
      );
      rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      const fresh = `${cacheDir}/profile-seeding`;
      seed = await seedProfile({ baseUrl: server.url, userDataDir: fresh, params, now: new Date(), log });
      renameSync(fresh, profile);
      writeFileSync(metaFile, JSON.stringify(seed, null, 2));
      console.log(`Seeded in ${(seed.totalMs / 1000).toFixed(1)} s.`);
    } else {
      console.log(`Reusing the seeded profile ${cacheDir} (seeded ${ageHours(seed).toFixed(1)} h ago).`);
    }

    if (flag('backup-only')) {
      console.log('\nBackup and restore through Settings (a fresh copy of the seeded profile)…');
      const work = 'bench/.cache/work';
      copyProfile(profile, work);
      try {
        const result = await backupBench({
          baseUrl: server.url,
          userDataDir: work,
          profile: flag('profile'),
          restore: !flag('no-restore'),
          log,
        });
        console.log(JSON.stringify(result, null, 2));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      return;
    }

    const passes: PassResult[] = [];
    for (const throttle of flag('no-throttle') ? [1] : [1, 4]) {
      console.log(`\nPass at ${throttle}x CPU throttling (a fresh copy of the seeded profile)…`);
      const work = 'bench/.cache/work';
      copyProfile(profile, work);
      try {
        passes.push(
          await runPass({
            baseUrl: server.url,
            userDataDir: work,
            throttle,
            coldStarts: count('cold', 5),
            firstVisits: count('first', 5),
            homeRuns: count('home', 10),
            grades: count('grades', 200),
            floorRuns: 50,
            statsRuns: count('stats', 3),
            log,
          }),
        );
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }

    let backup: BackupBenchResult | undefined;
    if (!flag('no-backup')) {
      console.log('\nBackup and restore through Settings (a fresh copy of the seeded profile)…');
      const work = 'bench/.cache/work';
      copyProfile(profile, work);
      try {
        backup = await backupBench({ baseUrl: server.url, userDataDir: work, restore: true, log });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }

    console.log('\nImport of a 43,000-card deck file (Node, fake-indexeddb)…');
    const imported = await importBench(flag('tiny') ? 2_000 : 43_000);
    console.log('Reading a 43,000-card Anki package (Node: unzip, zstd, sql.js, render, replay)…');
    const apkg = await apkgBench(flag('tiny') ? 2_000 : 43_000);
    const table = rows(passes, imported);
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: machine(),
      collection: params,
      seeding: { ...seed, reused, cacheKey: key, ageHours: ageHours(seed) },
      passes,
      import: imported,
      apkg,
      ...(backup ? { backup } : {}),
      rows: table,
    };
    const m = results.machine;
    console.log(
      `\nSarcoMet at ${params.cards.toLocaleString('en-US')} cards / ${params.logs.toLocaleString('en-US')} logs` +
        ` (${seed.info.overdue} overdue at seeding; ${passes[0]?.info.overdue ?? '?'} now), ${m.nproc} cores, ${m.chromium}`,
    );
    console.log(
      `Seeding: ${(seed.totalMs / 1000).toFixed(1)} s (cards ${(seed.cardsMs / 1000).toFixed(1)} s, logs ${(seed.logsMs / 1000).toFixed(1)} s)${reused ? ', reused from the cache' : ''}\n`,
    );
    console.log(formatTable(passes, table));
    if (imported.split) console.log(`\nImport note: ${imported.wholeFile.error ?? ''}`);
    if (backup) {
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `\nBackup of the whole collection (${mb(backup.fileBytes)} file): ${(backup.backupMs / 1000).toFixed(1)} s, heap peak ${mb(backup.backupHeap.peak)}; ` +
          `restore: ${(backup.restoreMs / 1000).toFixed(1)} s, heap peak ${mb(backup.restoreHeap.peak)} (targets 10 s, 60 MB)`,
      );
    }
    console.log(
      `\nAnki package: ${apkg.cards.toLocaleString('en-US')} cards (${(apkg.packageBytes / 1e6).toFixed(1)} MB ${apkg.format}, ` +
        `${apkg.reviewsReplayed.toLocaleString('en-US')} reviews replayed) read in ${(apkg.readMs / 1000).toFixed(2)} s, ` +
        `validated in ${(apkg.parseMs / 1000).toFixed(2)} s`,
    );
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/${results.date.slice(0, 10)}${flag('tiny') ? '-tiny' : ''}.json`;
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWritten to ${file}`);
  } finally {
    await server.stop();
  }
}

/** The FSRS optimizer's time on synthetic logs; written to bench/results/<date>-optimizer.json. */
async function optimizerOnly(): Promise<void> {
  const sizes = args.find((a) => a.startsWith('--optimizer-sizes='));
  const targets = sizes ? sizes.slice('--optimizer-sizes='.length).split(',').map(Number) : undefined;
  console.log('\n--- FSRS optimizer (fsrs-browser in Node, single-threaded) ---');
  const rows = await optimizerBench(targets);
  console.log("\n--- FSRS optimizer in Chromium (the production build's worker) ---");
  if (!flag('no-build') && flag('optimizer-only')) execSync('npm run build', { stdio: 'inherit' });
  const browser = await browserOptimizerBench(targets?.filter((t) => t <= 100_000));
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().slice(0, 10)}-optimizer.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), rows, browser }, null, 2)}\n`,
  );
  console.log(`Written to ${file}`);
}

if (flag('optimizer-only')) {
  await optimizerOnly();
} else {
  if (!flag('micro-only')) await browserBench();
  if (!flag('no-micro') && !flag('backup-only')) {
    console.log('\n--- Node micro-benchmarks ---');
    await runMicro();
  }
  if (!flag('no-optimizer') && !flag('backup-only')) await optimizerOnly();
}
