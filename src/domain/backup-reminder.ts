/** When Home reminds the learner to back up: a pure rule over stored times, so it is tested without a clock. */

/** Days between reminders, and how long "Not now" quiets one. */
export const BACKUP_REMINDER_DAYS = 7;
const PERIOD = BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;

export interface BackupReminderFacts {
  /** Epoch ms of the last backup made (or restored) on this device; null when never. */
  lastBackup: number | null;
  /** Epoch ms when the reminder was last dismissed; null when never. */
  dismissedAt: number | null;
  /** Whether the collection holds any review: before the first one there is nothing of the learner's to lose. */
  hasReviews: boolean;
  now: number;
}

/**
 * True when the reminder shows: the last backup is `BACKUP_REMINDER_DAYS` days old or more, or there was none
 * and there are reviews; and it was not dismissed within the last `BACKUP_REMINDER_DAYS` days.
 */
export function backupReminderDue(facts: BackupReminderFacts): boolean {
  if (facts.dismissedAt !== null && facts.now - facts.dismissedAt < PERIOD) return false;
  if (facts.lastBackup === null) return facts.hasReviews;
  return facts.now - facts.lastBackup >= PERIOD;
}
