/**
 * Checks of stored records, one by one, for migrations: a record an old version or a damaged disk left in a
 * shape this code cannot use is set aside in the `quarantine` store with the reason, instead of failing the
 * whole upgrade (which would lock the learner out on every launch).
 */
import * as v from 'valibot';
import { CardState, type FsrsCard } from '../domain/types';

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

/** A review log as any version stored it: `previous` is the FSRS state, or (versions 1-2) a whole card. */
const StoredLogSchema = v.object({
  id: v.pipe(Text, v.minLength(1)),
  cardId: v.pipe(Text, v.minLength(1)),
  deckId: Text,
  factId: Text,
  time: Finite,
  grade: v.picklist([1, 2, 3, 4]),
  stateBefore: State,
  previous: v.union([FsrsCardSchema, v.object({ fsrs: FsrsCardSchema })]),
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

/** Why a stored review log cannot be used, or null when it can. */
export function logProblem(value: unknown): string | null {
  return problem(v.safeParse(StoredLogSchema, value));
}

/** The FSRS state a valid stored log recorded before its review, whichever version wrote it. */
export function previousSchedule(previous: FsrsCard | { fsrs: FsrsCard }): FsrsCard {
  return 'fsrs' in previous ? previous.fsrs : previous;
}
