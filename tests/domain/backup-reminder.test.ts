import { describe, expect, it } from 'vitest';
import { backupReminderDue } from '../../src/domain/backup-reminder';

const NOW = new Date('2026-01-05T09:00:00Z').getTime();
const DAY = 86_400_000;

describe('backupReminderDue', () => {
  it.each([
    ['never backed up, no reviews yet', null, null, false, false],
    ['never backed up, with reviews', null, null, true, true],
    ['backed up 6 days 23 hours ago', NOW - 7 * DAY + 3_600_000, null, true, false],
    ['backed up exactly 7 days ago', NOW - 7 * DAY, null, true, true],
    ['backed up 30 days ago, even with no reviews', NOW - 30 * DAY, null, false, true],
    ['due, but dismissed 3 days ago', NOW - 30 * DAY, NOW - 3 * DAY, true, false],
    ['due, dismissed 7 days ago', NOW - 30 * DAY, NOW - 7 * DAY, true, true],
    ['never backed up, dismissed yesterday', null, NOW - DAY, true, false],
  ] as const)('%s', (_label, lastBackup, dismissedAt, hasReviews, expected) => {
    expect(backupReminderDue({ lastBackup, dismissedAt, hasReviews, now: NOW })).toBe(expected);
  });
});
