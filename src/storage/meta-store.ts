/** Small app-level values kept next to the collection (e.g. 'deck-index-hash', 'persist-requested'). */
import { runTransaction, type AppDatabase } from './transaction';

/** Keys in use; any other string is allowed too. */
export type MetaKey =
  | 'deck-index-hash'
  | 'persist-requested'
  | typeof RESCHEDULE_JOB_KEY
  | typeof OPTIMIZED_KEY
  | typeof LAST_BACKUP_KEY
  | typeof BACKUP_REMINDER_DISMISSED_KEY
  | (string & {});

/** A rescheduling under new settings that has not finished (src/storage/reschedule-job.ts). */
export const RESCHEDULE_JOB_KEY = 'reschedule-job';
/** `{ reviews, at }`: how many review logs there were when FSRS was last optimized, and when (epoch ms). */
export const OPTIMIZED_KEY = 'fsrs-optimized';

/** Epoch ms of the last backup made on this device (a restore sets it to the backup's time). */
export const LAST_BACKUP_KEY = 'last-backup';
/** Epoch ms when the learner last dismissed the backup reminder. */
export const BACKUP_REMINDER_DISMISSED_KEY = 'backup-reminder-dismissed';

/** The value stored under `key`, or undefined. The caller checks its shape: it was stored by an older version. */
export async function getMeta(db: AppDatabase, key: MetaKey): Promise<unknown> {
  return runTransaction(db, ['meta'], 'readonly', (tx) => tx.objectStore('meta').get(key));
}

/** Stores `value` (any structured-cloneable value) under `key`. Resolves once committed. */
export async function setMeta(db: AppDatabase, key: MetaKey, value: unknown): Promise<void> {
  await runTransaction(db, ['meta'], 'readwrite', (tx) => tx.objectStore('meta').put(value, key));
}

/** Removes the value stored under `key`. */
export async function deleteMeta(db: AppDatabase, key: MetaKey): Promise<void> {
  await runTransaction(db, ['meta'], 'readwrite', (tx) => tx.objectStore('meta').delete(key));
}
