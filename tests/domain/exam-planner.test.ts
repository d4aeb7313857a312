import { createEmptyCard, fsrs, FSRS6_DEFAULT_DECAY, generatorParameters, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  dateOfDay,
  dayOfDate,
  examIncludes,
  finalPassDaysFor,
  planExam,
  spreadNewCards,
  type ExamPlanInput,
} from '../../src/domain/exam-planner';
import { makeScheduler, retrievabilityAt } from '../../src/domain/scheduler';
import { CardState, DEFAULT_SETTINGS, type CardRecord, type FsrsCard } from '../../src/domain/types';
import { DAY, NOW, newCard } from './fixtures';

const SETTINGS = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const noFuzz = makeScheduler(SETTINGS, { fuzz: false });

/** A card in review with stability `stability`, last reviewed `daysAgo` days before NOW. */
function mature(id: string, stability: number, daysAgo = 0): CardRecord {
  const card = newCard(id);
  const last = new Date(NOW.getTime() - daysAgo * DAY);
  const fsrsCard: FsrsCard = {
    ...card.fsrs,
    state: CardState.Review,
    stability,
    difficulty: 5,
    reps: 4,
    scheduled_days: Math.round(stability),
    due: new Date(last.getTime() + Math.round(stability) * DAY),
    last_review: last,
  };
  return { ...card, fsrs: fsrsCard };
}

/** The FSRS forgetting curve with ts-fsrs's default decay: R = (1 + FACTOR * t / S) ^ DECAY. */
function curve(days: number, stability: number): number {
  const decay = -FSRS6_DEFAULT_DECAY;
  const factor = Math.pow(0.9, 1 / decay) - 1;
  return Math.pow(1 + (factor * days) / stability, decay);
}

function input(cards: CardRecord[], examDate: string, overrides: Partial<ExamPlanInput> = {}): ExamPlanInput {
  return {
    cards,
    now: NOW,
    examDate,
    target: 0.9,
    scheduler: noFuzz,
    dayStartHour: 4,
    timeZone: 'UTC',
    ...overrides,
  };
}

describe('retrievabilityAt', () => {
  it('is 0 for a card never studied', () => {
    expect(retrievabilityAt(newCard('n').fsrs, new Date(NOW.getTime() + 10 * DAY))).toBe(0);
  });

  it("equals ts-fsrs's get_retrievability with its default parameters", () => {
    const engine = fsrs(generatorParameters({ enable_fuzz: false }));
    const card = engine.next(createEmptyCard(NOW), NOW, 3).card;
    const graduated = engine.next(card, new Date(NOW.getTime() + 10 * 60_000), 3).card;
    expect(graduated.state).toBe(State.Review);
    const at = new Date(NOW.getTime() + 7 * DAY);
    const ours = retrievabilityAt(graduated as unknown as FsrsCard, at);
    expect(ours).toBe(engine.get_retrievability(graduated, at, false));
    expect(ours).toBeGreaterThan(0.5);
    expect(ours).toBeLessThan(0.95);
  });

  it('decreases day by day after the last review', () => {
    const card = mature('m', 10).fsrs;
    const values = [0, 1, 2, 5, 10, 30, 100].map((d) =>
      retrievabilityAt(card, new Date(NOW.getTime() + d * DAY)),
    );
    expect(values[0]).toBe(1);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
  });

  it.each([
    { stability: 1, days: 1 },
    { stability: 10, days: 10 },
    { stability: 10, days: 30 },
    { stability: 45.5, days: 14 },
  ])('follows the forgetting curve: S=$stability, t=$days days', ({ stability, days }) => {
    const r = retrievabilityAt(mature('m', stability).fsrs, new Date(NOW.getTime() + days * DAY));
    expect(r).toBeCloseTo(curve(days, stability), 6);
    // Stability is the interval at which recall falls to 90%.
    if (days === stability) expect(r).toBeCloseTo(0.9, 6);
  });
});

describe('exam dates', () => {
  it.each([
    ['2026-01-19', 20_472],
    ['1970-01-01', 0],
    ['2026-02-30', Number.NaN],
    ['19 January', Number.NaN],
  ])('%s is study day %d', (date, day) => {
    expect(dayOfDate(date)).toBe(day);
    if (!Number.isNaN(day)) expect(dateOfDay(day)).toBe(date);
  });
});

describe('spreading new cards', () => {
  it.each([
    [14, 2],
    [3, 2],
    [1, 1],
    [0, 0],
  ])('with %d days left, the last %d are for the final pass', (daysLeft, finalDays) => {
    expect(finalPassDaysFor(daysLeft)).toBe(finalDays);
  });

  it.each([
    { total: 30, days: 12, cap: 100, done: 0, expected: [3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2] },
    { total: 5, days: 3, cap: 100, done: 0, expected: [2, 2, 1] },
    { total: 0, days: 3, cap: 100, done: 0, expected: [0, 0, 0] },
    { total: 300, days: 2, cap: 100, done: 0, expected: [100, 100] },
    // Four of today's share already started: two more today.
    { total: 14, days: 3, cap: 100, done: 4, expected: [2, 6, 6] },
  ])('$total cards over $days days (cap $cap, $done done today)', ({ total, days, cap, done, expected }) => {
    expect(spreadNewCards(total, days, cap, done)).toEqual(expected);
  });
});

describe('planExam', () => {
  it('predicts 0 recall when every card is new, with all of them below the target', () => {
    const cards = Array.from({ length: 10 }, (_, i) => newCard(`n${i}`));
    const result = planExam(input(cards, '2026-01-19'));
    expect(result.predictedRecall).toBe(0);
    expect(result.belowTarget).toBe(10);
    expect(result.belowTargetShare).toBe(1);
    expect(result.unstudied).toBe(10);
    expect(result.daysLeft).toBe(14);
  });

  it('predicts a mature card at the forgetting curve at the start of exam day', () => {
    // Exam on Jan 15, 2026; the day starts at 04:00 UTC, 9 days and 19 hours after NOW: t = 9 whole days.
    const result = planExam(input([mature('m', 20)], '2026-01-15'));
    expect(result.examAt).toBe(Date.parse('2026-01-15T04:00:00Z'));
    expect(result.predictedRecall).toBeCloseTo(curve(9, 20), 6);
    expect(result.belowTarget).toBe(0);
  });

  it('spreads the new cards over the days before the final pass, and keeps the last days free', () => {
    const cards = Array.from({ length: 30 }, (_, i) => newCard(`n${i}`));
    const result = planExam(input(cards, '2026-01-19'));
    expect(result.finalPassDays).toBe(2);
    expect(result.plan).toHaveLength(14);
    expect(result.plan[0]!.date).toBe('2026-01-05');
    expect(result.plan.at(-1)!.date).toBe('2026-01-18');
    expect(result.plan.map((d) => d.newCards)).toEqual([3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 0, 0]);
    // Reviews come back on the days FSRS schedules them.
    expect(result.plan.slice(1, 5).some((d) => d.reviews > 0)).toBe(true);
  });

  it('reaches the target with the plan and reviews the weakest cards in the final pass', () => {
    const cards = [
      ...Array.from({ length: 20 }, (_, i) => newCard(`n${i}`)),
      mature('weak', 3, 10),
      mature('strong', 200, 1),
    ];
    const result = planExam(input(cards, '2026-01-19'));
    expect(result.predictedRecall).toBeLessThan(0.1);
    expect(result.projectedRecall).toBeGreaterThanOrEqual(0.9);
    expect(result.projectedBelowTarget).toBeLessThan(result.belowTarget);
    expect(result.unstarted).toBe(0);
    expect(result.feasible).toBe(true);
    const finalPass = result.plan.slice(-2).reduce((n, d) => n + d.finalPass, 0);
    expect(finalPass).toBeGreaterThan(0);
    expect(result.plan.slice(0, -2).every((d) => d.finalPass === 0)).toBe(true);
    expect(result.recallByDay.at(-1)).toEqual({ date: '2026-01-19', recall: result.projectedRecall });
  });

  it('says when the target cannot be reached: too many new cards for the days left', () => {
    const cards = Array.from({ length: 30 }, (_, i) => newCard(`n${i}`));
    const result = planExam(input(cards, '2026-01-07', { maxNewPerDay: 10 }));
    expect(result.daysLeft).toBe(2);
    // Both days are final-pass days: the new cards can only be started today.
    expect(result.finalPassDays).toBe(2);
    expect(result.plan.map((d) => d.newCards)).toEqual([10, 0]);
    expect(result.unstarted).toBe(20);
    expect(result.projectedRecall).toBeLessThan(0.9);
    expect(result.feasible).toBe(false);
  });

  it('refuses an exam more than two years away, which would take too long to simulate', () => {
    expect(() => planExam(input([newCard('n')], '2028-01-06'))).toThrow('more than two years away');
    expect(planExam(input([newCard('n')], '2028-01-05')).daysLeft).toBe(730);
  });

  it('plans nothing on exam day or after it', () => {
    const result = planExam(input([mature('m', 5, 2)], '2026-01-05'));
    expect(result.daysLeft).toBe(0);
    expect(result.plan).toEqual([]);
    expect(result.feasible).toBe(false);
  });

  it('reviews a weak card early when today is a final-pass day, so a session can show it', () => {
    // Last reviewed a day ago, due tomorrow; at the exam 2 days later its recall is below 90%.
    const weak = mature('weak', 1.5, 1);
    const result = planExam(input([weak], '2026-01-07'));
    expect(result.finalPassDays).toBe(2);
    expect(result.predictedRecall).toBeCloseTo(curve(2, 1.5), 6);
    expect(result.todayFinalPass).toEqual(['weak']);
    expect(result.plan[0]).toEqual({ date: '2026-01-05', newCards: 0, reviews: 0, finalPass: 1 });
    expect(result.projectedRecall).toBeGreaterThan(0.9);
  });
});

describe('examIncludes', () => {
  const exam = { deckIds: ['deck-a'], tags: ['therapy'] };
  it.each([
    { card: newCard('a'), expected: true },
    { card: { ...newCard('b', { deckId: 'deck-b' }), tags: ['therapy'] }, expected: true },
    { card: newCard('c', { deckId: 'deck-b' }), expected: false },
    { card: { ...newCard('d'), suspended: true }, expected: false },
    { card: newCard('e', { kind: 'mcq' }), expected: false },
  ])('$card.id: $expected', ({ card, expected }) => {
    expect(examIncludes(exam, card)).toBe(expected);
  });
});
