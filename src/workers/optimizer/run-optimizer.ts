/**
 * Fitting FSRS weights to the learner's reviews with fsrs-rs (fsrs-browser, WebAssembly), and judging them
 * against the current weights on the same reviews. Runs in the optimizer worker, and in Node for the tests
 * and the benchmark; it is handed the initialised fsrs-browser module, single-threaded (no thread pool, so
 * no cross-origin isolation is needed).
 */
import type { Fsrs, Progress } from 'fsrs-browser';
import {
  countTrainingReviews,
  evaluateParameters,
  isBetter,
  MIN_TRAINING_REVIEWS,
  sameParameters,
  trainingItems,
  type Evaluation,
  type ReviewHistories,
} from '../../domain/optimizer';
import { DEFAULT_PARAMETERS, FSRS_PARAMETER_COUNT, fsrsParameters } from '../../domain/scheduler';

/** What the optimizer needs of fsrs-browser. */
export interface FsrsBinding {
  Fsrs: new () => Fsrs;
}

export interface OptimizeRequest {
  histories: ReviewHistories;
  /** The weights in use (absent: ts-fsrs's defaults). */
  current?: number[];
}

export interface OptimizeResult {
  /** The fitted weights, as ts-fsrs takes them (21, clipped to its bounds). */
  parameters: number[];
  /** Log loss and RMSE of the current weights and of the fitted ones, on the same reviews. */
  before: Evaluation;
  after: Evaluation;
  /** The fitted weights predict the reviews better: only then are they offered. */
  better: boolean;
  /** fsrs-rs kept the defaults: too few reviews to train on (it needs more than a few dozen). */
  keptDefaults: boolean;
}

/** Thrown when the reviews are too few to learn from; the message is for the learner. */
export class NotEnoughReviews extends Error {}

/** Fits weights to `request.histories`; `progress` (fsrs-browser's) is updated as training goes. */
export function optimize(
  binding: FsrsBinding,
  request: OptimizeRequest,
  progress?: Progress,
): OptimizeResult {
  const { histories } = request;
  const reviews = countTrainingReviews(histories);
  if (reviews < MIN_TRAINING_REVIEWS) {
    throw new NotEnoughReviews(
      `Optimizing needs reviews made on a later day than the card's previous review: ${reviews} so far, at least ${MIN_TRAINING_REVIEWS} needed (a few hundred give a useful result).`,
    );
  }
  const items = trainingItems(histories);
  const raw = new binding.Fsrs().computeParameters(
    items.ratings,
    items.deltaTs,
    items.lengths,
    progress,
    true,
  );
  const parameters = fsrsParameters(raw);
  if (!parameters) {
    throw new Error(
      `The optimizer returned ${raw.length} values where FSRS-6 needs ${FSRS_PARAMETER_COUNT} finite weights; the current ones are kept.`,
    );
  }
  const before = evaluateParameters(request.current ?? DEFAULT_PARAMETERS, histories);
  const after = evaluateParameters(parameters, histories);
  const keptDefaults = sameParameters(parameters, DEFAULT_PARAMETERS);
  return { parameters, before, after, better: !keptDefaults && isBetter(after, before), keptDefaults };
}
