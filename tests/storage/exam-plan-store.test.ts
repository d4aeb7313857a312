import { describe, expect, it } from 'vitest';
import type { ExamPlan } from '../../src/domain/exam-planner';
import { StorageError } from '../../src/storage/errors';
import { EXAM_PLANS_KEY, examProblem, readExamPlans, saveExamPlans } from '../../src/storage/exam-plan-store';
import { getMeta, setMeta } from '../../src/storage/meta-store';
import { openTestDb } from './helpers';

const EXAM: ExamPlan = {
  id: 'exam-1',
  name: 'Neuro-oncology boards',
  date: '2026-01-19',
  deckIds: ['pathology'],
  tags: ['therapy'],
  target: 0.9,
};

describe('exam-plan-store', () => {
  it('reads no exams, and no problem, when none were saved', async () => {
    const db = await openTestDb();
    expect(await readExamPlans(db)).toEqual({ plans: [], problem: '' });
  });

  it('saves exams in the meta store and reads them back', async () => {
    const db = await openTestDb();
    const second = { ...EXAM, id: 'exam-2', name: 'Tumour board', deckIds: [], target: 0.8 };
    await saveExamPlans(db, [EXAM, second]);
    expect(await getMeta(db, EXAM_PLANS_KEY)).toEqual([EXAM, second]);
    expect(await readExamPlans(db)).toEqual({ plans: [EXAM, second], problem: '' });
  });

  it.each([
    {
      label: 'not a list',
      stored: { plans: [EXAM] },
      plans: [],
      problem: 'Your saved exams could not be read, so none are shown.',
    },
    {
      label: 'a bad date',
      stored: [EXAM, { ...EXAM, id: 'x', date: '2026-13-40' }],
      plans: [EXAM],
      problem: '1 saved exam could not be read and is not shown.',
    },
    {
      label: 'a target of 150%',
      stored: [
        { ...EXAM, target: 1.5 },
        { ...EXAM, deckIds: 'all' },
      ],
      plans: [],
      problem: '2 saved exams could not be read and are not shown.',
    },
    {
      label: 'null entries',
      stored: [null, EXAM],
      plans: [EXAM],
      problem: '1 saved exam could not be read and is not shown.',
    },
  ])('leaves out malformed stored exams with a message: $label', async ({ stored, plans, problem }) => {
    const db = await openTestDb();
    await setMeta(db, EXAM_PLANS_KEY, stored);
    expect(await readExamPlans(db)).toEqual({ plans, problem });
  });

  it.each([
    [{ ...EXAM, name: '  ' }, 'Give the exam a name.'],
    [{ ...EXAM, date: '' }, 'Choose the exam date.'],
    [{ ...EXAM, deckIds: [], tags: [] }, 'Choose a deck or a tag.'],
    [{ ...EXAM, target: 0.3 }, 'The target must be between 50% and 99%.'],
    [EXAM, ''],
  ])('checks an exam before saving it: %o', (plan, problem) => {
    expect(examProblem(plan)).toBe(problem);
  });

  it('refuses to save a bad exam and keeps what was stored', async () => {
    const db = await openTestDb();
    await saveExamPlans(db, [EXAM]);
    const error = await saveExamPlans(db, [{ ...EXAM, date: 'soon' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe('Choose the exam date.');
    expect(await getMeta(db, EXAM_PLANS_KEY)).toEqual([EXAM]);
  });
});
