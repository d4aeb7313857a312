/**
 * The learner's exams (issue 11), kept as one list in the `meta` store under `exam-plans`: few, small and
 * always read together, so they need no store of their own. Every exam passes a valibot schema on the way
 * in and on the way out; a stored exam that no longer passes is left out with a message, never a crash.
 */
import * as v from 'valibot';
import { dayOfDate, type ExamPlan } from '../domain/exam-planner';
import { StorageError } from './errors';
import { getMeta, setMeta } from './meta-store';
import type { AppDatabase } from './transaction';

export const EXAM_PLANS_KEY = 'exam-plans';

/** What a stored exam must satisfy. */
export const ExamPlanSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(
    v.string('The name must be text'),
    v.trim(),
    v.minLength(1, 'Give the exam a name'),
    v.maxLength(100, 'The name can have at most 100 characters'),
  ),
  date: v.pipe(
    v.string('The date must be text'),
    v.check((date) => !Number.isNaN(dayOfDate(date)), 'Choose the exam date'),
  ),
  deckIds: v.array(v.string()),
  tags: v.array(v.pipe(v.string(), v.trim(), v.minLength(1))),
  target: v.pipe(
    v.number('The target must be a number'),
    v.minValue(0.5, 'The target must be between 50% and 99%'),
    v.maxValue(0.99, 'The target must be between 50% and 99%'),
  ),
});

/** The exams stored, and a message when some could not be read (they are left out, and kept until a save). */
export interface StoredExamPlans {
  plans: ExamPlan[];
  problem: string;
}

/** Reads the stored exams, leaving out any that no longer pass the schema. */
export async function readExamPlans(db: AppDatabase): Promise<StoredExamPlans> {
  const stored = await getMeta(db, EXAM_PLANS_KEY);
  if (stored === undefined) return { plans: [], problem: '' };
  if (!Array.isArray(stored)) {
    return { plans: [], problem: 'Your saved exams could not be read, so none are shown.' };
  }
  const plans: ExamPlan[] = [];
  for (const item of stored) {
    const result = v.safeParse(ExamPlanSchema, item);
    if (result.success) plans.push(result.output);
  }
  const skipped = stored.length - plans.length;
  const problem =
    skipped === 0
      ? ''
      : `${skipped} saved ${skipped === 1 ? 'exam' : 'exams'} could not be read and ${skipped === 1 ? 'is' : 'are'} not shown.`;
  return { plans, problem };
}

/** Checks an exam before it is saved: the first problem as a sentence, or '' when it is fine. */
export function examProblem(plan: unknown): string {
  const result = v.safeParse(ExamPlanSchema, plan);
  if (result.success) {
    return result.output.deckIds.length + result.output.tags.length === 0 ? 'Choose a deck or a tag.' : '';
  }
  return `${result.issues[0].message}.`;
}

/** Replaces the stored exams with `plans`, each checked first. Rejects with `invalid` for a bad exam. */
export async function saveExamPlans(db: AppDatabase, plans: readonly ExamPlan[]): Promise<void> {
  const checked = plans.map((plan) => {
    const problem = examProblem(plan);
    if (problem) throw new StorageError('invalid', problem);
    return v.parse(ExamPlanSchema, plan);
  });
  await setMeta(db, EXAM_PLANS_KEY, checked);
}
