import { describe, expect, it } from 'vitest';
import {
  MAX_ANSWER_MS,
  makeReviewLog,
  packSchedule,
  stateBefore,
  unpackSchedule,
} from '../../src/domain/review-log';
import { makeScheduler } from '../../src/domain/scheduler';
import { CardState, DEFAULT_SETTINGS, Grade } from '../../src/domain/types';
import { newLogId } from '../../src/state/clock';
import { NOW, newCard } from './fixtures';

const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' });

describe('review logs', () => {
  it('pack and unpack the scheduling state exactly, with and without a last review', () => {
    const fresh = newCard('rl-1');
    expect(unpackSchedule(packSchedule(fresh.fsrs))).toEqual(fresh.fsrs);
    const studied = scheduler.gradeCard(fresh, Grade.Good, NOW).fsrs;
    expect(studied.last_review).toBeInstanceOf(Date);
    expect(unpackSchedule(packSchedule(studied))).toEqual(studied);
  });

  it('keep the state before the review and no card text', () => {
    const card = newCard('rl-2');
    const log = makeReviewLog(card, Grade.Hard, NOW, 'id-1');
    expect(stateBefore(log)).toBe(CardState.New);
    expect(JSON.stringify(log)).not.toContain(card.front);
  });

  it('keep how long the answer took when the card was shown at a known time, capped at a minute', () => {
    const card = newCard('rl-3');
    const at = (ms: number) => NOW.getTime() - ms;
    expect(makeReviewLog(card, Grade.Good, NOW, 'id-2').took).toBeUndefined();
    expect(makeReviewLog(card, Grade.Good, NOW, 'id-3', at(8_500)).took).toBe(8_500);
    expect(makeReviewLog(card, Grade.Good, NOW, 'id-4', at(15 * 60_000)).took).toBe(MAX_ANSWER_MS);
    // A clock moved back between showing and grading counts as no time, never as negative time.
    expect(makeReviewLog(card, Grade.Good, NOW, 'id-5', at(-5_000)).took).toBe(0);
  });

  it('stay within 200 bytes as JSON for a mature card with a typical card id (issue 9)', () => {
    // Built-in card ids average 20 characters and fact ids 13 (the longest card id, 31, gives 208 bytes).
    let card = newCard('hist-t2-mfh:mcq:fwd', { factId: 'hist-t2-mfh' });
    let at = NOW;
    for (const grade of [Grade.Good, Grade.Good, Grade.Again, Grade.Good, Grade.Easy]) {
      card = { ...card, fsrs: scheduler.gradeCard(card, grade, at).fsrs };
      at = card.fsrs.due;
    }
    const log = makeReviewLog(card, Grade.Good, at, newLogId(at));
    expect(log.id).toHaveLength(16);
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(200);
  });

  it('get ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newLogId(NOW)));
    expect(ids.size).toBe(10_000);
  });
});
