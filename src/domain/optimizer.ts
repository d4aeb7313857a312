/**
 * What the FSRS optimizer trains on and how its result is judged. A card's reviews become a history of
 * (grade, study days since the review before) pairs, as fsrs-rs takes them; fsrs-rs learns from every prefix
 * of a history that ends in a review on a later day. Weights are judged by how well they predict those
 * reviews: log loss (what fsrs-rs minimises) and RMSE over bins of predicted recall, as Anki shows both.
 */
import { groupByCard, historyOf } from './review-log';
import { DEFAULT_PARAMETERS, makeMemoryModel, type MemoryState } from './scheduler';
import type { CardRecord, Grade, ReviewLogRecord } from './types';

/** Review histories, flat: history i is the next `lengths[i]` entries of `grades` and `days`. */
export interface ReviewHistories {
  grades: number[];
  /** Study days since the card's review before (0 for its first review and for a same-day review). */
  days: number[];
  lengths: number[];
}

/** The typed arrays `Fsrs.computeParameters` takes (fsrs-browser): one training item per prefix. */
export interface TrainingItems {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
}

export interface Evaluation {
  /** Mean binary cross-entropy of the predicted recall of each review on a later day. */
  logLoss: number;
  /** Root mean square of (predicted − actual recall) over 20 bins of predicted recall, weighted by size. */
  rmse: number;
  /** The reviews predicted: those on a later day than the review before. */
  reviews: number;
}

/** Suggest optimizing again once this many reviews were made since the last optimization (as Anki does). */
export const REOPTIMIZE_AFTER = 1000;

/** Fewer reviews on later days than this and fsrs-rs keeps the defaults: there is nothing to learn yet. */
export const MIN_TRAINING_REVIEWS = 8;

export function emptyHistories(): ReviewHistories {
  return { grades: [], days: [], lengths: [] };
}

/**
 * Appends the review history of each of `cards` (its logs after its last reset, in time order) to `into`.
 * `dayOf` gives the study day of an instant, so day counts are those the scheduler uses. Logs of cards not
 * in `cards` (removed by a deck update) are left out: nothing says how they were scheduled.
 */
export function addHistories(
  into: ReviewHistories,
  cards: readonly CardRecord[],
  logs: readonly ReviewLogRecord[],
  dayOf: (instant: number) => number,
): void {
  const byCard = groupByCard(logs);
  for (const card of cards) {
    const history = historyOf(card, byCard.get(card.id) ?? []);
    if (history.length === 0) continue;
    let previous: number | null = null;
    for (const log of history) {
      const day = dayOf(log.time);
      into.grades.push(log.grade);
      into.days.push(previous === null ? 0 : Math.max(0, day - previous));
      previous = day;
    }
    into.lengths.push(history.length);
  }
}

/** The number of reviews on a later day than the card's review before: what the optimizer learns from. */
export function countTrainingReviews(histories: ReviewHistories): number {
  let count = 0;
  let start = 0;
  for (const length of histories.lengths) {
    for (let i = start + 1; i < start + length; i++) if ((histories.days[i] ?? 0) > 0) count++;
    start += length;
  }
  return count;
}

/**
 * fsrs-browser's training set: for each review on a later day (not a card's first), the card's history up
 * to and including it. fsrs-rs predicts the last review of each item from the ones before it.
 */
export function trainingItems(histories: ReviewHistories): TrainingItems {
  let entries = 0;
  let items = 0;
  let start = 0;
  for (const length of histories.lengths) {
    for (let k = 1; k < length; k++) {
      if ((histories.days[start + k] ?? 0) > 0) {
        entries += k + 1;
        items++;
      }
    }
    start += length;
  }
  const ratings = new Uint32Array(entries);
  const deltaTs = new Uint32Array(entries);
  const lengths = new Uint32Array(items);
  let at = 0;
  let item = 0;
  start = 0;
  for (const length of histories.lengths) {
    for (let k = 1; k < length; k++) {
      if ((histories.days[start + k] ?? 0) <= 0) continue;
      ratings.set(histories.grades.slice(start, start + k + 1), at);
      deltaTs.set(histories.days.slice(start, start + k + 1), at);
      at += k + 1;
      lengths[item++] = k + 1;
    }
    start += length;
  }
  return { ratings, deltaTs, lengths };
}

const BINS = 20;
/** Predictions are kept inside (0, 1) so one confident miss cannot make the log loss infinite. */
const EPSILON = 1e-6;

/** How well `parameters` predict the reviews of `histories` (see Evaluation). */
export function evaluateParameters(
  parameters: readonly number[] = DEFAULT_PARAMETERS,
  histories: ReviewHistories,
): Evaluation {
  const model = makeMemoryModel(parameters);
  const binCount = new Array<number>(BINS).fill(0);
  const binPredicted = new Array<number>(BINS).fill(0);
  const binRecalled = new Array<number>(BINS).fill(0);
  let loss = 0;
  let reviews = 0;
  let start = 0;
  for (const length of histories.lengths) {
    let state: MemoryState | null = null;
    for (let i = start; i < start + length; i++) {
      const grade = (histories.grades[i] ?? 3) as Grade;
      const days = histories.days[i] ?? 0;
      if (state && days > 0) {
        const p = Math.min(1 - EPSILON, Math.max(EPSILON, model.recall(days, state.stability)));
        const recalled = grade > 1 ? 1 : 0;
        loss -= recalled ? Math.log(p) : Math.log(1 - p);
        const bin = Math.min(BINS - 1, Math.floor(p * BINS));
        binCount[bin] = (binCount[bin] ?? 0) + 1;
        binPredicted[bin] = (binPredicted[bin] ?? 0) + p;
        binRecalled[bin] = (binRecalled[bin] ?? 0) + recalled;
        reviews++;
      }
      state = model.next(state, days, grade);
    }
    start += length;
  }
  let squares = 0;
  for (let b = 0; b < BINS; b++) {
    const n = binCount[b] ?? 0;
    if (n > 0) squares += n * (((binPredicted[b] ?? 0) - (binRecalled[b] ?? 0)) / n) ** 2;
  }
  return reviews === 0
    ? { logLoss: 0, rmse: 0, reviews: 0 }
    : { logLoss: loss / reviews, rmse: Math.sqrt(squares / reviews), reviews };
}

/**
 * Log losses closer than this are the same: fsrs-rs computes in 32-bit floats, so weights it hands back
 * unchanged (the defaults, when the reviews are too few to train on) can differ from ours in the last bits.
 */
const SAME_LOSS = 1e-5;

/** New weights are applied only when they predict the learner's reviews better (lower log loss). */
export function isBetter(after: Evaluation, before: Evaluation): boolean {
  return after.reviews > 0 && after.logLoss < before.logLoss - SAME_LOSS;
}

/** True when two weight lists are the same within 32-bit rounding (fsrs-rs kept the weights it began with). */
export function sameParameters(a: readonly number[], b: readonly number[]): boolean {
  return (
    a.length === b.length &&
    a.every((w, i) => Math.abs(w - (b[i] ?? Number.NaN)) <= 1e-4 * Math.max(1, Math.abs(w)))
  );
}
