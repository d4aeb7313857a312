/**
 * Records the app keeps. The ts-fsrs card is kept whole under `fsrs` (snake_case, as ts-fsrs defines it);
 * the fields around it are ours and camelCase. Domain code never imports ts-fsrs outside scheduler.ts,
 * so the stored FSRS card is described here structurally.
 */
import type { CardKind, CardSource, Markup, NoteSource } from './deck-format';

/** FSRS learning state, numerically identical to ts-fsrs's `State`. */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

/** A grade, numerically identical to ts-fsrs's `Rating` (Manual = 0 is never used by the UI). */
export const Grade = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Grade = (typeof Grade)[keyof typeof Grade];
export const GRADES: readonly Grade[] = [Grade.Again, Grade.Hard, Grade.Good, Grade.Easy];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** The ts-fsrs card, stored whole. Dates are `Date` objects (IndexedDB stores them natively). */
export interface FsrsCard {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardState;
  last_review?: Date;
}

/** The ts-fsrs review log, stored whole inside our review-log record. */
export interface FsrsLog {
  rating: Grade;
  state: CardState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review: Date;
}

export interface CardRecord {
  id: string;
  deckId: string;
  factId: string;
  kind: CardKind;
  front: string;
  back: string;
  tags: string[];
  /** Absent: plain text. Otherwise rendered by a library and sanitized (src/ui/components/RichText.tsx). */
  markup?: Markup;
  source?: CardSource;
  sourceNote?: string;
  /** Custom cards: the editor's note the card and its siblings come from. */
  note?: NoteSource;
  choices?: { options: string[]; answer: number[] };
  fsrs: FsrsCard;
  suspended: boolean;
  /** Epoch ms until which the card is buried (manually); 0 when not buried. */
  buriedUntil: number;
  /**
   * Index key of `by-due`: epoch ms of `fsrs.due` for studyable cards that have left the New state.
   * Absent for new, suspended and multiple-choice cards, so the index holds only what can come due.
   */
  due?: number;
  /**
   * Index key of `by-review` and, with `deckId`, `by-deck-review`: `due` again, for cards in the Review
   * state only, so today's reviews can be read in due order, a page at a time, without the learning cards.
   */
  reviewDue?: number;
  /** Index key of `by-learning`: `due` again, for cards in (re)learning only: few, and all read each day. */
  learnDue?: number;
  /**
   * Index key of `by-new` ([deckId, newRank]): position of a new, studyable card in its deck.
   * Absent once the card has been studied, or when suspended or multiple-choice.
   */
  newRank?: number;
  /** The card's position in its deck file; new cards are studied in this order. */
  position: number;
  /** Epoch ms when the card entered the collection. */
  addedAt: number;
  /**
   * Epoch ms when the learner last reset the card to new ("Forget"). Its reviews before then are kept as
   * history; a replay of its schedule starts after them.
   */
  resetAt?: number;
}

/**
 * A card's scheduling state packed into one array, as review logs keep it (a heavy learner has millions of
 * logs, and each must stay small): [due, stability, difficulty, elapsed_days, scheduled_days,
 * learning_steps, reps, lapses, state, last_review], dates as epoch ms, last_review 0 when there is none.
 * `packSchedule` and `unpackSchedule` in review-log.ts convert.
 */
export type PackedSchedule = [
  due: number,
  stability: number,
  difficulty: number,
  elapsedDays: number,
  scheduledDays: number,
  learningSteps: number,
  reps: number,
  lapses: number,
  state: CardState,
  lastReview: number,
];

/**
 * One review. It keeps what undo, a replay and the FSRS optimizer need, and no copy of the card's text (one
 * source of truth): the ids, the time, the grade and the scheduling state before the review.
 */
export interface ReviewLogRecord {
  /** Client-generated, unique id, so a retried write cannot store the same review twice. */
  id: string;
  cardId: string;
  /** The card's fact: answering a card buries its siblings for the day. */
  factId: string;
  /** Epoch ms of the review; index `by-time`. */
  time: number;
  grade: Grade;
  /** The card's scheduling state before this review (its state there is the state before). */
  prev: PackedSchedule;
  /**
   * How long the answer took: ms from showing the card to grading it (issue 13's "time spent"). A short
   * name, as every byte of a log counts millions of times (issue 9: a log within 200 bytes). Optional: logs
   * written before it was recorded, and replayed or imported reviews, have none.
   */
  took?: number;
}

export interface DeckRecord {
  id: string;
  title: string;
  description: string;
  language: string;
  tags: string[];
  topic?: string;
  builtIn: boolean;
  /** Content hash of the deck file last imported (built-in decks update when it changes). */
  hash: string;
  cardCount: number;
  importedAt: number;
  updatedAt: number;
  /**
   * True when the deck is left out of daily study ("Study all" and Home's Today counts); it can still be
   * studied on its own. The optional built-in deck starts paused. Absent: in daily study.
   */
  paused?: boolean;
}

export interface Settings {
  /** Desired retention, 0.70 to 0.99. */
  retention: number;
  /** Learning steps, e.g. ["1m", "10m"]. */
  learningSteps: string[];
  relearningSteps: string[];
  maximumInterval: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Local hour (0-23) at which a new study day starts. */
  dayStartHour: number;
  /** 'system' follows prefers-color-scheme. */
  theme: 'system' | 'light' | 'dark';
  /**
   * When on, a typed quiz answer is also a review of its card (Good if right, Again if wrong). Off by
   * default: a quiz then changes no card and writes no review log.
   */
  countQuizAsReviews: boolean;
  /**
   * Lapses (Again on a review card) at which a card becomes a leech: it is tagged "leech" and suspended, in
   * the transaction of the grade that reached it (and again every half threshold after, as in Anki).
   */
  leechThreshold: number;
  /** The order in which the day's reviews are shown; see `ReviewOrder`. */
  reviewOrder: ReviewOrder;
  /**
   * The FSRS weights (21, FSRS-6) fitted to the learner's own reviews by "Optimize". Absent: ts-fsrs's
   * defaults.
   */
  parameters?: number[];
}

/**
 * How the day's reviews are ordered: by due date (earliest first); lowest FSRS retrievability first (the
 * most forgotten first, for a backlog after a break); or randomly, shuffled once per study day.
 */
export type ReviewOrder = 'due' | 'retrievability' | 'random';
export const REVIEW_ORDERS: readonly ReviewOrder[] = ['due', 'retrievability', 'random'];

/** The tag a card gets when it becomes a leech. */
export const LEECH_TAG = 'leech';

/**
 * How many FSRS weights ts-fsrs expects: FSRS-6 has 21. Here rather than in scheduler.ts, so the settings
 * schema (on the first screen) can check it without loading ts-fsrs.
 */
export const FSRS_PARAMETER_COUNT = 21;

export const DEFAULT_SETTINGS: Settings = {
  retention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  theme: 'system',
  countQuizAsReviews: false,
  leechThreshold: 8,
  reviewOrder: 'due',
};
