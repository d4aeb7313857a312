/**
 * Home's weekly "Back up your collection" reminder: whether it shows, and "Not now". Kept apart from
 * create-backup.ts so Home's first bundle does not carry the backup code (compression, schemas).
 */
import { createResource, type Accessor } from 'solid-js';
import { backupReminderDue } from '../domain/backup-reminder';
import { BACKUP_REMINDER_DISMISSED_KEY, getMeta, LAST_BACKUP_KEY, setMeta } from '../storage/meta-store';
import { hasReviewLogs } from '../storage/review-log-store';
import { now } from './clock';
import type { Collection } from './create-collection';

export interface BackupReminder {
  show: Accessor<boolean>;
  /** "Not now": quiet for a week. */
  dismiss(): Promise<void>;
  /** "Back up now": the Backup section, once it opens, takes the focus (see `takeBackupRequest`). */
  askForBackup(): void;
}

let backupRequested = false;

/** Whether "Back up now" was tapped on Home since the last call; Settings then focuses its Backup section. */
export function takeBackupRequest(): boolean {
  const requested = backupRequested;
  backupRequested = false;
  return requested;
}

const epoch = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function createBackupReminder(collection: Collection): BackupReminder {
  const [due, { mutate }] = createResource(
    () => (collection.state() === 'ready' ? collection.revision() : false),
    async () => {
      try {
        const db = await collection.db();
        const [lastBackup, dismissedAt, hasReviews] = await Promise.all([
          getMeta(db, LAST_BACKUP_KEY),
          getMeta(db, BACKUP_REMINDER_DISMISSED_KEY),
          hasReviewLogs(db),
        ]);
        return backupReminderDue({
          lastBackup: epoch(lastBackup),
          dismissedAt: epoch(dismissedAt),
          hasReviews,
          now: now().getTime(),
        });
      } catch {
        // A reminder is not worth an error of its own: Home reports a storage failure already.
        return false;
      }
    },
  );
  return {
    show: () => due.latest === true,
    askForBackup() {
      backupRequested = true;
    },
    async dismiss() {
      mutate(false);
      await setMeta(await collection.db(), BACKUP_REMINDER_DISMISSED_KEY, now().getTime());
    },
  };
}
