/**
 * Rescheduling the collection under new settings as one resumable job. Starting it stores the new settings
 * and a job record (in `meta`) in one transaction; each batch then replays a range of cards, writes their
 * new states and logs, and moves the job's cursor, in one transaction. So the collection is never left
 * half-rewritten without a record of what is left: a job a closed tab interrupted is resumed on the next
 * start (`runRescheduleJob`), from the batch after the last one committed. A newer job (the settings
 * changed again) replaces an unfinished one and starts from the first card.
 */
import * as v from 'valibot';
import { sameSchedule, withIndexKeys } from '../domain/card-record';
import { replayCard } from '../domain/reschedule';
import { groupByCard } from '../domain/review-log';
import { makeScheduler } from '../domain/scheduler';
import type { Settings } from '../domain/types';
import { readCardBatch, type CardsAndLogs } from './collection-check';
import { RESCHEDULE_JOB_KEY } from './meta-store';
import { SETTINGS_KEY } from './schema';
import { SettingsSchema, validSettings } from './settings-store';
import { runTransaction, type AppDatabase } from './transaction';

const JobSchema = v.object({
  id: v.string(),
  /** The settings the cards are replayed with (those stored when the job started). */
  settings: SettingsSchema,
  /** The learner's zone when the job started: study days are counted in it. */
  timeZone: v.string(),
  /** True: due dates come from the replay. False: cards keep their due dates; only memory states change. */
  reschedule: v.boolean(),
  /** The last card id done (cards go in id order); null before the first batch. */
  after: v.nullable(v.string()),
  /** Cards replayed so far, and how many the collection had when the job started. */
  done: v.number(),
  total: v.number(),
  startedAt: v.number(),
});

export type RescheduleJob = v.InferOutput<typeof JobSchema>;

export interface StartOptions {
  timeZone: string;
  reschedule: boolean;
  now: Date;
  /** Other meta values to store in the same transaction (e.g. what the optimizer found). */
  meta?: Record<string, unknown>;
}

/**
 * Stores `settings` and a new job to replay every card under them, in one transaction; resolves with the
 * stored settings and the job. Rejects with `StorageError` kind `invalid` (nothing stored) for bad settings.
 */
export async function startRescheduleJob(
  db: AppDatabase,
  settings: Settings,
  options: StartOptions,
): Promise<{ settings: Settings; job: RescheduleJob }> {
  const valid = validSettings(settings);
  return runTransaction(db, ['settings', 'meta', 'cards'], 'readwrite', async (tx) => {
    const total = await tx.objectStore('cards').count();
    const job: RescheduleJob = {
      id: `${options.now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      settings: valid,
      timeZone: options.timeZone,
      reschedule: options.reschedule,
      after: null,
      done: 0,
      total,
      startedAt: options.now.getTime(),
    };
    const meta = tx.objectStore('meta');
    await Promise.all([
      tx.objectStore('settings').put(valid, SETTINGS_KEY),
      meta.put(job, RESCHEDULE_JOB_KEY),
      ...Object.entries(options.meta ?? {}).map(([key, value]) => meta.put(value, key)),
    ]);
    return { settings: valid, job };
  });
}

/** The pending job, or null (none, or a record this version cannot read, which is then dropped). */
export async function readRescheduleJob(db: AppDatabase): Promise<RescheduleJob | null> {
  const stored: unknown = await runTransaction(db, ['meta'], 'readonly', (tx) =>
    tx.objectStore('meta').get(RESCHEDULE_JOB_KEY),
  );
  if (stored === undefined) return null;
  const parsed = v.safeParse(JobSchema, stored);
  if (parsed.success) return parsed.output;
  await runTransaction(db, ['meta'], 'readwrite', (tx) => tx.objectStore('meta').delete(RESCHEDULE_JOB_KEY));
  return null;
}

export interface RescheduleProgress {
  done: number;
  total: number;
}

/** Cards replayed per transaction: each batch is short, so grades in between wait little. */
export const RESCHEDULE_BATCH = 500;

/**
 * Runs the pending job to its end, a batch per transaction, and resolves with the ids of the cards whose
 * state changed (null when there was no job). Stops early, without error, when another job replaced it.
 */
export async function runRescheduleJob(
  db: AppDatabase,
  onProgress: (progress: RescheduleProgress) => void = () => undefined,
  batchSize = RESCHEDULE_BATCH,
): Promise<string[] | null> {
  const job = await readRescheduleJob(db);
  if (!job) return null;
  const scheduler = makeScheduler({ ...job.settings, timeZone: job.timeZone });
  const changed: string[] = [];
  for (;;) {
    const step = await runTransaction(db, ['cards', 'review-logs', 'meta'], 'readwrite', async (tx) => {
      const meta = tx.objectStore('meta');
      // Read again inside the transaction: another tab may have moved the cursor, or started a newer job.
      const current = v.safeParse(JobSchema, await meta.get(RESCHEDULE_JOB_KEY));
      if (!current.success || current.output.id !== job.id) return null;
      const state = current.output;
      const batch = await readCardBatch(tx as unknown as CardsAndLogs, state.after, batchSize);
      const logsByCard = groupByCard(batch.logs);
      const cards = tx.objectStore('cards');
      const logs = tx.objectStore('review-logs');
      const writes: Promise<unknown>[] = [];
      for (const card of batch.cards) {
        const replay = replayCard(card, logsByCard.get(card.id) ?? [], scheduler, !state.reschedule);
        if (!replay) continue;
        for (const log of replay.logs) writes.push(logs.put(log));
        if (!sameSchedule(card.fsrs, replay.fsrs)) {
          writes.push(cards.put(withIndexKeys({ ...card, fsrs: replay.fsrs })));
          changed.push(card.id);
        }
      }
      const next = { ...state, after: batch.last, done: state.done + batch.cards.length };
      writes.push(batch.last === null ? meta.delete(RESCHEDULE_JOB_KEY) : meta.put(next, RESCHEDULE_JOB_KEY));
      await Promise.all(writes);
      return next;
    });
    if (!step) return changed;
    onProgress({ done: step.done, total: Math.max(step.total, step.done) });
    if (step.after === null) return changed;
  }
}
