import { describe, expect, it } from 'vitest';
import { cardHistory } from '../../src/domain/card-history';
import { makeReviewLog } from '../../src/domain/review-log';
import { makeScheduler, newFsrsCard, retrievabilityAt } from '../../src/domain/scheduler';
import {
  CardState,
  DEFAULT_SETTINGS,
  Grade,
  type CardRecord,
  type FsrsCard,
  type ReviewLogRecord,
} from '../../src/domain/types';
import { DAY, MINUTE, NOW, newCard } from './fixtures';

const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });

/** Grades `card` at each [offset, grade] in turn: the card after them, its logs and every state reached. */
function study(card: CardRecord, steps: [number, Grade][]) {
  const logs: ReviewLogRecord[] = [];
  const states: FsrsCard[] = [];
  let current = card;
  for (const [offset, grade] of steps) {
    const at = new Date(NOW.getTime() + offset);
    logs.push(makeReviewLog(current, grade, at, `log-${offset}`));
    current = { ...current, fsrs: scheduler.gradeCard(current, grade, at).fsrs };
    states.push(current.fsrs);
  }
  return { card: current, logs, states };
}

const STEPS: [number, Grade][] = [
  [0, Grade.Good],
  [10 * MINUTE, Grade.Good],
  [3 * DAY, Grade.Good],
  [20 * DAY, Grade.Again],
];

describe('cardHistory', () => {
  it('gives each review the state it led to, and the recall predicted at it', () => {
    const { card, logs, states } = study(newCard('a'), STEPS);
    // Given in any order (by-card returns logs by id), it lists them oldest first.
    const history = cardHistory(card, [...logs].reverse(), scheduler);
    expect(history.map((entry) => entry.logId)).toEqual(logs.map((log) => log.id));
    expect(history.map((entry) => entry.after)).toEqual(states);
    expect(history.map((entry) => entry.grade)).toEqual(STEPS.map(([, grade]) => grade));
    expect(history.map((entry) => entry.stateBefore)).toEqual([
      CardState.New,
      CardState.Learning,
      CardState.Review,
      CardState.Review,
    ]);
    expect(history[0]!.retrievability).toBeNull();
    const third = history[2]!;
    expect(third.retrievability).toBe(retrievabilityAt(states[1]!, new Date(third.time)));
    // Seventeen days after the third review, recall has dropped below the target of 90%.
    expect(history[3]!.retrievability).toBe(retrievabilityAt(states[2]!, new Date(history[3]!.time)));
    expect(history[3]!.retrievability).toBeLessThan(0.9);
    expect(history[3]!.after.state).toBe(CardState.Relearning);
    expect(history.every((entry) => !entry.beforeReset)).toBe(true);
  });

  it('uses the stored states, not a replay with today’s settings', () => {
    const { card, logs } = study(newCard('a'), STEPS);
    const other = makeScheduler({ ...DEFAULT_SETTINGS, retention: 0.8, timeZone: 'UTC' }, { fuzz: false });
    expect(cardHistory(card, logs, other)).toEqual(cardHistory(card, logs, scheduler));
  });

  it('replays the review just before a reset, and marks the reviews before it', () => {
    const first = study(newCard('a'), STEPS.slice(0, 3));
    const resetAt = NOW.getTime() + 5 * DAY;
    const reset: CardRecord = { ...first.card, fsrs: newFsrsCard(new Date(resetAt)), resetAt };
    const again = study(reset, [[6 * DAY, Grade.Easy]]);
    const history = cardHistory(again.card, [...first.logs, ...again.logs], scheduler);
    expect(history.map((entry) => entry.beforeReset)).toEqual([true, true, true, false]);
    expect(history.map((entry) => entry.after)).toEqual([...first.states, ...again.states]);
    expect(history[3]!.retrievability).toBeNull();
  });

  it('is empty for a card never studied', () => {
    expect(cardHistory(newCard('a'), [], scheduler)).toEqual([]);
  });
});
