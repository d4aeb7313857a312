/**
 * The `quizzes` store: a quiz is saved after every answer while it runs, and kept once finished. Quizzes are
 * apart from cards and review logs; nothing here touches either.
 */
import type { QuizRecord } from '../domain/quiz';
import { runTransaction, type AppDatabase } from './transaction';

/** Stores a quiz (created or replaced). Resolves once committed. */
export async function saveQuiz(db: AppDatabase, quiz: QuizRecord): Promise<void> {
  await runTransaction(db, ['quizzes'], 'readwrite', (tx) => tx.objectStore('quizzes').put(quiz));
}

/** The quiz with this id, or undefined. */
export async function getQuiz(db: AppDatabase, id: string): Promise<QuizRecord | undefined> {
  return runTransaction(db, ['quizzes'], 'readonly', (tx) => tx.objectStore('quizzes').get(id));
}

/** Every quiz, oldest first. */
export async function listQuizzes(db: AppDatabase): Promise<QuizRecord[]> {
  return runTransaction(db, ['quizzes'], 'readonly', (tx) =>
    tx.objectStore('quizzes').index('by-time').getAll(),
  );
}

/** The most recently started quiz that is not finished, or undefined. */
export async function unfinishedQuiz(db: AppDatabase): Promise<QuizRecord | undefined> {
  return runTransaction(db, ['quizzes'], 'readonly', async (tx) => {
    let cursor = await tx.objectStore('quizzes').index('by-time').openCursor(null, 'prev');
    while (cursor) {
      if (cursor.value.finishedAt === undefined) return cursor.value;
      cursor = await cursor.continue();
    }
    return undefined;
  });
}

/** Removes a quiz (an unfinished one the learner gave up). */
export async function deleteQuiz(db: AppDatabase, id: string): Promise<void> {
  await runTransaction(db, ['quizzes'], 'readwrite', (tx) => tx.objectStore('quizzes').delete(id));
}
