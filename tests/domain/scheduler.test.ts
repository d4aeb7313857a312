import { describe, expect, it } from 'vitest';
import { studyDay, studyDayNumber } from '../../src/domain/day';
import { formatInterval, isValidStep, makeScheduler } from '../../src/domain/scheduler';
import {
  CardState,
  DEFAULT_SETTINGS,
  GRADES,
  GRADE_NAMES,
  Grade,
  type CardRecord,
} from '../../src/domain/types';
import { DAY, MINUTE, NOW, newCard } from './fixtures';
import { HOUR, START_HOURS, ZONES, seededRandom } from './zones';

const SETTINGS = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const noFuzz = makeScheduler(SETTINGS, { fuzz: false });

/** How many study days after the one containing `a` is the one containing `b` (walking day by day). */
function studyDaysBetween(a: Date, b: Date, startHour: number, timeZone: string): number {
  let day = studyDay(a, startHour, timeZone);
  let days = 0;
  while (b.getTime() >= day.end) {
    day = studyDay(new Date(day.end), startHour, timeZone);
    days++;
  }
  return days;
}

/** `card` answered `first` at `t1`, then `second` at `t2`: the second review's card and log. */
function twoAnswers(
  scheduler: ReturnType<typeof makeScheduler>,
  card: CardRecord,
  [first, t1]: [Grade, Date],
  [second, t2]: [Grade, Date],
) {
  const once = { ...card, fsrs: scheduler.gradeCard(card, first, t1).fsrs };
  return scheduler.gradeCard(once, second, t2);
}

describe('scheduler', () => {
  it('previews the default learning steps on a new card: Again 1m, Hard ~6m, Good 10m, Easy days', () => {
    const preview = noFuzz.previewCard(newCard('c1'), NOW);
    expect(preview[Grade.Again].getTime() - NOW.getTime()).toBe(1 * MINUTE);
    expect(preview[Grade.Good].getTime() - NOW.getTime()).toBe(10 * MINUTE);
    expect(preview[Grade.Hard].getTime()).toBeGreaterThan(preview[Grade.Again].getTime());
    expect(preview[Grade.Hard].getTime()).toBeLessThan(preview[Grade.Good].getTime());
    expect(preview[Grade.Easy].getTime() - NOW.getTime()).toBeGreaterThanOrEqual(1 * DAY);
  });

  it('grades a new card into learning and returns the log of the review', () => {
    const { fsrs, log } = noFuzz.gradeCard(newCard('c2'), Grade.Good, NOW);
    expect(fsrs.state).toBe(CardState.Learning);
    expect(fsrs.reps).toBe(1);
    expect(fsrs.due.getTime()).toBe(NOW.getTime() + 10 * MINUTE);
    expect(log.rating).toBe(Grade.Good);
    expect(log.state).toBe(CardState.New);
    expect(log.review.getTime()).toBe(NOW.getTime());
    expect(Object.keys(fsrs)).not.toContain('sarcometCardId');
  });

  it('graduates after the last learning step into review', () => {
    let card = newCard('c3');
    let now = NOW;
    for (let i = 0; i < 2; i++) {
      card = { ...card, fsrs: noFuzz.gradeCard(card, Grade.Good, now).fsrs };
      now = card.fsrs.due;
    }
    expect(card.fsrs.state).toBe(CardState.Review);
    expect(card.fsrs.scheduled_days).toBeGreaterThanOrEqual(1);
  });

  it('holds Hard, Good and Easy of a mature card at a 30-day cap', () => {
    const capped = makeScheduler({ ...SETTINGS, maximumInterval: 30 }, { fuzz: false });
    const mature = newCard('mature');
    const card: CardRecord = {
      ...mature,
      fsrs: {
        ...mature.fsrs,
        state: CardState.Review,
        stability: 200,
        difficulty: 5,
        reps: 6,
        scheduled_days: 30,
        last_review: new Date(NOW.getTime() - 30 * DAY),
        due: NOW,
      },
    };
    const preview = capped.previewCard(card, NOW);
    for (const grade of [Grade.Hard, Grade.Good, Grade.Easy]) {
      const { fsrs } = capped.gradeCard(card, grade, NOW);
      expect([GRADE_NAMES[grade], fsrs.due.getTime() - NOW.getTime(), fsrs.scheduled_days]).toEqual([
        GRADE_NAMES[grade],
        30 * DAY,
        30,
      ]);
      expect(preview[grade].getTime()).toBe(fsrs.due.getTime());
    }
  });

  // Property: no due date passes the cap (counted in study days from the day of the review), and the date a
  // button shows is the date a grade stores, for every grade, fuzz on and off, across zones with DST.
  it.each([
    [false, 3, 'UTC'],
    [false, 30, 'America/Los_Angeles'],
    [true, 3, 'Europe/Berlin'],
    [true, 30, 'Australia/Lord_Howe'],
    [true, 365, 'America/New_York'],
    [false, 36500, 'Pacific/Chatham'],
  ])('with fuzz %s, a %i-day cap holds for every grade and preview equals stored (%s)', (fuzz, cap, zone) => {
    const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, maximumInterval: cap, timeZone: zone }, { fuzz });
    const dayNumber = (at: Date) => studyDayNumber(at, DEFAULT_SETTINGS.dayStartHour, zone);
    const failures: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      let card = newCard(`cap-${id}`);
      let now = NOW;
      for (let i = 0; i < 12; i++) {
        const preview = scheduler.previewCard(card, now);
        for (const grade of GRADES) {
          const { fsrs } = scheduler.gradeCard(card, grade, now);
          const days = dayNumber(fsrs.due) - dayNumber(now);
          const shown = preview[grade].toISOString();
          if (
            days > cap ||
            shown !== fsrs.due.toISOString() ||
            (fsrs.scheduled_days > 0 && days !== fsrs.scheduled_days)
          ) {
            failures.push(
              `${card.id} #${i} ${GRADE_NAMES[grade]} at ${now.toISOString()}: shown ${shown}, ` +
                `stored ${fsrs.due.toISOString()} (${days} days, scheduled_days ${fsrs.scheduled_days})`,
            );
          }
        }
        // Move on with the grade that grows the interval fastest, reviewed a little late.
        card = { ...card, fsrs: scheduler.gradeCard(card, i % 3 === 2 ? Grade.Good : Grade.Easy, now).fsrs };
        now = new Date(card.fsrs.due.getTime() + 5 * HOUR);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('takes custom steps and a higher retention gives shorter intervals', () => {
    const steps = makeScheduler({ ...SETTINGS, learningSteps: ['5m', '1h'] }, { fuzz: false });
    expect(steps.previewCard(newCard('c4'), NOW)[Grade.Good].getTime() - NOW.getTime()).toBe(60 * MINUTE);
    const review = (retention: number) => {
      const s = makeScheduler({ ...SETTINGS, retention }, { fuzz: false });
      let card = newCard('c5');
      card = { ...card, fsrs: s.gradeCard(card, Grade.Easy, NOW).fsrs };
      return s.previewCard(card, card.fsrs.due)[Grade.Good].getTime();
    };
    expect(review(0.97)).toBeLessThan(review(0.8));
  });

  it('seeds fuzz from the card id: the same card gets the same interval, other cards spread', () => {
    const fuzzy = makeScheduler(SETTINGS);
    const grow = (id: string) => {
      let card = newCard(id);
      let now = NOW;
      for (let i = 0; i < 4; i++) {
        card = { ...card, fsrs: fuzzy.gradeCard(card, Grade.Easy, now).fsrs };
        now = card.fsrs.due;
      }
      return card.fsrs.scheduled_days;
    };
    expect(grow('same-id')).toBe(grow('same-id'));
    const intervals = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(grow));
    expect(intervals.size).toBeGreaterThan(1);
  });

  it.each([
    ['1m', true],
    ['10m', true],
    ['2h', true],
    ['1d', true],
    ['0m', false],
    ['10', false],
    ['m', false],
    ['1w', false],
  ])('validates step %s -> %s', (step, valid) => {
    expect(isValidStep(step)).toBe(valid);
  });

  it.each([
    [30_000, '1m'],
    [10 * MINUTE, '10m'],
    [3 * 60 * MINUTE, '3h'],
    [4 * DAY, '4d'],
    [65 * DAY, '2.2mo'],
    [548 * DAY, '1.5y'],
  ])('formats an interval of %d ms as %s', (ms, label) => {
    expect(formatInterval(NOW, new Date(NOW.getTime() + ms))).toBe(label);
  });

  describe('counts elapsed days in study days, not UTC dates', () => {
    it.each([
      // [zone, start hour, first answer, second answer, study days apart]
      // 15:55 and 16:05 in Los Angeles: one study day, two UTC dates.
      ['America/Los_Angeles', 4, '2026-01-05T23:55:00Z', '2026-01-06T00:05:00Z', 0],
      // 03:00 and 05:00 in Los Angeles, 4 am start: one UTC date, two study days.
      ['America/Los_Angeles', 4, '2026-01-05T11:00:00Z', '2026-01-05T13:00:00Z', 1],
      // 23:00 and 02:00 in UTC, 4 am start: the night belongs to the day before.
      ['UTC', 4, '2026-01-05T23:00:00Z', '2026-01-06T02:00:00Z', 0],
      // Sydney (UTC+11 in January) late morning: 10:30 and 11:30 local straddle midnight UTC.
      ['Australia/Sydney', 4, '2026-01-05T23:30:00Z', '2026-01-06T00:30:00Z', 0],
      // Kolkata (UTC+5:30) early morning, midnight start: 05:00 and 06:00 local straddle midnight UTC.
      ['Asia/Kolkata', 0, '2026-01-05T23:30:00Z', '2026-01-06T00:30:00Z', 0],
      // Kathmandu (UTC+5:45), 4 am start: 03:50 and 04:10 local are two study days on one UTC date.
      ['Asia/Kathmandu', 4, '2026-01-05T22:05:00Z', '2026-01-05T22:25:00Z', 1],
    ])('in %s with day start %i, answers at %s and %s are %i days apart', (zone, hour, a, b, days) => {
      const scheduler = makeScheduler(
        { ...DEFAULT_SETTINGS, dayStartHour: hour, timeZone: zone },
        { fuzz: false },
      );
      const { fsrs, log } = twoAnswers(
        scheduler,
        newCard('elapsed'),
        [Grade.Good, new Date(a)],
        [Grade.Good, new Date(b)],
      );
      expect(log.elapsed_days).toBe(days);
      expect(fsrs.elapsed_days).toBe(days);
      expect(fsrs.last_review?.toISOString()).toBe(new Date(b).toISOString());
      expect(log.review.toISOString()).toBe(new Date(b).toISOString());
    });

    it('graduates a card answered Good at 15:55 and 16:05 in Los Angeles as it would at 10:00 and 10:10', () => {
      const la = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'America/Los_Angeles' }, { fuzz: false });
      const card = newCard('la');
      const evening = twoAnswers(
        la,
        card,
        [Grade.Good, new Date('2026-01-05T23:55:00Z')],
        [Grade.Good, new Date('2026-01-06T00:05:00Z')],
      );
      const morning = twoAnswers(
        la,
        card,
        [Grade.Good, new Date('2026-01-05T18:00:00Z')],
        [Grade.Good, new Date('2026-01-05T18:10:00Z')],
      );
      expect(evening.fsrs.state).toBe(CardState.Review);
      expect(evening.fsrs.stability).toBeCloseTo(morning.fsrs.stability, 6);
      expect(evening.fsrs.stability).toBeLessThan(3);
      expect(evening.fsrs.scheduled_days).toBe(morning.fsrs.scheduled_days);
      expect(evening.fsrs.scheduled_days).toBe(2);
      // Due two study days later, at the same time of day: 16:05 local on 7 January.
      expect(evening.fsrs.due.toISOString()).toBe('2026-01-08T00:05:00.000Z');
    });

    // Property: whatever the zone, start hour and times, FSRS counts the study days between two answers, a
    // learning step is exactly its length, and a day interval of n days lands n study days later.
    describe.each(ZONES)('in %s', (zone) => {
      it('for random pairs of answers at every start hour', () => {
        const random = seededRandom([...zone].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7));
        const failures: string[] = [];
        for (const hour of START_HOURS) {
          const scheduler = makeScheduler(
            { ...DEFAULT_SETTINGS, dayStartHour: hour, timeZone: zone },
            { fuzz: false },
          );
          for (let i = 0; i < 6; i++) {
            const t1 = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * DAY));
            const gap = random() < 0.5 ? random() * 36 * HOUR : random() * 60 * DAY;
            const t2 = new Date(t1.getTime() + Math.max(1, Math.floor(gap)));
            const first = i % 2 === 0 ? Grade.Good : Grade.Easy;
            const { fsrs, log } = twoAnswers(scheduler, newCard(`p${i}`), [first, t1], [Grade.Good, t2]);
            const expected = studyDaysBetween(t1, t2, hour, zone);
            const interval =
              fsrs.scheduled_days === 0
                ? fsrs.due.getTime() - t2.getTime() < DAY
                : studyDaysBetween(t2, fsrs.due, hour, zone) === fsrs.scheduled_days;
            if (log.elapsed_days !== expected || !interval || fsrs.due <= t2) {
              failures.push(
                `${hour}h ${t1.toISOString()} -> ${t2.toISOString()}: elapsed ${log.elapsed_days}, ` +
                  `expected ${expected}; due ${fsrs.due.toISOString()} (${fsrs.scheduled_days}d)`,
              );
            }
          }
        }
        expect(failures.slice(0, 10)).toEqual([]);
      });
    });
  });
});

describe('retrievabilityAt with the learner’s weights (issue 13)', () => {
  it('follows the fitted decay (w20), and equals the defaults when given them', async () => {
    const { DEFAULT_PARAMETERS, retrievabilityAt } = await import('../../src/domain/scheduler');
    const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });
    let card = newCard('r-1');
    card = { ...card, fsrs: scheduler.gradeCard(card, Grade.Good, NOW).fsrs };
    card = { ...card, fsrs: scheduler.gradeCard(card, Grade.Good, new Date(NOW.getTime() + DAY)).fsrs };
    const later = new Date(NOW.getTime() + 30 * DAY);
    const byDefault = retrievabilityAt(card.fsrs, later);
    expect(retrievabilityAt(card.fsrs, later, DEFAULT_PARAMETERS)).toBe(byDefault);
    const slowerDecay = [...DEFAULT_PARAMETERS];
    slowerDecay[20] = 0.5;
    const fitted = retrievabilityAt(card.fsrs, later, slowerDecay);
    expect(fitted).not.toBeCloseTo(byDefault, 3);
    expect(fitted).toBeGreaterThan(0);
    expect(fitted).toBeLessThan(1);
  });
});
