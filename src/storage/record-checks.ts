/**
 * Checks of stored records, one by one, for migrations: a record an old version or a damaged disk left in a
 * shape this code cannot use is set aside in the `quarantine` store with the reason, instead of failing the
 * whole upgrade (which would lock the learner out on every launch).
 */
import * as v from 'valibot';
import { makeReviewLog } from '../domain/review-log';
import { CardState, type FsrsCard, type ReviewLogRecord } from '../domain/types';

const Finite = v.pipe(v.number(), v.finite());
const ValidDate = v.pipe(
  v.date(),
  v.check((d) => Number.isFinite(d.getTime()), 'invalid date'),
);
const State = v.picklist([CardState.New, CardState.Learning, CardState.Review, CardState.Relearning]);

const FsrsCardSchema = v.object({
  due: ValidDate,
  stability: Finite,
  difficulty: Finite,
  elapsed_days: Finite,
  scheduled_days: Finite,
  learning_steps: Finite,
  reps: Finite,
  lapses: Finite,
  state: State,
  last_review: v.optional(ValidDate),
});

const Text = v.string();

/** A card as any version stored it (`position` and `newRank` came with version 2). */
const StoredCardSchema = v.object({
  id: v.pipe(Text, v.minLength(1)),
  deckId: v.pipe(Text, v.minLength(1)),
  factId: v.pipe(Text, v.minLength(1)),
  kind: Text,
  front: Text,
  back: Text,
  tags: v.array(Text),
  fsrs: FsrsCardSchema,
  suspended: v.boolean(),
  buriedUntil: Finite,
  addedAt: Finite,
});

/** A review log as versions 1 and 2 stored it: the whole card before the review, and the ts-fsrs log. */
const LegacyLogSchema = v.object({
  id: v.pipe(Text, v.minLength(1)),
  cardId: v.pipe(Text, v.minLength(1)),
  factId: Text,
  time: Finite,
  grade: v.picklist([1, 2, 3, 4]),
  previous: v.object({ fsrs: FsrsCardSchema }),
});

function problem(result: v.SafeParseResult<v.GenericSchema>): string | null {
  if (result.success) return null;
  return result.issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Why a stored card cannot be used, or null when it can. */
export function cardProblem(value: unknown): string | null {
  return problem(v.safeParse(StoredCardSchema, value));
}

/**
 * A review log of versions 1 and 2 in the shape version 3 keeps (no card text, the state before packed),
 * or the reason it cannot be used.
 */
export function upgradeLog(value: unknown): { log: ReviewLogRecord } | { problem: string } {
  const result = v.safeParse(LegacyLogSchema, value);
  if (!result.success) return { problem: problem(result) ?? 'not a review log' };
  const { id, cardId, factId, time, grade, previous } = result.output;
  return {
    log: makeReviewLog({ id: cardId, factId, fsrs: previous.fsrs as FsrsCard }, grade, new Date(time), id),
  };
}
