import { describe, expect, it } from 'vitest';
import { withIndexKeys } from '../../src/domain/card-record';
import { CardState, Grade, LEECH_TAG, type CardRecord } from '../../src/domain/types';
import { StorageError } from '../../src/storage/errors';
import { countLogs, logsOfCard, logsSince } from '../../src/storage/review-log-store';
import { commitGrade, undoAction } from '../../src/storage/study-store';
import { DAY, MINUTE, NOW, makeCards, makeGrade, openTestDb, seedCards } from './helpers';

const LATER = new Date(NOW.getTime() + 10 * MINUTE);

/** A review card of `alpha` that has lapsed `lapses` times, due yesterday. */
function reviewCardWithLapses(lapses: number, tags: string[] = ['test']): CardRecord {
  const [card] = makeCards('alpha', 1);
  return withIndexKeys({
    ...card!,
    tags,
    fsrs: {
      due: new Date(NOW.getTime() - DAY),
      stability: 4,
      difficulty: 8,
      elapsed_days: 3,
      scheduled_days: 4,
      learning_steps: 0,
      reps: 20,
      lapses,
      state: CardState.Review,
      last_review: new Date(NOW.getTime() - 5 * DAY),
    },
  });
}

describe('commitGrade: leeches', () => {
  it('tags and suspends the card in the transaction of the lapse that reaches the threshold', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, [reviewCardWithLapses(7)]);
    const commit = makeGrade(card!, Grade.Again, NOW, 'log-1');
    expect(commit.card.fsrs.lapses).toBe(8);

    const result = await commitGrade(db, { ...commit, leechThreshold: 8 });
    expect(result).toMatchObject({ status: 'committed', leech: { tagged: true } });

    const stored = await db.get('cards', card!.id);
    expect(stored?.tags).toEqual(['test', LEECH_TAG]);
    expect(stored?.suspended).toBe(true);
    expect(stored?.fsrs).toEqual(commit.card.fsrs);
    // Suspended, it has left every study index; the review itself is stored.
    expect(await db.getAllKeysFromIndex('cards', 'by-due')).toEqual([]);
    expect(await db.getAllKeysFromIndex('cards', 'by-learning')).toEqual([]);
    expect(await db.get('review-logs', 'log-1')).toEqual(commit.log);
  });

  it('leaves a card alone below the threshold, and on a grade that is no lapse', async () => {
    const db = await openTestDb();
    const [six, eight] = await seedCards(db, [
      reviewCardWithLapses(6),
      { ...reviewCardWithLapses(8), id: 'alpha.other', factId: 'alpha.other' },
    ]);
    await commitGrade(db, { ...makeGrade(six!, Grade.Again, NOW, 'log-1'), leechThreshold: 8 });
    await commitGrade(db, { ...makeGrade(eight!, Grade.Good, NOW, 'log-2'), leechThreshold: 8 });
    for (const id of [six!.id, eight!.id]) {
      const stored = await db.get('cards', id);
      expect(stored?.suspended).toBe(false);
      expect(stored?.tags).toEqual(['test']);
    }
  });

  it('follows the threshold setting: 3 makes the third lapse a leech', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, [reviewCardWithLapses(2)]);
    const result = await commitGrade(db, {
      ...makeGrade(card!, Grade.Again, NOW, 'log-1'),
      leechThreshold: 3,
    });
    expect(result).toMatchObject({ leech: { tagged: true } });
    expect((await db.get('cards', card!.id))?.suspended).toBe(true);
  });

  it('keeps a leech tag the card already had, and says it added none', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, [reviewCardWithLapses(11, ['test', LEECH_TAG])]);
    const result = await commitGrade(db, {
      ...makeGrade(card!, Grade.Again, NOW, 'log-1'),
      leechThreshold: 8,
    });
    expect(result).toMatchObject({ status: 'committed', leech: { tagged: false } });
    expect((await db.get('cards', card!.id))?.tags).toEqual(['test', LEECH_TAG]);
  });

  it('neither tags nor suspends when the review cannot be stored', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, [reviewCardWithLapses(7)]);
    const commit = makeGrade(card!, Grade.Again, NOW, 'log-1');
    const bad = { ...commit, log: { ...commit.log, note: (() => 1) as never }, leechThreshold: 8 };
    await expect(commitGrade(db, bad)).rejects.toBeInstanceOf(StorageError);
    expect(await db.get('cards', card!.id)).toEqual(card);
    expect(await countLogs(db)).toBe(0);
  });

  it('is undone with its grade: unsuspended, the tag it added removed', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, [reviewCardWithLapses(7)]);
    const commit = makeGrade(card!, Grade.Again, NOW, 'log-1');
    const result = await commitGrade(db, { ...commit, leechThreshold: 8 });
    if (result.status !== 'committed') throw new Error(result.status);
    const undone = await undoAction(db, {
      kind: 'grade',
      cardId: card!.id,
      logId: 'log-1',
      before: card!.fsrs,
      after: result.card.fsrs,
      ...(result.leech ? { leech: result.leech } : {}),
    });
    expect(undone).toEqual({ status: 'undone', card });
    expect(await db.get('cards', card!.id)).toEqual(card);
    expect(await countLogs(db)).toBe(0);
  });
});

describe('commitGrade', () => {
  it('stores the new card state and the review log together', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    const commit = makeGrade(card!, Grade.Good, NOW, 'log-1');

    await expect(commitGrade(db, commit)).resolves.toEqual({ status: 'committed', card: commit.card });

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
    await expect(commitGrade(db, retry)).resolves.toEqual({ status: 'duplicate' });

    expect(await countLogs(db)).toBe(1);
    expect(await db.get('review-logs', 'log-1')).toEqual(first.log);
    expect(await db.get('cards', card!.id)).toEqual(first.card);
  });

  it('leaves nothing behind when the transaction fails after the card was put', async () => {
    const db = await openTestDb();
    const [card] = await seedCards(db, makeCards('alpha', 1));
    const commit = makeGrade(card!, Grade.Good, NOW, 'log-1');
    // A value that cannot be stored makes `add` fail after `put(card)` succeeded in the same transaction.
    const bad = { ...commit, log: { ...commit.log, note: (() => 1) as never } };

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

describe('commitGrade against a card changed elsewhere (issue 7, point 7)', () => {
  /** A review card, as a learner who studied it for a while has it. */
  async function seedReviewCard() {
    const db = await openTestDb();
    const [fresh] = await seedCards(db, makeCards('alpha', 1));
    let card = fresh!;
    for (const [i, at] of [NOW, new Date(NOW.getTime() + 10 * MINUTE)].entries()) {
      const commit = makeGrade(card, Grade.Good, at, `setup-${i}`);
      await commitGrade(db, commit);
      card = commit.card;
    }
    return { db, card: (await db.get('cards', card.id))! };
  }

  it('two tabs grade the same card: the second, stale grade writes nothing and the lapse is kept', async () => {
    const { db, card } = await seedReviewCard();
    const due = card.fsrs.due;
    const tabA = makeGrade(card, Grade.Again, due, 'log-a');
    const tabB = makeGrade(card, Grade.Easy, new Date(due.getTime() + MINUTE), 'log-b');

    expect(await commitGrade(db, tabA)).toMatchObject({ status: 'committed' });
    const second = await commitGrade(db, tabB);
    expect(second.status).toBe('stale');

    const stored = await db.get('cards', card.id);
    expect(stored?.fsrs.lapses).toBe(1);
    expect(stored?.fsrs).toEqual(tabA.card.fsrs);
    expect((await logsOfCard(db, card.id)).map((l) => l.id)).toEqual(['setup-0', 'setup-1', 'log-a']);
  });

  it('a deck update in another tab: the grade keeps the corrected content and never brings back a removed card', async () => {
    const { db, card } = await seedReviewCard();
    const grade = makeGrade(card, Grade.Good, card.fsrs.due, 'log-c');
    // Meanwhile another tab's deck update corrects the card's text.
    await db.put('cards', { ...card, front: 'Corrected question?', suspended: true });
    expect(await commitGrade(db, grade)).toMatchObject({ status: 'committed' });
    const stored = await db.get('cards', card.id);
    expect(stored?.front).toBe('Corrected question?');
    expect(stored?.suspended).toBe(true);
    expect(stored?.fsrs).toEqual(grade.card.fsrs);

    // And a card the update removed stays removed, with no log written for it.
    const again = makeGrade(stored!, Grade.Good, stored!.fsrs.due, 'log-d');
    await db.delete('cards', card.id);
    expect(await commitGrade(db, again)).toMatchObject({ status: 'gone' });
    expect(await db.get('cards', card.id)).toBeUndefined();
    expect(await db.get('review-logs', 'log-d')).toBeUndefined();
  });
});

describe('undoAction (issue 7, point 8)', () => {
  it("undoes this session's grade, not another tab's newer review", async () => {
    const db = await openTestDb();
    const [a, b] = await seedCards(db, makeCards('alpha', 2));
    const mine = makeGrade(a!, Grade.Good, NOW, 'log-mine');
    await commitGrade(db, mine);
    const theirs = makeGrade(b!, Grade.Again, LATER, 'log-theirs');
    await commitGrade(db, theirs);

    const result = await undoAction(db, {
      kind: 'grade',
      cardId: a!.id,
      logId: 'log-mine',
      before: a!.fsrs,
      after: mine.card.fsrs,
    });
    expect(result.status).toBe('undone');
    expect((await db.get('cards', a!.id))?.fsrs).toEqual(a!.fsrs);
    expect(await db.get('cards', b!.id)).toEqual(theirs.card);
    expect((await logsSince(db, 0)).map((l) => l.id)).toEqual(['log-theirs']);
  });

  it('restores only the scheduling fields, and only while the card still holds the result', async () => {
    const db = await openTestDb();
    const [a] = await seedCards(db, makeCards('alpha', 1));
    const graded = makeGrade(a!, Grade.Good, NOW, 'log-1');
    await commitGrade(db, graded);
    const action = {
      kind: 'grade' as const,
      cardId: a!.id,
      logId: 'log-1',
      before: a!.fsrs,
      after: graded.card.fsrs,
    };
    // Suspended and corrected elsewhere after the grade: undo keeps both.
    await db.put('cards', { ...graded.card, suspended: true, front: 'Corrected?' });
    expect((await undoAction(db, action)).status).toBe('undone');
    const stored = await db.get('cards', a!.id);
    expect(stored).toMatchObject({ suspended: true, front: 'Corrected?', fsrs: a!.fsrs });
    expect(await countLogs(db)).toBe(0);

    // Graded again elsewhere: the card no longer holds this action's result, so nothing is undone.
    const regraded = makeGrade(a!, Grade.Easy, LATER, 'log-2');
    await commitGrade(db, regraded);
    expect((await undoAction(db, { ...action, after: graded.card.fsrs })).status).toBe('conflict');
    expect((await db.get('cards', a!.id))?.fsrs).toEqual(regraded.card.fsrs);
    expect(await countLogs(db)).toBe(1);
  });

  it('undoes a bury and a suspend, leaving the schedule alone', async () => {
    const db = await openTestDb();
    const [a] = await seedCards(db, makeCards('alpha', 1));
    await db.put('cards', { ...a!, buriedUntil: NOW.getTime() + DAY });
    expect(
      (await undoAction(db, { kind: 'bury', cardId: a!.id, before: 0, after: NOW.getTime() + DAY })).status,
    ).toBe('undone');
    expect((await db.get('cards', a!.id))?.buriedUntil).toBe(0);
    await db.put('cards', { ...a!, suspended: true });
    expect(
      (await undoAction(db, { kind: 'suspend', cardId: a!.id, before: false, after: true })).status,
    ).toBe('undone');
    expect(await db.get('cards', a!.id)).toMatchObject({ suspended: false, fsrs: a!.fsrs });
  });
});
