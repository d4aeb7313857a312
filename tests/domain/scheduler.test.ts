import { describe, expect, it } from 'vitest';
import { formatInterval, isValidStep, makeScheduler } from '../../src/domain/scheduler';
import { CardState, DEFAULT_SETTINGS, Grade } from '../../src/domain/types';
import { DAY, MINUTE, NOW, newCard } from './fixtures';

const noFuzz = makeScheduler(DEFAULT_SETTINGS, { fuzz: false });

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

  it('graduates after the last step and respects the maximum interval', () => {
    const capped = makeScheduler({ ...DEFAULT_SETTINGS, maximumInterval: 3 }, { fuzz: false });
    let card = newCard('c3');
    let now = NOW;
    for (let i = 0; i < 8; i++) {
      const graded = capped.gradeCard(card, Grade.Good, now);
      card = { ...card, fsrs: graded.fsrs };
      now = graded.fsrs.due;
    }
    expect(card.fsrs.state).toBe(CardState.Review);
    // ts-fsrs keeps Hard < Good < Easy, so only the Hard interval is held exactly at the cap.
    const hard = capped.previewCard(card, now)[Grade.Hard].getTime() - now.getTime();
    expect(hard).toBeLessThanOrEqual(3 * DAY);
    expect(card.fsrs.scheduled_days).toBeLessThan(10);
  });

  it('takes custom steps and a higher retention gives shorter intervals', () => {
    const steps = makeScheduler({ ...DEFAULT_SETTINGS, learningSteps: ['5m', '1h'] }, { fuzz: false });
    expect(steps.previewCard(newCard('c4'), NOW)[Grade.Good].getTime() - NOW.getTime()).toBe(60 * MINUTE);
    const review = (retention: number) => {
      const s = makeScheduler({ ...DEFAULT_SETTINGS, retention }, { fuzz: false });
      let card = newCard('c5');
      card = { ...card, fsrs: s.gradeCard(card, Grade.Easy, NOW).fsrs };
      return s.previewCard(card, card.fsrs.due)[Grade.Good].getTime();
    };
    expect(review(0.97)).toBeLessThan(review(0.8));
  });

  it('seeds fuzz from the card id: the same card gets the same interval, other cards spread', () => {
    const fuzzy = makeScheduler(DEFAULT_SETTINGS);
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
});
