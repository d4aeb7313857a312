import { describe, expect, it } from 'vitest';
import { makeReviewLog } from '../../src/domain/review-log';
import { newFsrsCard } from '../../src/domain/scheduler';
import {
  computeStats,
  FUTURE_DAYS,
  HISTORY_DAYS,
  makeDayIndex,
  retentionOf,
  type StatsContext,
} from '../../src/domain/stats';
import { CardState, Grade, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { newCard } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 11:00 in Berlin (CEST, UTC+2), four days after the clocks went forward on 29 March 2026. */
const NOW = new Date('2026-04-02T09:00:00Z');
const ZONE = 'Europe/Berlin';
/** Study days are numbered by their local date: days since 1970-01-01. */
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY;
const TODAY = dayNumber('2026-04-02');

const context = (partial: Partial<StatsContext> = {}): StatsContext => ({
  now: NOW.getTime(),
  dayStartHour: 4,
  timeZone: ZONE,
  desiredRetention: 0.9,
  deckId: null,
  ...partial,
});

/** A card in `state` with the given interval (`scheduled_days`), due at `due`. */
function card(
  id: string,
  state: CardState,
  options: { due?: Date; interval?: number; deckId?: string; stability?: number; difficulty?: number } = {},
): CardRecord {
  const base = newCard(id, { deckId: options.deckId ?? 'deck-a' });
  return {
    ...base,
    fsrs: {
      ...newFsrsCard(NOW),
      state,
      due: options.due ?? new Date(NOW.getTime() + DAY),
      scheduled_days: options.interval ?? 0,
      stability: state === CardState.New ? 0 : (options.stability ?? 10),
      difficulty: state === CardState.New ? 0 : (options.difficulty ?? 5),
      last_review: state === CardState.New ? undefined : new Date(NOW.getTime() - DAY),
      reps: state === CardState.New ? 0 : 3,
    },
  };
}

let logCount = 0;
/** A review of `cardId` at `time`; `before` is the card's state before it, with interval `interval`. */
function log(
  cardId: string,
  time: Date | number,
  grade: Grade,
  before: CardState = CardState.Review,
  interval = 5,
): ReviewLogRecord {
  const fsrs = { ...newFsrsCard(NOW), state: before, scheduled_days: interval };
  const at = typeof time === 'number' ? new Date(time) : time;
  return makeReviewLog({ id: cardId, factId: `fact-${cardId}`, fsrs }, grade, at, `log-${logCount++}`);
}

/** NOW moved back by whole 24-hour days (no DST change in the ranges these tests use it for). */
const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY + hours * HOUR);

describe('true retention', () => {
  it('matches a hand count of a handmade log, period by period, young and mature', () => {
    const logs = [
      // Today: young 2 passed (Hard, Easy), 1 failed; mature 1 passed (Good).
      log('a', daysAgo(0, -1), Grade.Hard, CardState.Review, 3),
      log('b', daysAgo(0, -2), Grade.Easy, CardState.Review, 20),
      log('c', daysAgo(0, -3), Grade.Again, CardState.Review, 1),
      log('d', daysAgo(0, -4), Grade.Good, CardState.Review, 21),
      // Not graduated: new, learning and relearning reviews never count, whatever the grade.
      log('e', daysAgo(0, -5), Grade.Again, CardState.New, 0),
      log('f', daysAgo(0, -5), Grade.Good, CardState.Learning, 0),
      log('g', daysAgo(0, -5), Grade.Again, CardState.Relearning, 30),
      // Yesterday: young 1 passed, mature 1 failed.
      log('a', daysAgo(1), Grade.Good, CardState.Review, 4),
      log('d', daysAgo(1, 1), Grade.Again, CardState.Review, 40),
      // 5 days ago: mature 3 passed. 20 days ago: young 1 failed. 200 days ago: mature 1 passed.
      log('h', daysAgo(5), Grade.Good, CardState.Review, 60),
      log('i', daysAgo(5), Grade.Hard, CardState.Review, 60),
      log('j', daysAgo(5), Grade.Easy, CardState.Review, 60),
      log('k', daysAgo(20), Grade.Again, CardState.Review, 10),
      log('l', daysAgo(200), Grade.Good, CardState.Review, 100),
      // 400 days ago: outside every period.
      log('m', daysAgo(400), Grade.Again, CardState.Review, 100),
    ];
    const stats = computeStats([], logs, context());
    const rows = Object.fromEntries(stats.retention.map((row) => [row.period, row]));
    expect(rows).toEqual({
      today: { period: 'today', young: { passed: 2, failed: 1 }, mature: { passed: 1, failed: 0 } },
      yesterday: { period: 'yesterday', young: { passed: 1, failed: 0 }, mature: { passed: 0, failed: 1 } },
      week: { period: 'week', young: { passed: 3, failed: 1 }, mature: { passed: 4, failed: 1 } },
      month: { period: 'month', young: { passed: 3, failed: 2 }, mature: { passed: 4, failed: 1 } },
      year: { period: 'year', young: { passed: 3, failed: 2 }, mature: { passed: 5, failed: 1 } },
    });
    expect(retentionOf(rows.today!.young)).toBeCloseTo(2 / 3);
    expect(retentionOf({ passed: 0, failed: 0 })).toBeNull();
    expect(stats.desiredRetention).toBe(0.9);
    // Answer buttons over the year: graduated reviews by grade, and the learning ones.
    expect(stats.answers.review).toEqual([3, 2, 4, 2]);
    expect(stats.answers.learning).toEqual([2, 0, 1, 0]);
    expect(stats.reviews).toBe(14);
  });

  it('counts the reviews of the selected deck only', () => {
    const cards = [card('a', CardState.Review), card('b', CardState.Review, { deckId: 'deck-b' })];
    const logs = [log('a', daysAgo(0, -1), Grade.Good), log('b', daysAgo(0, -1), Grade.Again)];
    const stats = computeStats(cards, logs, context({ deckId: 'deck-b' }));
    expect(stats.retention[0]?.young).toEqual({ passed: 0, failed: 1 });
    expect(stats.day.reviews).toBe(1);
    expect(stats.cards).toBe(1);
  });
});

describe('today', () => {
  it('counts reviews, cards, Again, correct % and the time of the reviews that recorded it', () => {
    const timed = (entry: ReviewLogRecord, took: number) => ({ ...entry, took });
    const logs = [
      timed(log('a', daysAgo(0, -1), Grade.Again, CardState.New), 12_000),
      timed(log('a', daysAgo(0, -0.9), Grade.Good, CardState.Learning), 8_000),
      log('b', daysAgo(0, -2), Grade.Good),
      log('c', daysAgo(0, -3), Grade.Hard),
      // 03:30 in Berlin today: before the 4 am day start, so it belongs to yesterday.
      log('d', new Date('2026-04-02T01:30:00Z'), Grade.Again),
    ];
    const { day } = computeStats([], logs, context());
    expect(day).toEqual({ reviews: 4, cards: 3, again: 1, correct: 0.75, timeMs: 20_000, timedReviews: 2 });
    expect(computeStats([], [], context()).day.correct).toBeNull();
  });
});

describe('future due', () => {
  it('counts cards by the study day they are due, the backlog in today', () => {
    const todayStart = Date.parse('2026-04-02T02:00:00Z'); // 04:00 CEST
    const cards = [
      card('overdue-1', CardState.Review, { due: new Date(todayStart - 5 * DAY) }),
      card('overdue-2', CardState.Review, { due: new Date(todayStart - 1) }),
      card('today', CardState.Review, { due: new Date(todayStart + 20 * HOUR) }),
      card('learning', CardState.Learning, { due: new Date(NOW.getTime() + 10 * 60_000) }),
      // 03:59 CEST tomorrow is still today's study day; 04:00 is tomorrow's.
      card('late-today', CardState.Review, { due: new Date(todayStart + DAY - 60_000) }),
      card('tomorrow', CardState.Relearning, { due: new Date(todayStart + DAY) }),
      card('in-29', CardState.Review, { due: daysAgo(-29) }),
      card('in-30', CardState.Review, { due: daysAgo(-30) }),
      // 2027-04-01 11:00 CEST: 364 days from today, the last day shown; a day later is beyond the chart.
      card('in-364', CardState.Review, { due: daysAgo(-364) }),
      card('in-365', CardState.Review, { due: daysAgo(-365) }),
      card('new', CardState.New, { due: NOW }),
      { ...card('suspended', CardState.Review, { due: NOW }), suspended: true },
      { ...card('mcq', CardState.Review, { due: NOW }), kind: 'mcq' as const },
    ];
    const { futureDue } = computeStats(cards, [], context());
    expect(futureDue.overdue).toBe(2);
    expect(futureDue.days).toHaveLength(FUTURE_DAYS);
    const nonZero = Object.fromEntries(futureDue.days.flatMap((n, i) => (n > 0 ? [[i, n]] : [])));
    expect(nonZero).toEqual({ 0: 5, 1: 1, 29: 1, 30: 1, 364: 1 });
  });
});

describe('review calendar', () => {
  it('puts reviews on local study days across the change to summer time', () => {
    // Berlin went from CET (UTC+1) to CEST (UTC+2) at 01:00Z on 29 March 2026. Day start 4 am.
    const logs = [
      // 04:30 CET on the 28th: the 28th.
      log('a', new Date('2026-03-28T03:30:00Z'), Grade.Good),
      // 03:50 CET on the 28th: before 4 am, the 27th.
      log('b', new Date('2026-03-28T02:50:00Z'), Grade.Good),
      // 03:30 CEST on the 29th (the short night): still the 28th.
      log('c', new Date('2026-03-29T01:30:00Z'), Grade.Good),
      // 04:10 CEST on the 29th: the 29th (at UTC+1 it would read 03:10 and fall on the 28th).
      log('d', new Date('2026-03-29T02:10:00Z'), Grade.Good),
      log('e', new Date('2026-03-29T02:20:00Z'), Grade.Good),
      // 23:30 CEST on 1 April and 01:30 CEST on 2 April: both the 1st.
      log('f', new Date('2026-04-01T21:30:00Z'), Grade.Good),
      log('g', new Date('2026-04-01T23:30:00Z'), Grade.Good),
    ];
    const { calendar } = computeStats([], logs, context());
    expect(calendar.days).toHaveLength(HISTORY_DAYS);
    expect(calendar.firstDay).toBe(TODAY - HISTORY_DAYS + 1);
    const byDate = Object.fromEntries(
      calendar.days.flatMap((n, i) =>
        n > 0 ? [[new Date((calendar.firstDay + i) * DAY).toISOString().slice(0, 10), n]] : [],
      ),
    );
    expect(byDate).toEqual({ '2026-03-27': 1, '2026-03-28': 2, '2026-03-29': 2, '2026-04-01': 2 });
    expect(calendar.daysStudied).toBe(4);
    // Nothing yet today: the streak counts from yesterday (1 April), and 31 March had no review.
    expect(calendar.streak).toBe(1);
  });

  it('counts the streak through today, and the change back to winter time', () => {
    const now = new Date('2026-10-27T10:00:00Z');
    // One review at 12:00 local on each of the 8 days ending today; Berlin falls back on 25 October.
    const logs = Array.from({ length: 8 }, (_, k) =>
      log(`s${k}`, new Date(Date.parse(`2026-10-${20 + k}T10:00:00Z`)), Grade.Good),
    );
    const stats = computeStats([], logs, context({ now: now.getTime() }));
    expect(stats.calendar.streak).toBe(8);
    expect(stats.calendar.days.slice(-9)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('finds the day of an instant at the boundaries of the index', () => {
    const index = makeDayIndex(TODAY - 1, TODAY, 4, ZONE);
    const start = Date.parse('2026-04-02T02:00:00Z');
    expect(index.dayOf(start)).toBe(TODAY);
    expect(index.dayOf(start - 1)).toBe(TODAY - 1);
    expect(index.dayOf(start - DAY)).toBe(TODAY - 1);
    expect(index.dayOf(start - DAY - 1)).toBeNull();
    expect(index.dayOf(start + DAY - 1)).toBe(TODAY);
    expect(index.dayOf(start + DAY)).toBeNull();
  });
});

describe('card counts and distributions', () => {
  it('puts each card in one group, suspended and buried first', () => {
    const cards = [
      card('n1', CardState.New),
      card('n2', CardState.New),
      card('l1', CardState.Learning),
      card('r1', CardState.Relearning),
      card('y1', CardState.Review, { interval: 20 }),
      card('m1', CardState.Review, { interval: 21 }),
      card('m2', CardState.Review, { interval: 300 }),
      { ...card('s1', CardState.Review, { interval: 300 }), suspended: true },
      { ...card('s2', CardState.New), suspended: true },
      { ...card('b1', CardState.Review), buriedUntil: NOW.getTime() + HOUR },
      // Buried until a time already past: no longer buried.
      { ...card('b2', CardState.New), buriedUntil: NOW.getTime() - HOUR },
      { ...card('q1', CardState.New), kind: 'mcq' as const },
    ];
    const stats = computeStats(cards, [], context());
    expect(stats.counts).toEqual({ new: 3, learning: 2, young: 1, mature: 2, suspended: 2, buried: 1 });
    expect(stats.cards).toBe(11);
  });

  it('buckets stability, difficulty and retrievability of the studied cards', () => {
    const cards = [
      card('a', CardState.Review, { stability: 0.5, difficulty: 1 }),
      card('b', CardState.Review, { stability: 2, difficulty: 10 }),
      card('c', CardState.Review, { stability: 400, difficulty: 5.5 }),
      card('n', CardState.New),
    ];
    const { distributions } = computeStats(cards, [], context());
    expect(distributions.stability.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(distributions.difficulty.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(distributions.retrievability.reduce((n, b) => n + b.count, 0)).toBe(3);
    // Reviewed a day ago: the card with 400 days of stability is all but certain, the others less so.
    expect(distributions.retrievability[9]?.count).toBeGreaterThanOrEqual(1);
    expect(distributions.meanRetrievability).toBeGreaterThan(0.5);
    expect(distributions.meanRetrievability).toBeLessThan(1);
  });
});
