import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makeReviewLog } from '../../src/domain/review-log';
import { Grade } from '../../src/domain/types';
import { BACKUP_STORES } from '../../src/storage/backup-records';
import { NOW, newCard } from '../domain/fixtures';

describe('backup records: review logs', () => {
  const schema = BACKUP_STORES['review-logs'].value;
  const log = makeReviewLog(newCard('br-1'), Grade.Good, NOW, 'log-1', NOW.getTime() - 4_200);

  it('restores the time an answer took (issue 13), and logs without it', () => {
    expect(log.took).toBe(4_200);
    expect(v.parse(schema, JSON.parse(JSON.stringify(log)))).toEqual(log);
    const { took: _, ...untimed } = log;
    expect(v.parse(schema, untimed)).toEqual(untimed);
  });

  it('refuses a negative or non-numeric time', () => {
    expect(v.safeParse(schema, { ...log, took: -1 }).success).toBe(false);
    expect(v.safeParse(schema, { ...log, took: '5s' }).success).toBe(false);
  });
});
