import { describe, expect, it } from 'vitest';
import type { QuizRecord } from '../../src/domain/quiz';
import { deleteQuiz, getQuiz, listQuizzes, saveQuiz, unfinishedQuiz } from '../../src/storage/quiz-store';
import { NOW, openTestDb } from './helpers';

function quiz(id: string, startedAt: number, finishedAt?: number): QuizRecord {
  return {
    id,
    startedAt,
    ...(finishedAt === undefined ? {} : { finishedAt }),
    setup: {
      deckIds: ['alpha'],
      tags: [],
      count: 10,
      types: ['mcq'],
      timeLimit: null,
      selection: 'random',
      examDate: null,
      feedback: 'each',
    },
    questions: [],
    answers: [],
    elapsedMs: 0,
  };
}

describe('quiz-store', () => {
  it('saves quizzes, lists them oldest first and finds the latest unfinished one', async () => {
    const db = await openTestDb();
    const t = NOW.getTime();
    expect(await unfinishedQuiz(db)).toBeUndefined();
    await saveQuiz(db, quiz('b', t + 2, t + 3));
    await saveQuiz(db, quiz('a', t));
    await saveQuiz(db, quiz('c', t + 1));
    expect((await listQuizzes(db)).map((q) => q.id)).toEqual(['a', 'c', 'b']);
    expect((await unfinishedQuiz(db))?.id).toBe('c');
    await saveQuiz(db, quiz('c', t + 1, t + 5));
    expect((await unfinishedQuiz(db))?.id).toBe('a');
    expect(await getQuiz(db, 'c')).toEqual(quiz('c', t + 1, t + 5));
    await deleteQuiz(db, 'a');
    expect(await unfinishedQuiz(db)).toBeUndefined();
    expect(await db.count('cards')).toBe(0);
    expect(await db.count('review-logs')).toBe(0);
  });
});
