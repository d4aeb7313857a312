/**
 * On start: finishes a rescheduling that a closed tab left half-way (src/storage/reschedule-job.ts). The
 * replay's code loads only when there is one.
 */
import { getMeta, RESCHEDULE_JOB_KEY } from '../storage/meta-store';
import type { Collection } from './create-collection';

export async function resumePendingReschedule(collection: Collection): Promise<void> {
  try {
    if ((await getMeta(await collection.db(), RESCHEDULE_JOB_KEY)) === undefined) return;
    const { resumeReschedule } = await import('./reschedule');
    await resumeReschedule(collection);
  } catch {
    // The job stays recorded and is tried again on the next start; studying meanwhile is safe.
  }
}
