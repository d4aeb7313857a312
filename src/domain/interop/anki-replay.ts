/**
 * Carrying a card's Anki reviews over: its revlog entries are replayed through our scheduler (FSRS), so the
 * imported card has exactly the state and history it would have had if it had been studied here. Anki's
 * own intervals and ease are not copied: one source of truth, the reviews.
 */
import { DECK_LIMITS, type CardSchedule, type HistoryEntry } from '../deck-format';
import { scheduleOf } from '../deck-export';
import { packSchedule } from '../review-log';
import { newFsrsCard, type Scheduler } from '../scheduler';
import type { CardRecord, Grade } from '../types';

/** One row of Anki's `revlog` table, the columns that matter. */
export interface AnkiReview {
  /** Epoch ms of the review (the row id). */
  id: number;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy; 0 for manual changes. */
  ease: number;
  /** 0 learning, 1 review, 2 relearning, 3 filtered deck, 4 manual, 5 rescheduled. */
  type: number;
}

/** Latest time a deck file accepts (2200-01-01). */
const MAX_TIME = 7_258_118_400_000;

/** True for a review a learner graded: ease 1-4, not a manual entry or a reschedule, at a plausible time. */
export function isGradedReview(review: AnkiReview): boolean {
  return review.ease >= 1 && review.ease <= 4 && review.type <= 3 && review.id > 0 && review.id <= MAX_TIME;
}

export interface ReplayedCard {
  schedule?: CardSchedule;
  history?: HistoryEntry[];
  /** Reviews replayed. */
  used: number;
}

/**
 * The schedule and history of a card from its Anki reviews (any order; ungraded ones are left out), with
 * `suspended` carried over. A card with no graded reviews gets no history, and a schedule only when it is
 * suspended (a new card, suspended). History ids are `anki<revlog id>`, the same on every import.
 */
export function replayAnkiReviews(
  card: { id: string; factId: string },
  reviews: readonly AnkiReview[],
  scheduler: Scheduler,
  options: { suspended: boolean; now: Date },
): ReplayedCard {
  const graded = reviews.filter(isGradedReview).sort((a, b) => a.id - b.id);
  if (graded.length === 0) {
    return options.suspended
      ? { schedule: scheduleOf({ fsrs: newFsrsCard(options.now), suspended: true }), used: 0 }
      : { used: 0 };
  }
  const record: CardRecord = {
    id: card.id,
    deckId: '',
    factId: card.factId,
    kind: 'qa',
    front: '',
    back: '',
    tags: [],
    fsrs: newFsrsCard(new Date(graded[0]!.id)),
    suspended: false,
    buriedUntil: 0,
    position: 0,
    addedAt: 0,
  };
  const history: HistoryEntry[] = [];
  for (const review of graded) {
    const at = new Date(review.id);
    history.push({
      id: `anki${review.id}`,
      time: review.id,
      grade: review.ease as Grade,
      prev: packSchedule(record.fsrs),
    });
    record.fsrs = scheduler.gradeCard(record, review.ease as Grade, at).fsrs;
  }
  return {
    schedule: scheduleOf({ fsrs: record.fsrs, suspended: options.suspended }),
    history: history.slice(-DECK_LIMITS.maxHistory),
    used: graded.length,
  };
}
