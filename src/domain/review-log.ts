/** Building review logs and reading the scheduling state they keep (packed, see `PackedSchedule`). */
import type { CardRecord, CardState, FsrsCard, Grade, PackedSchedule, ReviewLogRecord } from './types';

/** Packs an FSRS state for a review log. */
export function packSchedule(fsrs: FsrsCard): PackedSchedule {
  return [
    fsrs.due.getTime(),
    fsrs.stability,
    fsrs.difficulty,
    fsrs.elapsed_days,
    fsrs.scheduled_days,
    fsrs.learning_steps,
    fsrs.reps,
    fsrs.lapses,
    fsrs.state,
    fsrs.last_review?.getTime() ?? 0,
  ];
}

/** The FSRS state a review log packed. */
export function unpackSchedule(packed: PackedSchedule): FsrsCard {
  const [due, stability, difficulty, elapsed, scheduled, steps, reps, lapses, state, lastReview] = packed;
  const fsrs: FsrsCard = {
    due: new Date(due),
    stability,
    difficulty,
    elapsed_days: elapsed,
    scheduled_days: scheduled,
    learning_steps: steps,
    reps,
    lapses,
    state,
  };
  if (lastReview > 0) fsrs.last_review = new Date(lastReview);
  return fsrs;
}

/** The card's learning state before the review. */
export function stateBefore(log: ReviewLogRecord): CardState {
  return log.prev[8];
}

/**
 * Longest time one answer counts for, as Anki's "maximum answer seconds" (60 by default): a card left on
 * screen while the learner did something else does not inflate the time spent.
 */
export const MAX_ANSWER_MS = 60_000;

/**
 * The log of grading `card` (as it was before the review) at `at`. With `shownAt` (epoch ms when the card
 * was shown), the log keeps the time the answer took, capped at {@link MAX_ANSWER_MS}.
 */
export function makeReviewLog(
  card: Pick<CardRecord, 'id' | 'factId' | 'fsrs'>,
  grade: Grade,
  at: Date,
  id: string,
  shownAt?: number,
): ReviewLogRecord {
  const log: ReviewLogRecord = {
    id,
    cardId: card.id,
    factId: card.factId,
    time: at.getTime(),
    grade,
    prev: packSchedule(card.fsrs),
  };
  if (shownAt !== undefined) log.took = Math.min(MAX_ANSWER_MS, Math.max(0, at.getTime() - shownAt));
  return log;
}

/** Orders logs by review time (then id, for two reviews in the same millisecond): the order of a replay. */
export const byReviewTime = (a: ReviewLogRecord, b: ReviewLogRecord): number =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The logs of each card, by card id (in the order given). */
export function groupByCard(logs: readonly ReviewLogRecord[]): Map<string, ReviewLogRecord[]> {
  const byCard = new Map<string, ReviewLogRecord[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  return byCard;
}

/**
 * The reviews a card's schedule is replayed from: its logs since its last reset ("Forget"; the ones before
 * are history), in time order. `logs` are the card's own.
 */
export function historyOf(
  card: Pick<CardRecord, 'resetAt'>,
  logs: readonly ReviewLogRecord[],
): ReviewLogRecord[] {
  const resetAt = card.resetAt ?? -Infinity;
  return logs.filter((log) => log.time >= resetAt).sort(byReviewTime);
}
