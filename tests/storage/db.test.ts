import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { withIndexKeys } from '../../src/domain/card-record';
import { unpackSchedule } from '../../src/domain/review-log';
import {
  CardState,
  DEFAULT_SETTINGS,
  Grade,
  type CardRecord,
  type ReviewLogRecord,
  type Settings,
} from '../../src/domain/types';
import { newCards, dueCards } from '../../src/storage/card-store';
import { DB_NAME, DB_VERSION, makeDbConnection, openAppDb } from '../../src/storage/db';
import { StorageError } from '../../src/storage/errors';
import { logsOfCard, logsSince } from '../../src/storage/review-log-store';
import { getSettings } from '../../src/storage/settings-store';
import { getMeta } from '../../src/storage/meta-store';
import {
  createQuarantine,
  migrateTo1,
  migrateTo2,
  migrateTo3,
  migrateTo4,
  type UpgradeTransaction,
} from '../../src/storage/migrations';
import type { AppDB, SnapshotRecord } from '../../src/storage/schema';
import { DAY, NOW, makeCards, makeGrade, openTestDb, request, uniqueDbName } from './helpers';

/** A card as version 1 stored it: `due` on studied cards, no `newRank`. */
/** A card as version 1 stored it: no `newRank` and no `position`. */
function v1Card(card: CardRecord): Omit<CardRecord, 'newRank' | 'position'> & { position?: number } {
  const { newRank: _rank, position: _position, ...rest } = card;
  return rest;
}

/** A review log as versions 1 and 2 stored it: the whole previous card and the ts-fsrs log inside. */
function legacyLog(log: ReviewLogRecord, previous: CardRecord): object {
  return {
    id: log.id,
    cardId: log.cardId,
    deckId: previous.deckId,
    factId: log.factId,
    time: log.time,
    grade: log.grade,
    stateBefore: previous.fsrs.state,
    previous,
    log: {
      rating: log.grade,
      state: previous.fsrs.state,
      due: previous.fsrs.due,
      review: new Date(log.time),
    },
  };
}

interface V1Data {
  cards: object[];
  logs: object[];
}

/** Opens a new database with exactly the stores and indexes version 1 of the app created, by hand. */
async function openV1Database(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('decks', { keyPath: 'id' });
    const cards = db.createObjectStore('cards', { keyPath: 'id' });
    cards.createIndex('by-deck', 'deckId');
    cards.createIndex('by-due', 'due');
    db.createObjectStore('review-logs', { keyPath: 'id' });
    db.createObjectStore('settings');
    db.createObjectStore('meta');
  };
  return request(open);
}

/** Creates a version 1 database holding the given data (plus a deck, settings and a meta value). */
async function createV1Database(name: string, data: V1Data): Promise<void> {
  const db = await openV1Database(name);
  const tx = db.transaction(['decks', 'cards', 'review-logs', 'settings', 'meta'], 'readwrite');
  tx.objectStore('decks').put({
    id: 'alpha',
    title: 'Alpha',
    description: '',
    language: 'en',
    tags: [],
    builtIn: true,
    hash: 'aaaa1111',
    cardCount: data.cards.length,
    importedAt: NOW.getTime(),
    updatedAt: NOW.getTime(),
  });
  for (const card of data.cards) tx.objectStore('cards').put(card);
  for (const log of data.logs) tx.objectStore('review-logs').put(log);
  tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, retention: 0.85, newPerDay: 7 }, 'settings');
  tx.objectStore('meta').put('index-hash-1', 'deck-index-hash');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('openAppDb on a fresh database', () => {
  it('creates every store and index of the current version', async () => {
    const db = await openTestDb();
    expect(DB_NAME).toBe('sarcomet');
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(5);
    expect([...db.objectStoreNames].sort()).toEqual([
      'cards',
      'decks',
      'meta',
      'quarantine',
      'quizzes',
      'review-logs',
      'settings',
      'snapshots',
    ]);
    const tx = db.transaction(['cards', 'review-logs']);
    expect([...tx.objectStore('cards').indexNames].sort()).toEqual([
      'by-deck',
      'by-deck-review',
      'by-due',
      'by-fact',
      'by-learning',
      'by-new',
      'by-review',
    ]);
    expect([...tx.objectStore('review-logs').indexNames].sort()).toEqual(['by-card', 'by-time']);
    expect(tx.objectStore('cards').index('by-new').keyPath).toEqual(['deckId', 'newRank']);
    db.close();
  });
});

describe('migration from version 1', () => {
  it('keeps every record, answers the new indexes and ranks new cards', async () => {
    const name = uniqueDbName('v1');
    // Three new cards added at different times, one carrying a v1 `position`, two studied cards.
    const [c0, c1, c2, c3, c4] = makeCards('alpha', 5);
    const fresh0 = { ...v1Card(c0!), addedAt: NOW.getTime() + 2 };
    const fresh1 = { ...v1Card(c1!), addedAt: NOW.getTime() + 1 };
    const fresh2 = { ...v1Card(c2!), position: 0.5 };
    const graded = makeGrade(c3!, Grade.Good, NOW, 'log-1');
    const regraded = makeGrade(graded.card, Grade.Good, new Date(NOW.getTime() + DAY), 'log-2');
    const other = makeGrade(c4!, Grade.Easy, new Date(NOW.getTime() + 2 * DAY), 'log-3');
    const studied3 = v1Card(regraded.card);
    const studied4 = v1Card(other.card);
    await createV1Database(name, {
      cards: [fresh0, fresh1, fresh2, studied3, studied4],
      logs: [legacyLog(graded.log, c3!), legacyLog(regraded.log, graded.card), legacyLog(other.log, c4!)],
    });

    const db = await openAppDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('quarantine')).toBe(0);

    // Nothing lost.
    expect(await db.count('cards')).toBe(5);
    expect(await db.count('review-logs')).toBe(3);
    expect(await db.get('decks', 'alpha')).toMatchObject({ title: 'Alpha', hash: 'aaaa1111' });
    expect(await getSettings(db)).toMatchObject({ retention: 0.85, newPerDay: 7 });
    expect(await getMeta(db, 'deck-index-hash')).toBe('index-hash-1');
    const stored3 = await db.get('cards', c3!.id);
    expect(stored3?.fsrs).toEqual(regraded.card.fsrs);
    expect(stored3?.fsrs.due).toBeInstanceOf(Date);
    // Logs keep the scheduling state before the review, not the whole card (version 3).
    expect(await db.get('review-logs', 'log-2')).toEqual(regraded.log);
    const slim = (await db.get('review-logs', 'log-2'))!;
    expect(unpackSchedule(slim.prev)).toEqual(graded.card.fsrs);
    expect(Object.keys(slim).sort()).toEqual(['cardId', 'factId', 'grade', 'id', 'prev', 'time']);
    expect(JSON.stringify(slim).length).toBeLessThanOrEqual(200);

    // New cards got a rank: the v1 position where there was one, else when they were added.
    expect((await db.get('cards', c0!.id))?.newRank).toBe(NOW.getTime() + 2);
    expect((await db.get('cards', c1!.id))?.newRank).toBe(NOW.getTime() + 1);
    const stored2 = await db.get('cards', c2!.id);
    expect(stored2?.newRank).toBe(0.5);
    expect(stored2?.position).toBe(0.5);
    expect((await db.get('cards', c0!.id))?.position).toBe(NOW.getTime() + 2);
    expect(stored3?.newRank).toBeUndefined();
    expect((await newCards(db, 'alpha', 10)).map((c) => c.id)).toEqual([c2!.id, c1!.id, c0!.id]);

    // The new indexes answer queries.
    expect((await db.getAllFromIndex('cards', 'by-fact', c4!.factId)).map((c) => c.id)).toEqual([c4!.id]);
    expect((await logsOfCard(db, c3!.id)).map((l) => l.id)).toEqual(['log-1', 'log-2']);
    expect((await logsSince(db, NOW.getTime() + DAY)).map((l) => l.id)).toEqual(['log-2', 'log-3']);
    expect((await dueCards(db, Number.MAX_SAFE_INTEGER)).map((c) => c.id).sort()).toEqual(
      [c3!.id, c4!.id].sort(),
    );
    db.close();
  });

  it('upgrades a version-1 database with malformed records: keeps every good record, quarantines the bad ones (issue 7, point 9)', async () => {
    const name = uniqueDbName('v1-malformed');
    const [c0, c1, c2, c3, c4] = makeCards('alpha', 5);
    const graded = makeGrade(c0!, Grade.Good, NOW, 'log-good');
    // One malformed record of each kind an old version or a damaged disk could leave behind.
    const { fsrs: _fsrs, ...noFsrs } = v1Card(c1!);
    const badDue = { ...v1Card(c2!), fsrs: { ...c2!.fsrs, due: '2026-01-05' } };
    const { deckId: _deckId, ...noDeck } = v1Card(c3!);
    const badLog = { id: 'log-bad', time: 'yesterday' };
    await createV1Database(name, {
      cards: [v1Card(graded.card), noFsrs, badDue, noDeck, v1Card(c4!)],
      logs: [legacyLog(graded.log, c0!), badLog as never],
    });

    const db = await openAppDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await db.getAllKeys('cards')).sort()).toEqual([c0!.id, c4!.id].sort());
    expect(await db.get('cards', c0!.id)).toMatchObject({ fsrs: graded.card.fsrs, deckId: 'alpha' });
    expect(await db.getAllKeys('review-logs')).toEqual(['log-good']);
    const quarantined = await db.getAll('quarantine');
    expect(quarantined.map((q) => `${q.store}:${String(q.key)}`).sort()).toEqual(
      [`cards:${c1!.id}`, `cards:${c2!.id}`, `cards:${c3!.id}`, 'review-logs:log-bad'].sort(),
    );
    for (const q of quarantined) expect(q.reason).toMatch(/\w/);
    // The bad records are kept whole, so nothing is lost for good.
    expect(quarantined.find((q) => q.key === c2!.id)?.value).toEqual(badDue);
    db.close();
  });

  it('rolls back a migration that fails for another reason: the database stays at version 1 with its data', async () => {
    const name = uniqueDbName('v1-broken');
    const [c0] = makeCards('alpha', 1);
    await createV1Database(name, { cards: [v1Card(c0!)], logs: [] });
    const createIndex = vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(() => {
      throw new DOMException('The disk is failing.', 'UnknownError');
    });
    const error = await openAppDb(name).catch((e: unknown) => e);
    createIndex.mockRestore();
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('aborted');

    const raw = await request(indexedDB.open(name));
    expect(raw.version).toBe(1);
    expect(await request(raw.transaction('cards').objectStore('cards').get(c0!.id))).toEqual(v1Card(c0!));
    raw.close();
  });

  it('rewrites index keys through withIndexKeys (a stale due on a new card is dropped)', async () => {
    const name = uniqueDbName('v1-stale');
    const [c0] = makeCards('alpha', 1);
    const stale = { ...v1Card(c0!), due: 123 };
    await createV1Database(name, { cards: [stale], logs: [] });
    const db = await openAppDb(name);
    const stored = await db.get('cards', c0!.id);
    expect(stored).toEqual(withIndexKeys({ ...c0!, position: c0!.addedAt }));
    expect(stored?.fsrs.state).toBe(CardState.New);
    expect(await dueCards(db, Number.MAX_SAFE_INTEGER)).toEqual([]);
    db.close();
  });
});

describe('migration from version 3', () => {
  it('keeps every record and adds the snapshots store', async () => {
    const name = uniqueDbName('v3');
    const open = indexedDB.open(name, 3);
    open.onupgradeneeded = () => {
      const raw = open.result;
      raw.createObjectStore('decks', { keyPath: 'id' });
      const cards = raw.createObjectStore('cards', { keyPath: 'id' });
      for (const [index, path] of [
        ['by-deck', 'deckId'],
        ['by-due', 'due'],
        ['by-new', ['deckId', 'newRank']],
        ['by-fact', 'factId'],
        ['by-review', 'reviewDue'],
        ['by-deck-review', ['deckId', 'reviewDue']],
        ['by-learning', 'learnDue'],
      ] as const) {
        cards.createIndex(index, path as string | string[]);
      }
      const logs = raw.createObjectStore('review-logs', { keyPath: 'id' });
      logs.createIndex('by-time', 'time');
      logs.createIndex('by-card', 'cardId');
      raw.createObjectStore('settings');
      raw.createObjectStore('meta');
      raw.createObjectStore('quarantine', { autoIncrement: true });
    };
    const v3 = await request(open);
    const [c0, c1] = makeCards('alpha', 2);
    const graded = makeGrade(c1!, Grade.Good, NOW, 'log-v3');
    const tx = v3.transaction(['cards', 'review-logs', 'meta'], 'readwrite');
    tx.objectStore('cards').put(c0);
    tx.objectStore('cards').put(graded.card);
    tx.objectStore('review-logs').put(graded.log);
    tx.objectStore('meta').put('kept', 'some-key');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v3.close();

    const db = await openAppDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('cards')).toEqual([c0, graded.card]);
    expect(await db.getAll('review-logs')).toEqual([graded.log]);
    expect(await getMeta(db, 'some-key')).toBe('kept');
    expect(await db.count('snapshots')).toBe(0);
    expect(db.transaction('snapshots').store.indexNames.contains('by-time')).toBe(true);
    db.close();
  });
});

describe('migration from version 4', () => {
  it('keeps every record (cards, logs, settings, meta, snapshots, quarantine) and adds the quizzes store', async () => {
    const name = uniqueDbName('v4');
    // Version 4 exactly as this code created it: every step up to migrateTo4.
    const v4 = await openDB<AppDB>(name, 4, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        migrateTo1(db);
        createQuarantine(db);
        await migrateTo2(tx as unknown as UpgradeTransaction);
        await migrateTo3(tx as unknown as UpgradeTransaction);
        migrateTo4(db);
        expect(oldVersion).toBe(0);
      },
    });
    expect([...v4.objectStoreNames]).not.toContain('quizzes');
    const [c0, c1] = makeCards('alpha', 2);
    const graded = makeGrade(c1!, Grade.Good, NOW, 'log-v4');
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 7 };
    const { countQuizAsReviews: _absent, ...settingsV4 } = settings;
    const snapshot: SnapshotRecord = {
      id: 'snap-1',
      time: NOW.getTime(),
      reason: 'import',
      label: 'Before importing "alpha"',
      deckIds: ['alpha'],
      decks: [],
      cards: [c0!],
      logs: [],
    };
    const tx = v4.transaction(
      ['cards', 'review-logs', 'settings', 'meta', 'snapshots', 'quarantine'],
      'readwrite',
    );
    await Promise.all([
      tx.objectStore('cards').put(c0!),
      tx.objectStore('cards').put(graded.card),
      tx.objectStore('review-logs').put(graded.log),
      tx.objectStore('settings').put(settingsV4 as Settings, 'settings'),
      tx.objectStore('meta').put('kept', 'some-key'),
      tx.objectStore('snapshots').put(snapshot),
      tx.objectStore('quarantine').add({
        store: 'cards',
        key: 'bad',
        value: { id: 'bad' },
        reason: 'no deck',
        version: 3,
        at: 1,
      }),
      tx.done,
    ]);
    v4.close();

    const db = await openAppDb(name);
    expect(db.version).toBe(5);
    expect(await db.getAll('cards')).toEqual([c0, graded.card]);
    expect(await db.getAll('review-logs')).toEqual([graded.log]);
    expect(await getSettings(db)).toEqual({ ...settings, countQuizAsReviews: false });
    expect(await getMeta(db, 'some-key')).toBe('kept');
    expect(await db.getAll('snapshots')).toEqual([snapshot]);
    expect(await db.count('quarantine')).toBe(1);
    expect(await db.count('quizzes')).toBe(0);
    expect(db.transaction('quizzes').store.indexNames.contains('by-time')).toBe(true);
    db.close();
  });
});

describe('version changes', () => {
  it('closes this connection and reports it when another tab opens a newer version', async () => {
    const onVersionChange = vi.fn();
    const db = await openTestDb({ onVersionChange });
    // Another tab with a newer app: its open succeeds only because we closed our connection.
    const newer = await request(indexedDB.open(db.name, DB_VERSION + 1));
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => db.transaction('meta')).toThrow();
    newer.close();
  });

  it('rejects with kind "version" when the stored database is newer than this code', async () => {
    const name = uniqueDbName('newer');
    (await request(indexedDB.open(name, DB_VERSION + 1))).close();
    const error = await openAppDb(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('version');
    expect((error as StorageError).message).toMatch(/reload/i);
  });

  it('reports blocked when an older connection does not close', async () => {
    const name = uniqueDbName('blocked');
    const old = await openV1Database(name);
    // The old connection ignores versionchange (as a tab of an old release without the handler would).
    const onBlocked = vi.fn();
    const opening = openAppDb(name, { onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    old.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});

describe('makeDbConnection', () => {
  it('opens lazily once and shares the connection', async () => {
    const connection = makeDbConnection(uniqueDbName('conn'));
    const [a, b] = await Promise.all([connection.get(), connection.get()]);
    expect(a).toBe(b);
    expect(await connection.get()).toBe(a);
    connection.close();
  });

  it('reopens after close()', async () => {
    const connection = makeDbConnection(uniqueDbName('conn'));
    const first = await connection.get();
    await first.put('meta', 1, 'k');
    connection.close();
    const second = await connection.get();
    expect(second).not.toBe(first);
    expect(await second.get('meta', 'k')).toBe(1);
    connection.close();
  });

  it('reopens when the underlying connection was closed behind its back', async () => {
    const connection = makeDbConnection(uniqueDbName('conn'));
    const first = await connection.get();
    first.close();
    const second = await connection.get();
    expect(second).not.toBe(first);
    await second.put('meta', 'still works', 'k');
    expect(await second.get('meta', 'k')).toBe('still works');
    connection.close();
  });

  it('reports termination and reopens on the next get()', async () => {
    const onTerminated = vi.fn();
    const connection = makeDbConnection(uniqueDbName('conn'), { onTerminated });
    const first = await connection.get();
    forceCloseDatabase(unwrap(first) as never);
    expect(onTerminated).toHaveBeenCalledTimes(1);
    const second = await connection.get();
    expect(second).not.toBe(first);
    await second.put('meta', true, 'persist-requested');
    expect(await second.get('meta', 'persist-requested')).toBe(true);
    connection.close();
  });

  it('after another tab upgraded, get() rejects with kind "version" (the UI asks for a reload)', async () => {
    const name = uniqueDbName('conn');
    const onVersionChange = vi.fn();
    const connection = makeDbConnection(name, { onVersionChange });
    await connection.get();
    (await request(indexedDB.open(name, DB_VERSION + 1))).close();
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    await expect(connection.get()).rejects.toMatchObject({ kind: 'version' });
  });
});
