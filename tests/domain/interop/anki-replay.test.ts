import { describe, expect, it } from 'vitest';
import { isGradedReview, replayAnkiReviews } from '../../../src/domain/interop/anki-replay';
import { unpackSchedule } from '../../../src/domain/review-log';
import { makeScheduler } from '../../../src/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/domain/types';

const NOW = new Date('2026-01-05T09:00:00Z');
const T0 = Date.UTC(2025, 5, 1, 8);
const DAY = 86_400_000;
const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });
const CARD = { id: 'anki:61:t1', factId: 'anki:61' };

describe('replayAnkiReviews', () => {
  it.each([
    [{ id: T0, ease: 3, type: 1 }, true],
    [{ id: T0, ease: 1, type: 0 }, true],
    [{ id: T0, ease: 4, type: 3 }, true],
    [{ id: T0, ease: 0, type: 4 }, false],
    [{ id: T0, ease: 3, type: 4 }, false],
    [{ id: T0, ease: 3, type: 5 }, false],
    [{ id: T0, ease: 5, type: 1 }, false],
    [{ id: 0, ease: 3, type: 1 }, false],
    [{ id: 8e12, ease: 3, type: 1 }, false],
  ])('isGradedReview(%j) is %s', (review, want) => {
    expect(isGradedReview(review)).toBe(want);
  });

  it('replays in time order and chains each review from the state the previous one left', () => {
    const reviews = [
      { id: T0 + 3 * DAY, ease: 3, type: 1 },
      { id: T0, ease: 3, type: 0 },
      { id: T0 + DAY, ease: 2, type: 1 },
    ];
    const result = replayAnkiReviews(CARD, reviews, scheduler, { suspended: false, now: NOW });
    expect(result.used).toBe(3);
    expect(result.history?.map((h) => [h.id, h.time, h.grade])).toEqual([
      [`anki${T0}`, T0, 3],
      [`anki${T0 + DAY}`, T0 + DAY, 2],
      [`anki${T0 + 3 * DAY}`, T0 + 3 * DAY, 3],
    ]);
    const [first, second, third] = result.history!;
    expect(first!.prev[6]).toBe(0); // reps before the first review
    expect(unpackSchedule(second!.prev).last_review?.getTime()).toBe(T0);
    expect(unpackSchedule(third!.prev).last_review?.getTime()).toBe(T0 + DAY);
    expect(result.schedule).toMatchObject({ reps: 3, lastReview: T0 + 3 * DAY });
    expect(result.schedule?.suspended).toBeUndefined();
  });

  it('gives an unreviewed card nothing, and a suspended one a new schedule that is suspended', () => {
    expect(
      replayAnkiReviews(CARD, [{ id: T0, ease: 0, type: 4 }], scheduler, { suspended: false, now: NOW }),
    ).toEqual({
      used: 0,
    });
    const suspended = replayAnkiReviews(CARD, [], scheduler, { suspended: true, now: NOW });
    expect(suspended.schedule).toMatchObject({ state: 0, reps: 0, due: NOW.getTime(), suspended: true });
    expect(suspended.history).toBeUndefined();
  });
});
