import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withIndexKeys } from '../../src/domain/card-record';
import { CARD_KINDS } from '../../src/domain/deck-format';
import { DEFAULT_QUIZ_SETUP, type QuizRecord } from '../../src/domain/quiz';
import {
  CardState,
  DEFAULT_SETTINGS,
  type CardRecord,
  type DeckRecord,
  type ReviewLogRecord,
} from '../../src/domain/types';
import { BACKUP_STORE_NAMES, NOT_BACKED_UP } from '../../src/storage/backup-records';
import { countBackupStores, LAST_BACKUP_KEY, markBackedUp } from '../../src/storage/backup';
import { DB_NAME, DB_VERSION, openAppDb } from '../../src/storage/db';
import { getSettings } from '../../src/storage/settings-store';
import { StorageError } from '../../src/storage/errors';
import { deleteOrphans, flipLiveDb, liveDbName, readPointer } from '../../src/storage/live-db';
import { bringBackRestorePoint, readBackupSummary, restoreBackup } from '../../src/storage/restore';
import { SETTINGS_KEY } from '../../src/storage/schema';
import type { AppDatabase } from '../../src/storage/transaction';
import {
  backupBlob,
  databaseNames,
  fileOf,
  gzipText,
  hashCollection,
  hashLive,
  linesOf,
  resetDatabases,
  versionOf,
} from './backup-helpers';
import { makeCards, NOW, seedCards, seedStudied } from './helpers';

const LATER = new Date(NOW.getTime() + 60_000);
const restore = (file: Blob, extra: Partial<Parameters<typeof restoreBackup>[1]> = {}) =>
  restoreBackup(file, { now: LATER, label: 'Before the test restore', ...extra });

/** A finished quiz of two questions, one missed (version 5's `quizzes` store). */
const QUIZ: QuizRecord = {
  id: 'quiz-1',
  startedAt: NOW.getTime(),
  finishedAt: NOW.getTime() + 90_000,
  setup: {
    ...DEFAULT_QUIZ_SETUP,
    deckIds: ['m'],
    timeLimit: 10,
    selection: 'due-by',
    examDate: NOW.getTime(),
  },
  questions: [
    {
      id: 'm.c1#typed',
      cardId: 'm.c1',
      factId: 'm.f1',
      deckId: 'm',
      type: 'typed',
      prompt: 'Question 1 of m?',
      options: [],
      answerIndex: -1,
      answerText: 'Answer 1.',
    },
    {
      id: 'm.c2#true-false',
      cardId: 'm.c2',
      factId: 'm.f2',
      deckId: 'm',
      type: 'true-false',
      prompt: 'Question 2 of m?',
      options: ['True', 'False'],
      statement: 'Answer 3.',
      answerIndex: 1,
      answerText: 'False: the answer is Answer 2.',
    },
  ],
  answers: [
    { questionId: 'm.c1#typed', given: 'answer 1', correct: true },
    { questionId: 'm.c2#true-false', given: '0', correct: false },
  ],
  elapsedMs: 81_000,
};

/** The live collection `sarcomet` with eight studied cards, settings, meta and a quarantined record. */
async function seedLive(): Promise<AppDatabase> {
  const studied = await seedStudied();
  const db = await openAppDb(DB_NAME);
  for (const name of ['cards', 'review-logs'] as const) {
    for (const value of await studied.getAll(name)) await db.put(name, value as never);
  }
  studied.close();
  await db.put('decks', deck('m'));
  await db.put(
    'settings',
    { ...DEFAULT_SETTINGS, retention: 0.87, learningSteps: ['2m', '15m'] },
    SETTINGS_KEY,
  );
  await db.put('quizzes', QUIZ);
  await db.put('meta', 'abc123', 'deck-index-hash');
  await db.put('meta', { when: NOW, list: [1, 'two', null] }, 'nested');
  await db.add('quarantine', {
    store: 'cards',
    key: 'bad',
    value: { id: 'bad', fsrs: { due: NOW } },
    reason: 'fsrs.stability: missing',
    version: 3,
    at: NOW.getTime(),
  });
  return db;
}

function deck(id: string, overrides: Partial<DeckRecord> = {}): DeckRecord {
  return {
    id,
    title: `Deck ${id}`,
    description: 'A deck.',
    language: 'en',
    tags: ['t'],
    builtIn: false,
    hash: 'h',
    cardCount: 1,
    importedAt: NOW.getTime(),
    updatedAt: NOW.getTime(),
    ...overrides,
  };
}

/** Runs `body` expecting a rejected restore whose message matches `message`; checks nothing changed. */
async function expectRejected(file: Blob, message: RegExp, extra: Parameters<typeof restore>[1] = {}) {
  const before = await hashLive();
  const pointer = await readPointer();
  const names = await databaseNames();
  const error = await restore(file, extra).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).toMatch(/Your collection was not changed\.$/);
  expect(await hashLive()).toBe(before);
  expect(await readPointer()).toEqual(pointer);
  expect(await databaseNames()).toEqual(names);
}

beforeEach(resetDatabases);
afterEach(() => vi.restoreAllMocks());

describe('backup format', () => {
  it('carries every object store of the database or says why it leaves it out', async () => {
    const db = await openAppDb(DB_NAME);
    const stores = [...db.objectStoreNames].sort();
    db.close();
    expect([...BACKUP_STORE_NAMES, ...Object.keys(NOT_BACKED_UP)].sort()).toEqual(stores);
  });

  it('writes a header, one line per record with dates spelled out, and a trailer with the counts', async () => {
    const db = await seedLive();
    const lines = await linesOf(await backupBlob(db));
    db.close();
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(header).toEqual({
      format: 'sarcomet-backup',
      version: 1,
      createdAt: NOW.toISOString(),
      dbVersion: DB_VERSION,
      counts: { settings: 1, meta: 2, decks: 1, cards: 5, 'review-logs': 16, quarantine: 1, quizzes: 1 },
    });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: 'sarcomet-backup', counts: header.counts });
    expect(lines).toHaveLength(2 + 27);
    const card = lines.find((line) => line.startsWith('{"s":"cards"'))!;
    expect(JSON.parse(card)).toMatchObject({ v: { fsrs: { due: { $date: expect.any(String) } } } });
    expect(lines).toContain(
      `{"s":"meta","k":"nested","v":{"when":{"$date":"${NOW.toISOString()}"},"list":[1,"two",null]}}`,
    );
  });
});

describe('restoreBackup', () => {
  it('restores every store exactly, Dates as Dates, into a new live database, keeping the old as a restore point', async () => {
    const db = await seedLive();
    await markBackedUp(db, NOW);
    const original = await hashCollection(db, BACKUP_STORE_NAMES);
    const cards = await db.getAll('cards');
    const file = await backupBlob(db);
    // The collection changes after the backup; the restore brings back the backed-up state.
    await db.clear('cards');
    db.close();

    const progress: number[] = [];
    const result = await restore(file, { id: 'one', onProgress: (f) => progress.push(f) });
    expect(result.name).toBe('sarcomet-restore-one');
    expect(await liveDbName()).toBe('sarcomet-restore-one');
    expect(await hashLive(BACKUP_STORE_NAMES)).toBe(original);
    const restored = await openAppDb(result.name);
    const back = await restored.getAll('cards');
    expect(back).toEqual(cards);
    expect(back[0]!.fsrs.due).toBeInstanceOf(Date);
    expect(await restored.get('meta', LAST_BACKUP_KEY)).toBe(NOW.getTime());
    restored.close();
    expect(progress.at(-1)).toBe(1);
    expect((await readPointer()).restorePoints).toEqual([
      {
        name: DB_NAME,
        time: LATER.getTime(),
        label: 'Before the test restore',
        counts: { decks: 1, cards: 0, reviews: 16 },
      },
    ]);
  });

  it('round-trips any collection (property), with either compressor', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const ms = fc.integer({ min: 0, max: 4_102_444_800_000 });
    const num = fc.double({ noNaN: true, noDefaultInfinity: true });
    const cardArb = fc.record({
      kind: fc.constantFrom(...CARD_KINDS),
      front: text,
      tags: fc.array(text, { maxLength: 3 }),
      state: fc.constantFrom(CardState.New, CardState.Learning, CardState.Review, CardState.Relearning),
      due: ms,
      last: fc.option(ms, { nil: undefined }),
      stability: num,
      suspended: fc.boolean(),
      position: fc.integer(),
    });
    const logArb = fc.record({
      time: ms,
      grade: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
      prev: fc.tuple(ms, num, num, num, num, fc.nat(), fc.nat(), fc.nat(), fc.constantFrom(0, 1, 2, 3), ms),
    });
    const metaArb = fc.dictionary(
      fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
      fc.oneof(
        fc.integer(),
        text,
        fc.boolean(),
        fc.constant(null),
        ms.map((t) => new Date(t)),
      ),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(cardArb, { maxLength: 25 }),
        fc.array(logArb, { maxLength: 30 }),
        metaArb,
        fc.boolean(),
        fc.boolean(),
        async (cardSpecs, logSpecs, meta, exportNative, importNative) => {
          await resetDatabases();
          const db = await openAppDb(DB_NAME);
          await db.put('decks', deck('d'));
          const base = makeCards('d', Math.max(cardSpecs.length, 1))[0]!;
          for (const [i, spec] of cardSpecs.entries()) {
            const card: CardRecord = withIndexKeys({
              ...base,
              id: `c${i}`,
              kind: spec.kind,
              front: spec.front,
              tags: spec.tags,
              suspended: spec.suspended,
              position: spec.position,
              fsrs: {
                ...base.fsrs,
                due: new Date(spec.due),
                stability: spec.stability,
                state: spec.state,
                ...(spec.last === undefined ? {} : { last_review: new Date(spec.last) }),
              },
            });
            await db.put('cards', card);
          }
          for (const [i, spec] of logSpecs.entries()) {
            const log: ReviewLogRecord = { id: `l${i}`, cardId: `c${i}`, factId: 'f', ...spec };
            await db.put('review-logs', log);
          }
          for (const [key, value] of Object.entries(meta)) await db.put('meta', value, key);
          await db.put('meta', NOW.getTime(), LAST_BACKUP_KEY);
          const before = await hashCollection(db, BACKUP_STORE_NAMES);
          const file = await backupBlob(db, exportNative);
          db.close();
          await restore(file, { nativeGzip: importNative, batchSize: 5 });
          expect(await liveDbName()).not.toBe(DB_NAME);
          expect(await hashLive(BACKUP_STORE_NAMES)).toBe(before);
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);

  it('rebuilds a backup of database version 3 through the migrations', async () => {
    const db = await seedLive();
    const cards = await db.getAll('cards');
    const lines = await linesOf(await backupBlob(db));
    db.close();
    const header = JSON.parse(lines[0]!) as { dbVersion: number; counts: Record<string, number> };
    header.dbVersion = 3;
    // A version 3 collection had no quizzes and no quiz setting.
    delete header.counts.quizzes;
    const trailer = JSON.parse(lines.at(-1)!) as { counts: Record<string, number> };
    delete trailer.counts.quizzes;
    const records = lines
      .slice(1, -1)
      .filter((line) => !line.startsWith('{"s":"quizzes"'))
      .map((line) =>
        line
          .replace(',"countQuizAsReviews":false', '')
          .replace(',"leechThreshold":8', '')
          .replace(',"reviewOrder":"due"', ''),
      );
    expect(records.join('\n')).not.toMatch(/countQuizAsReviews|leechThreshold|reviewOrder/);
    const file = await fileOf([JSON.stringify(header), ...records, JSON.stringify(trailer)]);
    const result = await restore(file, { id: 'v3' });
    expect(await versionOf(result.name)).toBe(DB_VERSION);
    const restored = await openAppDb(result.name);
    expect(await restored.getAll('cards')).toEqual(cards);
    expect(await restored.count('snapshots')).toBe(0);
    expect(await restored.count('quizzes')).toBe(0);
    expect(await getSettings(restored)).toMatchObject({
      retention: 0.87,
      countQuizAsReviews: false,
      leechThreshold: 8,
      reviewOrder: 'due',
    });
    restored.close();
  });

  it('reads what a file holds from its first line', async () => {
    const db = await seedLive();
    const file = await backupBlob(db);
    db.close();
    expect(await readBackupSummary(file)).toMatchObject({
      createdAt: NOW.toISOString(),
      counts: { decks: 1, cards: 5, 'review-logs': 16 },
    });
    await expect(readBackupSummary(await gzipText('{"format":"other"}\n'))).rejects.toThrow(
      'This file is not a SarcoMet backup.',
    );
  });
});

describe('a rejected restore changes nothing', () => {
  let lines: string[];
  beforeEach(async () => {
    const db = await seedLive();
    lines = await linesOf(await backupBlob(db));
    db.close();
  });
  const withLine = (n: number, line: string) => fileOf(lines.map((l, i) => (i === n ? line : l)));

  it('rejects a truncated file: cut inside the compressed data, or missing its last lines', async () => {
    const whole = await fileOf(lines);
    const bytes = new Uint8Array(await whole.arrayBuffer());
    await expectRejected(
      new Blob([bytes.slice(0, Math.floor(bytes.length / 2))]),
      /could not be unpacked|ends early/,
    );
    await expectRejected(
      await fileOf(lines.slice(0, -3)),
      new RegExp(`^The file ends early, after line ${lines.length - 3}: it is incomplete`),
    );
    const log = lines.findIndex((l) => l.startsWith('{"s":"review-logs"'));
    await expectRejected(
      await fileOf(lines.filter((_, i) => i !== log)),
      /its last line says it holds 16 review-logs records, but 15 were read/,
    );
  });

  it('rejects an unknown format version, a newer or too old database, and a file that is not a backup', async () => {
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    await expectRejected(
      await withLine(0, JSON.stringify({ ...header, version: 2 })),
      /format version 2, which this version of SarcoMet cannot read/,
    );
    await expectRejected(
      await withLine(0, JSON.stringify({ ...header, dbVersion: 9 })),
      /made by a newer version/,
    );
    await expectRejected(
      await withLine(0, JSON.stringify({ ...header, dbVersion: 2 })),
      /too old to restore/,
    );
    await expectRejected(await gzipText('hello\n'), /^This file is not a SarcoMet backup\./);
    await expectRejected(new Blob(['not gzip at all']), /could not be unpacked/);
  });

  it('names the line and the field of a bad record', async () => {
    await expectRejected(await withLine(5, '{"s":"cards",'), /^Line 6 is not valid JSON/);
    const card = JSON.parse(lines.find((l) => l.startsWith('{"s":"cards"'))!) as { v: { fsrs: object } };
    const n = lines.findIndex((l) => l.startsWith('{"s":"cards"'));
    await expectRejected(
      await withLine(n, JSON.stringify({ ...card, v: { ...card.v, fsrs: { ...card.v.fsrs, due: 'soon' } } })),
      new RegExp(`^Line ${n + 1} \\(cards\\) is not valid: fsrs\\.due: `),
    );
    await expectRejected(
      await withLine(n, '{"s":"passwords","v":{}}'),
      /names a kind of record SarcoMet does not keep/,
    );
    await expectRejected(await withLine(n, lines[n + 1]!), /holds a cards record twice/);
  });

  it('refuses __proto__ and constructor keys without touching any prototype', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const n = lines.findIndex((l) => l.startsWith('{"s":"cards"'));
    const card = lines[n]!;
    const attacks = [
      card.replace('"v":{', '"v":{"__proto__":{"polluted":true},'),
      '{"s":"meta","k":"x","v":{"a":{"__proto__":{"polluted":true}}}}',
      '{"s":"meta","k":"x","v":{"constructor":{"prototype":{"polluted":true}}}}',
      '{"__proto__":{"polluted":true},"s":"meta","k":"x","v":1}',
    ];
    for (const attack of attacks) await expectRejected(await withLine(n, attack), /^Line \d+ /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('rejects a decompression bomb by the bytes it unpacks to, and an overlong line', async () => {
    const bomb = await gzipText(`${lines[0]!}\n${' '.repeat(8 * 1024 * 1024)}`);
    expect(bomb.size).toBeLessThan(64 * 1024);
    await expectRejected(bomb, /unpacks to more than 2 MB/, {
      limits: { unpackedBytes: 2 * 1024 ** 2, lineChars: 64 * 1024 ** 2 },
    });
    await expectRejected(bomb, /^Line 2 is longer than 1 MB/);
    await expectRejected(new Blob(['x'.repeat(100)]), /larger than 0 MB/, { limits: { fileBytes: 10 } });
  });

  it('leaves the old collection live and deletes the new database when a write fails mid-way', async () => {
    const big = await seedLive();
    await seedCards(big, makeCards('z', 40));
    const file = await backupBlob(big);
    big.close();
    // Fail the 30th record written into the staging database, as a full disk would.
    const original = IDBObjectStore.prototype.add;
    let written = 0;
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      written += 1;
      if (written === 30) throw new DOMException('The disk is full', 'QuotaExceededError');
      return original.apply(this, args);
    };
    try {
      const before = await hashLive();
      await expect(restore(file, { id: 'fails', batchSize: 8 })).rejects.toMatchObject({ kind: 'quota' });
      expect(written).toBeGreaterThanOrEqual(30);
      expect(await hashLive()).toBe(before);
      expect(await liveDbName()).toBe(DB_NAME);
      expect(await databaseNames()).not.toContain('sarcomet-restore-fails');
    } finally {
      IDBObjectStore.prototype.add = original;
    }
  });

  it('deletes at the next start a new database a closed tab left half-written', async () => {
    const live = await seedLive();
    const before = await hashCollection(live);
    live.close();
    const orphan = await openAppDb('sarcomet-restore-orphan');
    await seedCards(orphan, makeCards('o', 3));
    orphan.close();
    expect(await deleteOrphans()).toEqual(['sarcomet-restore-orphan']);
    expect(await databaseNames()).not.toContain('sarcomet-restore-orphan');
    expect(await liveDbName()).toBe(DB_NAME);
    expect(await hashLive()).toBe(before);
  });
});

describe('the live pointer', () => {
  it('refuses a flip made from a collection that is no longer live (another tab restored meanwhile)', async () => {
    const point = {
      name: 'sarcomet-restore-old',
      time: 1,
      label: 'x',
      counts: { decks: 0, cards: 0, reviews: 0 },
    };
    await expect(flipLiveDb('sarcomet-restore-new', point)).rejects.toThrow(/Another SarcoMet tab replaced/);
    expect(await readPointer()).toEqual({ live: DB_NAME, restorePoints: [] });
  });
});

describe('restore points', () => {
  it('keeps the newest two replaced collections, deletes older ones, and brings one back', async () => {
    const db = await seedLive();
    await markBackedUp(db, NOW);
    const first = await hashCollection(db, BACKUP_STORE_NAMES);
    const file = await backupBlob(db);
    db.close();
    await restore(file, { id: 'a', label: 'first' });
    await restore(file, { id: 'b', label: 'second' });
    await restore(file, { id: 'c', label: 'third' });
    const pointer = await readPointer();
    expect(pointer.live).toBe('sarcomet-restore-c');
    expect(pointer.restorePoints.map((p) => [p.name, p.label])).toEqual([
      ['sarcomet-restore-b', 'third'],
      ['sarcomet-restore-a', 'second'],
    ]);
    expect(await databaseNames()).not.toContain(DB_NAME);

    await bringBackRestorePoint('sarcomet-restore-a', LATER, 'Before bringing back');
    const after = await readPointer();
    expect(after.live).toBe('sarcomet-restore-a');
    expect(after.restorePoints.map((p) => p.name)).toEqual(['sarcomet-restore-c', 'sarcomet-restore-b']);
    expect(await hashLive(BACKUP_STORE_NAMES)).toBe(first);
    const live = await openAppDb(after.live);
    expect((await countBackupStores(live)).cards).toBe(5);
    live.close();
  });
});
