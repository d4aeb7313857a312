import { describe, expect, it } from 'vitest';
import {
  addHistories,
  countTrainingReviews,
  emptyHistories,
  evaluateParameters,
  isBetter,
  trainingItems,
} from '../../src/domain/optimizer';
import {
  DEFAULT_PARAMETERS,
  fsrsParameters,
  makeMemoryModel,
  makeScheduler,
} from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, Grade, type ReviewLogRecord } from '../../src/domain/types';
import { simulateCards, toHistories, TRUE_PARAMETERS } from '../fixtures/synthetic-reviews';
import { DAY, MINUTE, NOW, logOf, newCard } from './fixtures';

const dayOf = (instant: number) => Math.floor(instant / DAY);

describe('addHistories', () => {
  it('turns each card’s logs after its last reset into grades and study days since the review before', () => {
    const a = newCard('h-a');
    const b = { ...newCard('h-b'), resetAt: NOW.getTime() + 2 * DAY };
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    const logs: ReviewLogRecord[] = [
      { ...logOf(a, at(3 * DAY), Grade.Good), id: 'a3' },
      { ...logOf(a, at(0), Grade.Again), id: 'a0' },
      { ...logOf(a, at(10 * MINUTE), Grade.Good), id: 'a1' },
      { ...logOf(b, at(0), Grade.Good), id: 'b-before-reset' },
      { ...logOf(b, at(2 * DAY), Grade.Hard), id: 'b0' },
      { ...logOf(b, at(9 * DAY), Grade.Again), id: 'b1' },
      { ...logOf(newCard('h-gone'), at(0), Grade.Good), id: 'removed-card' },
    ];
    const histories = emptyHistories();
    addHistories(histories, [a, b], logs, dayOf);
    expect(histories).toEqual({ grades: [1, 3, 3, 2, 1], days: [0, 0, 3, 0, 7], lengths: [3, 2] });
    expect(countTrainingReviews(histories)).toBe(2);
  });
});

describe('trainingItems', () => {
  it('makes one item per review on a later day: the card’s history up to and including it', () => {
    const items = trainingItems({ grades: [1, 3, 3, 4, 3, 1], days: [0, 0, 2, 5, 0, 0], lengths: [4, 2] });
    expect(Array.from(items.lengths)).toEqual([3, 4]);
    expect(Array.from(items.ratings)).toEqual([1, 3, 3, 1, 3, 3, 4]);
    expect(Array.from(items.deltaTs)).toEqual([0, 0, 2, 0, 0, 2, 5]);
  });
});

describe('fsrsParameters', () => {
  it.each([
    ['the 21 FSRS-6 weights', [...DEFAULT_PARAMETERS], [...DEFAULT_PARAMETERS]],
    [
      '19 FSRS-5 weights, with FSRS-5’s short-term exponent and decay',
      DEFAULT_PARAMETERS.slice(0, 19),
      [...DEFAULT_PARAMETERS.slice(0, 19), 0, 0.5],
    ],
    ['17 FSRS-4.5 weights', DEFAULT_PARAMETERS.slice(0, 17), null],
    ['a weight that is not a number', [...DEFAULT_PARAMETERS.slice(0, 20), Number.NaN], null],
    ['an empty list', [], null],
  ])('%s', (_, raw, expected) => {
    expect(fsrsParameters(raw)).toEqual(expected);
  });

  it('clips a weight outside ts-fsrs’s bounds', () => {
    const raw = [...DEFAULT_PARAMETERS];
    raw[20] = 5;
    raw[0] = -1;
    const w = fsrsParameters(raw)!;
    expect(w[20]).toBeLessThanOrEqual(0.8);
    expect(w[0]).toBeGreaterThan(0);
  });
});

describe('evaluateParameters', () => {
  const histories = toHistories(simulateCards({ cards: 400, days: 300, seed: 7 }));

  it('gives the true weights of a simulated learner a lower log loss and RMSE than the defaults', () => {
    const truth = evaluateParameters(TRUE_PARAMETERS, histories);
    const defaults = evaluateParameters(DEFAULT_PARAMETERS, histories);
    expect(truth.reviews).toBe(countTrainingReviews(histories));
    expect(truth.logLoss).toBeLessThan(defaults.logLoss);
    expect(truth.rmse).toBeLessThan(defaults.rmse);
    expect(isBetter(truth, defaults)).toBe(true);
    expect(isBetter(defaults, truth)).toBe(false);
  });

  it('computes the log loss of one prediction by hand', () => {
    const model = makeMemoryModel(DEFAULT_PARAMETERS);
    const s = model.next(null, 0, Grade.Good).stability;
    const p = model.recall(4, s);
    const result = evaluateParameters(DEFAULT_PARAMETERS, { grades: [3, 1], days: [0, 4], lengths: [2] });
    expect(result.reviews).toBe(1);
    expect(result.logLoss).toBeCloseTo(-Math.log(1 - p), 10);
    expect(result.rmse).toBeCloseTo(p, 10);
  });

  it('reports nothing for histories without a review on a later day', () => {
    expect(evaluateParameters(DEFAULT_PARAMETERS, { grades: [3, 3], days: [0, 0], lengths: [2] })).toEqual({
      logLoss: 0,
      rmse: 0,
      reviews: 0,
    });
  });
});

describe('makeScheduler with the learner’s weights', () => {
  it('schedules with them: a first Good lasts as long as their initial stability says', () => {
    const card = newCard('w-a');
    const first = new Date(NOW.getTime());
    const settings = { ...DEFAULT_SETTINGS, learningSteps: [], timeZone: 'UTC' };
    const defaults = makeScheduler(settings, { fuzz: false }).gradeCard(card, Grade.Good, first).fsrs;
    const own = makeScheduler({ ...settings, parameters: [...TRUE_PARAMETERS] }, { fuzz: false }).gradeCard(
      card,
      Grade.Good,
      first,
    ).fsrs;
    expect(defaults.stability).toBeCloseTo(DEFAULT_PARAMETERS[2]!, 4);
    expect(own.stability).toBeCloseTo(TRUE_PARAMETERS[2]!, 4);
    expect(own.scheduled_days).toBeGreaterThan(defaults.scheduled_days);
  });
});
