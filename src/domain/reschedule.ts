/**
 * Replaying a card's reviews under new settings (FSRS weights fitted by the optimizer, another desired
 * retention or maximum interval): its memory state is rebuilt from its review logs, and each log's recorded
 * state before the review becomes what the replay had reached there, so the replay a "Check collection"
 * makes agrees with the card again. The due date is the replay's, or the card's own when the learner keeps
 * due dates.
 */
import { sameSchedule } from './card-record';
import { historyOf, packSchedule, unpackSchedule } from './review-log';
import type { Scheduler } from './scheduler';
import { CardState, type CardRecord, type FsrsCard, type ReviewLogRecord } from './types';

export interface ReplayedCard {
  /** The card's scheduling state under the new settings. */
  fsrs: FsrsCard;
  /** The logs whose recorded state before the review changed (only those need writing). */
  logs: ReviewLogRecord[];
}

/**
 * Replays `card`'s logs (`logs`: its own; those after its last reset count) through `scheduler`.
 * Null when there is nothing to replay: a card never studied, or one whose first log does not start from a
 * new card (its history is incomplete, so it keeps its state; "Check collection" names it).
 */
export function replayCard(
  card: CardRecord,
  logs: readonly ReviewLogRecord[],
  scheduler: Scheduler,
  keepDue: boolean,
): ReplayedCard | null {
  const history = historyOf(card, logs);
  const first = history[0];
  if (!first) return null;
  let state = unpackSchedule(first.prev);
  if (state.state !== CardState.New || state.reps !== 0) return null;
  const changed: ReviewLogRecord[] = [];
  for (const log of history) {
    if (!sameSchedule(unpackSchedule(log.prev), state)) changed.push({ ...log, prev: packSchedule(state) });
    state = scheduler.gradeCard({ ...card, fsrs: state }, log.grade, new Date(log.time)).fsrs;
  }
  const fsrs = keepDue ? { ...state, due: card.fsrs.due, scheduled_days: card.fsrs.scheduled_days } : state;
  return { fsrs, logs: changed };
}
