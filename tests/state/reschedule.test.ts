import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeScheduler } from '../../src/domain/scheduler';
import { Grade, type Settings } from '../../src/domain/types';
import { replayReviews } from '../../src/domain/verify';
import type { AppDatabase } from '../../src/storage/transaction';
import { checkCollection } from '../../src/state/check-collection';
import { timeZone } from '../../src/state/clock';
import { createCollection, type Collection } from '../../src/state/create-collection';
import { resumePendingReschedule } from '../../src/state/pending-reschedule';
import { applyWithReplay } from '../../src/state/reschedule';
import { RESCHEDULE_JOB_KEY } from '../../src/storage/meta-store';
import { startRescheduleJob } from '../../src/storage/reschedule-job';
import { getSettings } from '../../src/storage/settings-store';
import { NOW, studyOnDueDates } from '../storage/helpers';
import { freshIndexedDb, serveDecks } from './helpers';

beforeEach(freshIndexedDb);
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const PLANS = [
  [Grade.Good, Grade.Good, Grade.Good],
  [Grade.Again, Grade.Good, Grade.Good, Grade.Good],
  [Grade.Easy, Grade.Good, Grade.Hard],
];

/**
 * How many studied cards are not due when a replay of their reviews under `settings` would schedule them
 * (the check compares memory states only, so a new retention alone is not a problem it reports).
 */
async function offSchedule(db: AppDatabase, settings: Settings): Promise<number> {
  const scheduler = makeScheduler({ ...settings, timeZone: timeZone() });
  const [cards, logs] = await Promise.all([db.getAll('cards'), db.getAll('review-logs')]);
  return cards.filter((card) => {
    const replay = replayReviews(card, logs, scheduler);
    return replay !== null && replay.fsrs.due.getTime() !== card.fsrs.due.getTime();
  }).length;
}

/** A loaded collection of one built-in deck of 5 cards, three of them studied over weeks. */
async function studiedCollection(): Promise<Collection> {
  serveDecks(['m'], { cards: { m: 5 } });
  const collection = createCollection();
  await collection.load();
  const db = await collection.db();
  const cards = (await db.getAll('cards')).sort((a, b) => a.position - b.position);
  await studyOnDueDates(db, cards, PLANS, timeZone());
  return collection;
}

describe('applyWithReplay', () => {
  it('saves a new desired retention and replays every card under it, so the check finds nothing', async () => {
    await createRoot(async () => {
      const collection = await studiedCollection();
      const db = await collection.db();
      const revision = collection.revision();
      const next = { ...collection.settings(), retention: 0.8, maximumInterval: 20 };
      expect(await offSchedule(db, next)).toBeGreaterThan(0);

      const progress: number[] = [];
      const changed = await applyWithReplay(collection, next, { reschedule: true }, (p) =>
        progress.push(p.done),
      );

      expect(changed).toBe(PLANS.length);
      expect(progress.at(-1)).toBe(5);
      expect(collection.settings()).toMatchObject({ retention: 0.8, maximumInterval: 20 });
      expect(await getSettings(db)).toMatchObject({ retention: 0.8, maximumInterval: 20 });
      expect(collection.revision()).toBeGreaterThan(revision);
      expect(await checkCollection(db, next, timeZone())).toMatchObject({ cards: 5, problems: [] });
      expect(await offSchedule(db, next)).toBe(0);
    });
  });
});

describe('resumePendingReschedule', () => {
  it('finishes on start a job a closed tab left, and does nothing when there is none', async () => {
    await createRoot(async () => {
      const collection = await studiedCollection();
      const db = await collection.db();
      await resumePendingReschedule(collection); // no job: nothing happens
      expect((await checkCollection(db, collection.settings(), timeZone())).problems).toEqual([]);

      const next = { ...collection.settings(), retention: 0.97 };
      await startRescheduleJob(db, next, { timeZone: timeZone(), reschedule: true, now: NOW });
      expect(await db.get('meta', RESCHEDULE_JOB_KEY)).toBeDefined();
      expect(await offSchedule(db, next)).toBeGreaterThan(0);

      await resumePendingReschedule(collection);
      expect(await db.get('meta', RESCHEDULE_JOB_KEY)).toBeUndefined();
      expect(await checkCollection(db, next, timeZone())).toMatchObject({ cards: 5, problems: [] });
      expect(await offSchedule(db, next)).toBe(0);
    });
  });
});
