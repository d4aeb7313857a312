import { describe, expect, it } from 'vitest';
import { sameSchedule } from '../../src/domain/card-record';
import { DEFAULT_SETTINGS, Grade, type CardRecord, type Settings } from '../../src/domain/types';
import { checkCollection } from '../../src/state/check-collection';
import { RESCHEDULE_JOB_KEY } from '../../src/storage/meta-store';
import { readRescheduleJob, runRescheduleJob, startRescheduleJob } from '../../src/storage/reschedule-job';
import { getSettings } from '../../src/storage/settings-store';
import type { AppDatabase } from '../../src/storage/transaction';
import { TRUE_PARAMETERS } from '../fixtures/synthetic-reviews';
import { DAY, makeCards, NOW, openTestDb, seedCards, studyOnDueDates } from './helpers';

const ZONE = 'UTC';
const OPTIMIZED: Settings = { ...DEFAULT_SETTINGS, parameters: [...TRUE_PARAMETERS] };
const LATER = new Date(NOW.getTime() + 90 * DAY);
/** What each card is answered: the first card twice, the last seven times (a lapse among them). */
const PLANS: Grade[][] = [
  [Grade.Good, Grade.Good],
  [Grade.Good, Grade.Good, Grade.Good],
  [Grade.Again, Grade.Good, Grade.Good, Grade.Hard],
  [Grade.Easy, Grade.Good, Grade.Again, Grade.Good, Grade.Good],
  [Grade.Good, Grade.Good, Grade.Good, Grade.Good, Grade.Again, Grade.Good, Grade.Good],
];

/**
 * Six cards (one never studied) answered under the default settings, each review on its due date, through
 * the app's own commitGrade: a collection "Check collection" finds sound under the defaults.
 */
async function seedReviewed(): Promise<{ db: AppDatabase; before: Map<string, CardRecord> }> {
  const db = await openTestDb();
  const cards = await seedCards(db, makeCards('r', PLANS.length + 1));
  await studyOnDueDates(db, cards, PLANS, ZONE);
  const before = new Map((await db.getAll('cards')).map((card) => [card.id, card]));
  return { db, before };
}

describe('rescheduling under new FSRS weights', () => {
  it('replays every card under the new weights, in batches, and the check then finds the collection sound', async () => {
    const { db, before } = await seedReviewed();
    expect((await checkCollection(db, DEFAULT_SETTINGS, ZONE)).problems).toEqual([]);

    await startRescheduleJob(db, OPTIMIZED, { timeZone: ZONE, reschedule: true, now: LATER });
    expect((await getSettings(db)).parameters).toEqual(TRUE_PARAMETERS);
    const progress: number[] = [];
    const changed = await runRescheduleJob(db, (p) => progress.push(p.done), 2);

    // Three full batches, then an empty one that finds no card after the last and ends the job.
    expect(progress).toEqual([2, 4, 6, 6]);
    expect(changed).toHaveLength(PLANS.length);
    expect(await db.get('meta', RESCHEDULE_JOB_KEY)).toBeUndefined();
    const after = await db.getAll('cards');
    for (const card of after) {
      const old = before.get(card.id)!;
      if (card.id === `r.c${PLANS.length}`) {
        expect(card).toEqual(old); // never studied: nothing to replay
        continue;
      }
      expect(card.fsrs.stability).not.toBe(old.fsrs.stability);
      expect(card.fsrs.reps).toBe(old.fsrs.reps);
    }
    // The memory model changed, so some due dates did too (the learner asked for rescheduling).
    expect(after.some((card) => card.fsrs.due.getTime() !== before.get(card.id)!.fsrs.due.getTime())).toBe(
      true,
    );
    // Every card and every log's state before its review is now the replay under the new weights.
    expect(await checkCollection(db, OPTIMIZED, ZONE)).toMatchObject({ cards: 6, problems: [] });
    expect((await checkCollection(db, DEFAULT_SETTINGS, ZONE)).problems.length).toBeGreaterThan(0);
  });

  it('keeps every due date when the learner chooses to, and replays the memory states all the same', async () => {
    const rescheduled = await seedReviewed();
    await startRescheduleJob(rescheduled.db, OPTIMIZED, { timeZone: ZONE, reschedule: true, now: LATER });
    await runRescheduleJob(rescheduled.db);
    const { db, before } = await seedReviewed();
    await startRescheduleJob(db, OPTIMIZED, { timeZone: ZONE, reschedule: false, now: LATER });
    await runRescheduleJob(db);

    for (const card of await db.getAll('cards')) {
      const old = before.get(card.id)!;
      const replayed = (await rescheduled.db.get('cards', card.id))!;
      expect(card.fsrs.due).toEqual(old.fsrs.due);
      expect(card.fsrs.scheduled_days).toBe(old.fsrs.scheduled_days);
      expect(card.due).toBe(old.due);
      expect(card.fsrs.stability).toBe(replayed.fsrs.stability);
      expect(card.fsrs.difficulty).toBe(replayed.fsrs.difficulty);
    }
  });

  it('resumes a job interrupted after a batch, and ends exactly as an uninterrupted one', async () => {
    const whole = await seedReviewed();
    await startRescheduleJob(whole.db, OPTIMIZED, { timeZone: ZONE, reschedule: true, now: LATER });
    await runRescheduleJob(whole.db, undefined, 2);

    const { db, before } = await seedReviewed();
    await startRescheduleJob(db, OPTIMIZED, { timeZone: ZONE, reschedule: true, now: LATER });
    const stop = new Error('the tab was closed');
    await expect(
      runRescheduleJob(
        db,
        () => {
          throw stop;
        },
        2,
      ),
    ).rejects.toBe(stop);

    // The first batch is committed with the cursor after it; the rest is untouched and recorded as left.
    const pending = await readRescheduleJob(db);
    expect(pending).toMatchObject({ after: 'r.c1', done: 2, total: 6, reschedule: true });
    for (const id of ['r.c2', 'r.c3', 'r.c4']) expect(await db.get('cards', id)).toEqual(before.get(id));
    expect(sameSchedule((await db.get('cards', 'r.c0'))!.fsrs, before.get('r.c0')!.fsrs)).toBe(false);

    await runRescheduleJob(db, undefined, 2); // the next start
    expect(await readRescheduleJob(db)).toBeNull();
    expect(await db.getAll('cards')).toEqual(await whole.db.getAll('cards'));
    expect(await db.getAll('review-logs')).toEqual(await whole.db.getAll('review-logs'));
  });

  it('lets a newer job (the settings changed again) replace an unfinished one', async () => {
    const { db } = await seedReviewed();
    await startRescheduleJob(db, OPTIMIZED, { timeZone: ZONE, reschedule: true, now: LATER });
    await expect(
      runRescheduleJob(
        db,
        () => {
          throw new Error('interrupted');
        },
        2,
      ),
    ).rejects.toThrow('interrupted');
    const newer: Settings = { ...OPTIMIZED, retention: 0.8, maximumInterval: 30 };
    await startRescheduleJob(db, newer, { timeZone: ZONE, reschedule: true, now: LATER });
    expect(await readRescheduleJob(db)).toMatchObject({ after: null, done: 0 });
    await runRescheduleJob(db, undefined, 2);
    expect(await checkCollection(db, newer, ZONE)).toMatchObject({ problems: [] });
    for (const card of await db.getAll('cards')) expect(card.fsrs.scheduled_days).toBeLessThanOrEqual(30);
  });

  it('stores nothing for settings that are not valid', async () => {
    const { db } = await seedReviewed();
    await expect(
      startRescheduleJob(
        db,
        { ...DEFAULT_SETTINGS, parameters: [1, 2, 3] },
        { timeZone: ZONE, reschedule: true, now: LATER },
      ),
    ).rejects.toThrow('FSRS parameters must be 21 numbers');
    expect(await readRescheduleJob(db)).toBeNull();
    expect((await getSettings(db)).parameters).toBeUndefined();
  });
});
