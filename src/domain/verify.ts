/**
 * Checking a collection by replaying its review logs, as Anki's Check Database does: a card's scheduling
 * state must equal what the scheduler gives when its reviews are replayed, in order, from a new card. A
 * review lost, stored twice or written over a stale state shows up as a difference.
 */
import { sameSchedule } from './card-record';
import { groupByCard, historyOf, packSchedule, unpackSchedule } from './review-log';
import type { Scheduler } from './scheduler';
import {
  CardState,
  type CardRecord,
  type FsrsCard,
  type PackedSchedule,
  type ReviewLogRecord,
} from './types';

/**
 * The check compares what the reviews determine: the memory state (stability, difficulty), the counts, the
 * learning step and the last review. Not the due date and interval: they also depend on the settings in
 * force (desired retention, maximum interval) and the learner may keep them when those change (Optimize,
 * Settings), so a kept due date is not damage. A lost or doubled review always changes the rest.
 */
function sameMemory(a: FsrsCard, b: FsrsCard): boolean {
  return sameSchedule({ ...a, due: b.due, scheduled_days: b.scheduled_days }, b);
}

export interface CollectionProblem {
  cardId: string;
  /** What is wrong, in words a user can read. */
  reason: string;
  /** The state the replay gives, where it could be computed. */
  expected?: FsrsCard;
  /** The state stored on the card (or in the log that disagrees). */
  actual?: FsrsCard;
}

export interface CollectionReport {
  cards: number;
  logs: number;
  /** Logs of cards no longer in the collection (removed by a deck update): history, not a problem. */
  orphanLogs: number;
  problems: CollectionProblem[];
}

/**
 * Replays each card's logs through `scheduler` (built with the settings the reviews were made under) and
 * reports every card whose stored state differs from the replay, and every log whose recorded state before
 * the review is not what the replay had reached (a review lost or stored twice).
 */
export function verifyCollection(
  cards: readonly CardRecord[],
  logs: readonly ReviewLogRecord[],
  scheduler: Scheduler,
): CollectionReport {
  const logsByCard = groupByCard(logs);
  const problems: CollectionProblem[] = [];
  for (const card of cards) {
    const history = historyOf(card, logsByCard.get(card.id) ?? []);
    logsByCard.delete(card.id);
    const first = history[0];
    if (!first) {
      if (card.fsrs.state !== CardState.New || card.fsrs.reps !== 0) {
        problems.push({ cardId: card.id, reason: 'studied, but has no review log', actual: card.fsrs });
      }
      continue;
    }
    let state: FsrsCard = unpackSchedule(first.prev);
    let broken = false;
    if (state.state !== CardState.New || state.reps !== 0) {
      problems.push({ cardId: card.id, reason: 'its first review log does not start from a new card' });
      broken = true;
    }
    for (const log of history) {
      const previous = unpackSchedule(log.prev);
      if (!sameMemory(previous, state)) {
        problems.push({
          cardId: card.id,
          reason: `review ${log.id} does not follow the one before it (a review lost or stored twice)`,
          expected: state,
          actual: previous,
        });
        broken = true;
        break;
      }
      state = scheduler.gradeCard({ ...card, fsrs: state }, log.grade, new Date(log.time)).fsrs;
    }
    if (!broken && !sameMemory(card.fsrs, state)) {
      problems.push({
        cardId: card.id,
        reason: 'its scheduling state differs from the replay of its reviews',
        expected: state,
        actual: card.fsrs,
      });
    }
  }
  // Logs of cards a deck update removed are kept on purpose (history), so they are counted, not reported.
  let orphanLogs = 0;
  for (const orphans of logsByCard.values()) orphanLogs += orphans.length;
  return { cards: cards.length, logs: logs.length, orphanLogs, problems };
}

/** What a repair writes: the card's state from its reviews, and each review's state before as replayed. */
export interface Replay {
  fsrs: FsrsCard;
  /** The logs (those since the last reset, in time order) with `prev` set to the replayed state before. */
  logs: ReviewLogRecord[];
}

/**
 * The card's schedule rebuilt from its reviews since its last reset: from the state before the first of
 * them, each grade is applied in time order through `scheduler`, and each log's recorded state before is
 * set to what the replay had reached. The grades and times are the record; the states are derived from
 * them, so this is what "repair from the logs" writes. Null for a card with no reviews (nothing to replay
 * from: its state is left to the learner).
 */
export function replayReviews(
  card: CardRecord,
  logs: readonly ReviewLogRecord[],
  scheduler: Scheduler,
): Replay | null {
  const history = historyOf(
    card,
    logs.filter((log) => log.cardId === card.id),
  );
  const first = history[0];
  if (!first) return null;
  let state = unpackSchedule(first.prev);
  const replayed = history.map((log) => {
    const prev: PackedSchedule = packSchedule(state);
    state = scheduler.gradeCard({ ...card, fsrs: state }, log.grade, new Date(log.time)).fsrs;
    return { ...log, prev };
  });
  return { fsrs: state, logs: replayed };
}
