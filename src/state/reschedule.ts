/**
 * Applying settings that change how cards are scheduled (FSRS weights from "Optimize", desired retention,
 * maximum interval) and replaying every card under them, as one resumable job (src/storage/reschedule-job.ts).
 */
import type { Settings } from '../domain/types';
import { runRescheduleJob, startRescheduleJob, type RescheduleProgress } from '../storage/reschedule-job';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';

export type { RescheduleProgress };

export interface ApplyOptions {
  /** True: due dates come from the replay. False: only memory states change; cards keep their due dates. */
  reschedule: boolean;
  /** Other meta values stored with the settings, in the same transaction. */
  meta?: Record<string, unknown>;
}

/**
 * Stores `next` and replays every card under it; resolves with the number of cards whose schedule changed.
 * If the page closes half-way, the job resumes on the next start (resumeReschedule).
 */
export async function applyWithReplay(
  collection: Collection,
  next: Settings,
  options: ApplyOptions,
  onProgress: (progress: RescheduleProgress) => void = () => undefined,
): Promise<number> {
  const db = await collection.db();
  const { settings } = await startRescheduleJob(db, next, {
    timeZone: timeZone(),
    reschedule: options.reschedule,
    now: now(),
    ...(options.meta ? { meta: options.meta } : {}),
  });
  // Already stored with the job; this shows them here and tells the other tabs.
  await collection.updateSettings(settings);
  return resumeReschedule(collection, onProgress);
}

/** Finishes a pending job, if any; resolves with the number of cards whose schedule changed. */
export async function resumeReschedule(
  collection: Collection,
  onProgress: (progress: RescheduleProgress) => void = () => undefined,
): Promise<number> {
  const changed = await runRescheduleJob(await collection.db(), onProgress);
  if (changed && changed.length > 0) collection.changed('cards');
  return changed?.length ?? 0;
}

/** "12 cards were replayed with them and rescheduled": what a replay did, for a status line. */
export function replayedSummary(changed: number, reschedule: boolean): string {
  return `${changed.toLocaleString()} ${changed === 1 ? 'card was' : 'cards were'} replayed with them${reschedule ? ' and rescheduled' : '; due dates were kept'}.`;
}
