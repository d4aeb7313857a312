/**
 * Node micro-benchmarks, the last section of `npm run bench` (bench/run.ts): prints timings, asserts nothing.
 * - building the study queue over a large collection (pure domain code),
 * - importing every built-in deck into IndexedDB (fake-indexeddb in Node), deck by deck and as the app's
 *   one-transaction sync,
 * - committing grades (one transaction each) and reading the queue's inputs through the indexes.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { makeCardRecord, withIndexKeys } from '../src/domain/card-record';
import { parseDeckFile, parseDeckIndex, type DeckFile } from '../src/domain/deck-format';
import { studyDay } from '../src/domain/day';
import { buildQueue } from '../src/domain/queue';
import { makeScheduler, newFsrsCard } from '../src/domain/scheduler';
import { CardState, DEFAULT_SETTINGS, Grade, type CardRecord } from '../src/domain/types';
import { newCards } from '../src/storage/card-store';
import { openAppDb } from '../src/storage/db';
import { syncBuiltInDecks } from '../src/storage/builtin-sync';
import { importDeck } from '../src/storage/deck-import';
import { loadDay } from '../src/state/study-snapshot';
import { commitGrade } from '../src/storage/study-store';
import { makeSyntheticLog } from './heavy-collection';

const NOW = new Date('2026-01-05T09:00:00Z');

async function time(label: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const p95 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] ?? 0;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   (n=${runs})`,
  );
}

function syntheticCollection(size: number): { due: CardRecord[]; fresh: CardRecord[] } {
  const due: CardRecord[] = [];
  const fresh: CardRecord[] = [];
  for (let i = 0; i < size; i++) {
    const card = makeCardRecord(
      `deck-${i % 7}`,
      { id: `c${i}`, factId: `f${Math.floor(i / 3)}`, kind: 'qa', front: 'Q', back: 'A', tags: [] },
      i,
      newFsrsCard(NOW),
      NOW,
    );
    if (i % 2 === 0) fresh.push(card);
    else {
      const state = i % 10 === 1 ? CardState.Learning : CardState.Review;
      due.push(
        withIndexKeys({ ...card, fsrs: { ...card.fsrs, state, due: new Date(NOW.getTime() - i * 1000) } }),
      );
    }
  }
  return { due, fresh };
}

/** Runs every micro-benchmark, printing one line each. */
export async function runMicro(): Promise<void> {
  console.log(`Node micro-benchmarks (Node ${process.version}, fake-indexeddb)\n`);
  const day = studyDay(NOW, 4, 'UTC');
  for (const size of [1_000, 10_000, 50_000]) {
    const { due, fresh } = syntheticCollection(size);
    await time(`buildQueue over ${size} cards`, 30, () =>
      buildQueue({
        now: NOW.getTime(),
        day,
        dueCards: due,
        newCards: fresh.slice(0, 130),
        todayLogs: [],
        limits: DEFAULT_SETTINGS,
      }),
    );
  }

  const index = parseDeckIndex(JSON.parse(readFileSync('public/decks/index.json', 'utf8')));
  if (!index.ok) throw new Error('Run `npm run decks` first: public/decks/index.json is missing or invalid.');
  const files = index.value.decks.map(
    (d) => JSON.parse(readFileSync(`public/decks/${d.file}`, 'utf8')) as unknown,
  );
  await time('parseDeckFile, all built-in decks', 20, () => files.forEach((f) => parseDeckFile(f)));

  let n = 0;
  await time('importDeck, all built-in decks into a fresh database', 5, async () => {
    const db = await openAppDb(`bench-import-${n++}`);
    for (const [i, file] of files.entries()) {
      await importDeck(db, file, { builtIn: true, hash: index.value.decks[i]!.hash, now: NOW });
    }
    db.close();
  });

  // The app's own path (issue 12): every built-in deck in one transaction; then a release that renames one
  // card per deck (its first, the old id in previousIds), so every deck is rewritten.
  const fetchDeck = async (file: string) => files[index.value.decks.findIndex((d) => d.file === file)];
  const renamed = files.map((file) => {
    const deck = file as DeckFile;
    const [first, ...rest] = deck.cards;
    return { ...deck, cards: [{ ...first!, id: `${first!.id}.v2`, previousIds: [first!.id] }, ...rest] };
  });
  const nextIndex = {
    ...index.value,
    decks: index.value.decks.map((d) => ({ ...d, hash: `${d.hash.slice(0, 12)}beef` })),
  };
  await time('syncBuiltInDecks, all decks, fresh db (one transaction)', 5, async () => {
    const db = await openAppDb(`bench-sync-${n++}`);
    await syncBuiltInDecks(db, index.value, fetchDeck, NOW);
    db.close();
  });
  await time('syncBuiltInDecks + a release renaming a card per deck', 5, async () => {
    const db = await openAppDb(`bench-sync-${n++}`);
    await syncBuiltInDecks(db, index.value, fetchDeck, NOW);
    await syncBuiltInDecks(
      db,
      nextIndex,
      async (file) => renamed[index.value.decks.findIndex((d) => d.file === file)],
      NOW,
    );
    db.close();
  });

  const db = await openAppDb('bench-study');
  for (const [i, file] of files.entries())
    await importDeck(db, file, { builtIn: true, hash: index.value.decks[i]!.hash, now: NOW });
  const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' });
  const pool = (await Promise.all(index.value.decks.map((d) => newCards(db, d.id, 1000)))).flat();
  let k = 0;
  await time('commitGrade (card + review log, one transaction)', 200, async () => {
    const card = pool[k++ % pool.length]!;
    const graded = scheduler.gradeCard(card, Grade.Good, NOW);
    const log = makeSyntheticLog(`bench-${k}`, card, Grade.Good, NOW.getTime() + k);
    await commitGrade(db, {
      card: withIndexKeys({ ...card, fsrs: graded.fsrs }),
      log,
      leechThreshold: DEFAULT_SETTINGS.leechThreshold,
    });
  });
  const decks = index.value.decks.map((d) => ({
    ...d,
    description: '',
    language: 'en',
    tags: [],
    builtIn: true,
    hash: d.hash,
    importedAt: 0,
    updatedAt: 0,
  }));
  await time("the day's queue through by-learning, by-review, by-new, by-time", 50, async () => {
    await loadDay(db, decks, DEFAULT_SETTINGS, NOW, 'UTC');
  });
  db.close();
}
