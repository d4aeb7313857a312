/**
 * A card's review history as the card browser shows it: each review with the state it led to. Logs keep
 * only the state *before* a review (`prev`), so the state after it is the next review's `prev`, or the
 * card's own state after its last review; where neither can stand for it (the review just before a reset to
 * new), it is found by replaying the review through the scheduler, as the collection check does.
 */
import { unpackSchedule } from './review-log';
import { retrievabilityAt, type Scheduler } from './scheduler';
import { CardState, type CardRecord, type FsrsCard, type Grade, type ReviewLogRecord } from './types';

export interface HistoryEntry {
  logId: string;
  /** Epoch ms of the review. */
  time: number;
  grade: Grade;
  /** The card's learning state before the review. */
  stateBefore: CardState;
  /** The scheduling state the review gave. */
  after: FsrsCard;
  /**
   * The predicted chance of recall at the moment of the review (FSRS retrievability, 0-1); null for the
   * first review of a new card, which has no memory to predict yet.
   */
  retrievability: number | null;
  /** True for a review from before the card was last reset to new: history, not today's schedule. */
  beforeReset: boolean;
}

/** The card's reviews, oldest first, each with the state it led to and the recall predicted at it. */
export function cardHistory(
  card: CardRecord,
  logs: readonly ReviewLogRecord[],
  scheduler: Scheduler,
  /** The learner's fitted FSRS weights, for the predicted recall (ts-fsrs's defaults when absent). */
  parameters?: readonly number[],
): HistoryEntry[] {
  const sorted = [...logs].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const resetAt = card.resetAt ?? -Infinity;
  return sorted.map((log, i) => {
    const before = unpackSchedule(log.prev);
    const next = sorted[i + 1];
    const beforeReset = log.time < resetAt;
    // A later review of the same run (not across a reset) started from exactly this review's result.
    const sameRun = next !== undefined && next.time < resetAt === beforeReset;
    let after: FsrsCard;
    if (sameRun) after = unpackSchedule(next.prev);
    else if (next === undefined && !beforeReset) after = card.fsrs;
    else after = scheduler.gradeCard({ ...card, fsrs: before }, log.grade, new Date(log.time)).fsrs;
    return {
      logId: log.id,
      time: log.time,
      grade: log.grade,
      stateBefore: before.state,
      after,
      retrievability:
        before.state === CardState.New ? null : retrievabilityAt(before, new Date(log.time), parameters),
      beforeReset,
    };
  });
}
