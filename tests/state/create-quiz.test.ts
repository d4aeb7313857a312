import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeckCard } from '../../src/domain/deck-format';
import { DEFAULT_QUIZ_SETUP, type QuizSetup } from '../../src/domain/quiz';
import { Grade, type CardRecord } from '../../src/domain/types';
import { createCollection, type Collection } from '../../src/state/create-collection';
import { createQuiz, missedCardIds, type Quiz } from '../../src/state/create-quiz';
import { createStudySession } from '../../src/state/create-study-session';
import { deckCard } from '../storage/helpers';
import { freshIndexedDb, serveDecks } from './helpers';

beforeEach(freshIndexedDb);
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Fact n: a qa card (answer "Answer n.") and a multiple-choice item whose right option is "right n". */
function fact(n: number): DeckCard[] {
  const factId = `alpha.f${n}`;
  return [
    deckCard('alpha', n, { id: `alpha.q${n}`, factId }),
    {
      id: `alpha.m${n}`,
      factId,
      kind: 'mcq',
      front: `Choose one: Question ${n}?`,
      back: `right ${n}`,
      tags: ['test'],
      choices: { options: [`wrong ${n}`, `right ${n}`, `other ${n}`], answer: [1] },
    },
  ];
}

const SETUP: QuizSetup = { ...DEFAULT_QUIZ_SETUP, deckIds: ['alpha'], count: 'all' };

async function open(): Promise<{ collection: Collection; quiz: Quiz; dispose: () => void }> {
  serveDecks(['alpha'], { cards: { alpha: [0, 1, 2].flatMap(fact) } });
  return createRoot(async (dispose) => {
    const collection = createCollection();
    await collection.load();
    const quiz = createQuiz(collection);
    await quiz.load();
    return { collection, quiz, dispose };
  });
}

/** Answers every question: right when `right(question index)`, wrong otherwise. */
async function answerAll(quiz: Quiz, right: (i: number) => boolean) {
  while (quiz.phase() === 'question' || quiz.phase() === 'feedback') {
    if (quiz.phase() === 'feedback') {
      await quiz.next();
      continue;
    }
    const q = quiz.question()!;
    const good = right(quiz.index());
    const given =
      q.type === 'typed'
        ? good
          ? q.answerText
          : 'something else'
        : String(good ? q.answerIndex : (q.answerIndex + 1) % q.options.length);
    await quiz.submit(given);
  }
}

async function snapshot(collection: Collection): Promise<{ cards: CardRecord[]; logs: number }> {
  const db = await collection.db();
  return { cards: await db.getAll('cards'), logs: await db.count('review-logs') };
}

describe('createQuiz', () => {
  it('by default changes no card and writes no review log, and stores the finished quiz', async () => {
    const { collection, quiz, dispose } = await open();
    const before = await snapshot(collection);
    await quiz.start(SETUP);
    expect(quiz.record()!.questions).toHaveLength(6);
    await answerAll(quiz, (i) => i % 2 === 0);
    expect(quiz.phase()).toBe('results');
    expect(await snapshot(collection)).toEqual(before);
    const stored = await (await collection.db()).getAll('quizzes');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.finishedAt).toBeTypeOf('number');
    expect(stored[0]!.answers.filter((a) => a.correct)).toHaveLength(3);
    expect(quiz.history()).toHaveLength(1);
    dispose();
  });

  it('with "Count quiz answers as reviews" on, a typed answer is a review (Good or Again); choices never are', async () => {
    const { collection, quiz, dispose } = await open();
    await collection.updateSettings({ ...collection.settings(), countQuizAsReviews: true });
    const before = await snapshot(collection);
    await quiz.start({ ...SETUP, types: ['typed', 'mcq'] });
    const questions = quiz.record()!.questions;
    await answerAll(quiz, (i) => questions[i]!.cardId !== 'alpha.q1');
    const logs = await (await collection.db()).getAll('review-logs');
    expect(logs.map((l) => [l.cardId, l.grade]).sort()).toEqual([
      ['alpha.q0', Grade.Good],
      ['alpha.q1', Grade.Again],
      ['alpha.q2', Grade.Good],
    ]);
    const after = await snapshot(collection);
    const changed = after.cards.filter((c, i) => c.fsrs.reps !== before.cards[i]!.fsrs.reps);
    expect(changed.map((c) => c.id).sort()).toEqual(['alpha.q0', 'alpha.q1', 'alpha.q2']);
    dispose();
  });

  it('resumes an interrupted quiz where it stopped', async () => {
    const first = await open();
    await first.quiz.start({ ...SETUP, feedback: 'end' });
    await first.quiz.submit('0');
    await first.quiz.submit('0');
    const id = first.quiz.record()!.id;
    first.dispose();

    // A new page: the same database, a new collection and quiz.
    const second = await createRoot(async (dispose) => {
      const collection = createCollection();
      await collection.load();
      const quiz = createQuiz(collection);
      await quiz.load();
      return { collection, quiz, dispose };
    });
    expect(second.quiz.unfinished()?.id).toBe(id);
    await second.quiz.resume();
    expect(second.quiz.phase()).toBe('question');
    expect(second.quiz.index()).toBe(2);
    await answerAll(second.quiz, () => true);
    expect(second.quiz.phase()).toBe('results');
    expect(second.quiz.record()!.answers).toHaveLength(6);
    second.dispose();
  });

  it('"Study missed cards now": a focused session of exactly the missed cards, mcq mapped to its fact', async () => {
    const { collection, quiz, dispose } = await open();
    await quiz.start({ ...SETUP, types: ['mcq'] });
    const questions = quiz.record()!.questions;
    await answerAll(quiz, (i) => questions[i]!.factId !== 'alpha.f2');
    const ids = await missedCardIds(collection, quiz.record()!.id);
    expect(ids).toEqual(['alpha.q2']);
    await createRoot(async (disposeSession) => {
      const session = createStudySession(
        collection,
        () => null,
        undefined,
        () => ids,
      );
      await session.refresh();
      expect(session.card()?.id).toBe('alpha.q2');
      session.reveal();
      await session.grade(Grade.Good);
      expect(session.phase()).toBe('done');
      expect(session.done()?.focused).toBe(true);
      disposeSession();
    });
    dispose();
  });
});

describe('createQuiz time limit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends the quiz when the time is up, unanswered questions missed', async () => {
    // The quiz's one-second tick and its clock are fake; IndexedDB keeps its real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { quiz, dispose } = await open();
    await quiz.start({ ...SETUP, types: ['mcq'], timeLimit: 1 });
    await quiz.submit(String(quiz.question()!.answerIndex));
    await quiz.next();
    expect(quiz.phase()).toBe('question');
    vi.advanceTimersByTime(30_000);
    expect(quiz.elapsed()).toBeGreaterThanOrEqual(30_000);
    expect(quiz.phase()).toBe('question');
    vi.advanceTimersByTime(31_000);
    for (let i = 0; i < 100 && quiz.phase() !== 'results'; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(quiz.phase()).toBe('results');
    const record = quiz.record()!;
    expect(record.answers).toHaveLength(1);
    expect(record.elapsedMs).toBeGreaterThanOrEqual(60_000);
    expect(record.finishedAt).toBeTypeOf('number');
    dispose();
  });
});
