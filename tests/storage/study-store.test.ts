import { describe, expect, it } from 'vitest';
import { CardState, Grade } from '../../src/domain/types';
import { StorageError } from '../../src/storage/errors';
import { countLogs, logsOfCard, logsSince } from '../../src/storage/review-log-store';
import { commitGrade, undoLastGrade } from '../../src/storage/study-store';
import { DAY, MINUTE, NOW, makeCards, makeGrade, openTestDb, seedCards } from './helpers';

const LATER = new Date(NOW.getTime() + 10 * MINUTE);

describe('commitGrade', () => {
  it('stores the new card state and the review log together', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    const commit = makeGrade(card!, Grade.Good, NOW, 'log-1');

    await expect(commitGrade(db, commit)).resolves.toEqual({ alreadyCommitted: false });

    const stored = await db.get('cards', card!.id);
    expect(stored).toEqual(commit.card);
    expect(stored?.fsrs.state).toBe(CardState.Learning);
    expect(stored?.newRank).toBeUndefined();
    expect(stored?.due).toBe(commit.card.fsrs.due.getTime());
    expect(await db.get('review-logs', 'log-1')).toEqual(commit.log);
    expect(await db.getAllKeysFromIndex('cards', 'by-due')).toEqual([card!.id]);
  });

  it('is idempotent: a retry with the same log id writes nothing again', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    const first = makeGrade(card!, Grade.Good, NOW, 'log-1');
    await commitGrade(db, first);

    // The retry carries the same log id; even if it were computed again later, nothing may change.
    const retry = makeGrade(card!, Grade.Easy, LATER, 'log-1');
    await expect(commitGrade(db, retry)).resolves.toEqual({ alreadyCommitted: true });

    expect(await countLogs(db)).toBe(1);
    expect(await db.get('review-logs', 'log-1')).toEqual(first.log);
    expect(await db.get('cards', card!.id)).toEqual(first.card);
  });

  it('leaves nothing behind when the transaction fails after the card was put', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    const commit = makeGrade(card!, Grade.Good, NOW, 'log-1');
    // A value that cannot be stored makes `add` fail after `put(card)` succeeded in the same transaction.
    const bad = {
      ...commit,
      log: { ...commit.log, previous: { ...commit.log.previous, front: (() => 1) as never } },
    };

    const error = await commitGrade(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('invalid');

    expect(await db.get('cards', card!.id)).toEqual(card);
    expect(await countLogs(db)).toBe(0);
    expect(await db.getAllKeysFromIndex('cards', 'by-due')).toEqual([]);
  });

  it('rejects a log that belongs to another card, storing nothing', async () => {
    const db = await openTestDb();
    const [a, b] = await seedCards(db, makeCards('alpha', 2));
    const commit = makeGrade(a!, Grade.Good, NOW, 'log-1');
    await expect(
      commitGrade(db, { card: { ...commit.card, id: b!.id }, log: commit.log }),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await db.get('cards', b!.id)).toEqual(b);
    expect(await countLogs(db)).toBe(0);
  });

  it('fails with a StorageError when the connection is closed', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    db.close();
    await expect(commitGrade(db, makeGrade(card!, Grade.Good, NOW, 'log-1'))).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'unavailable',
    });
  });
});

describe('undoLastGrade', () => {
  it('restores the exact record from before the newest review and removes its log', async () => {
    const db = await openTestDb();
    const [a, b] = await seedCards(db, makeCards('alpha', 2));
    const first = makeGrade(a!, Grade.Good, NOW, 'log-1');
    await commitGrade(db, first);
    const second = makeGrade(first.card, Grade.Good, LATER, 'log-2');
    await commitGrade(db, second);
    // An older review of another card, committed last: undo follows review time, not commit order.
    const other = makeGrade(b!, Grade.Again, new Date(NOW.getTime() - MINUTE), 'log-0');
    await commitGrade(db, other);

    const undone = await undoLastGrade(db);
    expect(undone?.log).toEqual(second.log);
    expect(undone?.card).toEqual(first.card);
    expect(await db.get('cards', a!.id)).toEqual(first.card);
    expect((await logsOfCard(db, a!.id)).map((l) => l.id)).toEqual(['log-1']);

    const again = await undoLastGrade(db);
    expect(again?.log.id).toBe('log-1');
    expect(await db.get('cards', a!.id)).toEqual(a);
    // Back to a new card: in by-new at its old rank, not in by-due.
    expect(await db.getAllKeysFromIndex('cards', 'by-new')).toEqual([a!.id]);
    expect(await db.getAllKeysFromIndex('cards', 'by-due')).toEqual([b!.id]);
    expect(await countLogs(db)).toBe(1);
  });

  it('returns null when there is nothing to undo', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    expect(await undoLastGrade(db)).toBeNull();
    expect(await db.get('cards', card!.id)).toEqual(card);
  });
});

describe('review-log-store', () => {
  it('reads logs since a time and the history of a card, oldest first', async () => {
    const db = await openTestDb();
    const [a, b] = await seedCards(db, makeCards('alpha', 2));
    const day0 = makeGrade(a!, Grade.Good, NOW, 'z-log');
    await commitGrade(db, day0);
    const day1 = makeGrade(day0.card, Grade.Good, new Date(NOW.getTime() + DAY), 'a-log');
    await commitGrade(db, day1);
    await commitGrade(db, makeGrade(b!, Grade.Hard, new Date(NOW.getTime() + DAY + MINUTE), 'm-log'));

    expect((await logsSince(db, NOW.getTime() + DAY)).map((l) => l.id)).toEqual(['a-log', 'm-log']);
    expect((await logsSince(db, NOW.getTime())).map((l) => l.id)).toEqual(['z-log', 'a-log', 'm-log']);
    expect((await logsOfCard(db, a!.id)).map((l) => l.id)).toEqual(['z-log', 'a-log']);
    expect(await countLogs(db)).toBe(3);
  });
});
