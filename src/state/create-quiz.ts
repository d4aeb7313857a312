/**
 * A quiz from setup to results. The quiz is saved to the `quizzes` store after every answer, so one that is
 * interrupted (app closed, phone locked, reload) resumes where it stopped. Answers change no card and write
 * no review log, unless the "Count quiz answers as reviews" setting is on: a typed answer is then a review of
 * its card (Good if right, Again if wrong) through the same commit as studying. Multiple-choice items are
 * never scheduled, so their answers are never reviews.
 */
import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import {
  buildQuiz,
  cardsToStudy,
  checkAnswer,
  missedQuestions,
  type QuizAnswer,
  type QuizQuestion,
  type QuizRecord,
  type QuizSetup,
} from '../domain/quiz';
import type { CardSource } from '../domain/deck-format';
import { makeReviewLog } from '../domain/review-log';
import { makeScheduler } from '../domain/scheduler';
import { Grade, type CardRecord } from '../domain/types';
import { cardsOfDeck, getCard } from '../storage/card-store';
import { deleteQuiz, getQuiz, listQuizzes, saveQuiz, unfinishedQuiz } from '../storage/quiz-store';
import { commitGrade } from '../storage/study-store';
import type { AppDatabase } from '../storage/transaction';
import { newLogId, now, timeZone } from './clock';
import type { Collection } from './create-collection';

export type QuizPhase = 'setup' | 'question' | 'feedback' | 'results';

export interface Quiz {
  phase: Accessor<QuizPhase>;
  /** The quiz under way or just finished. */
  record: Accessor<QuizRecord | null>;
  /** Index of the question on screen (or whose feedback is shown). */
  index: Accessor<number>;
  question: Accessor<QuizQuestion | null>;
  /** The answer to the question on screen, once checked. */
  answer: Accessor<QuizAnswer | null>;
  /** Time spent so far, in ms; ticks every second while a question is shown. */
  elapsed: Accessor<number>;
  /** An unfinished quiz the setup screen offers to resume. */
  unfinished: Accessor<QuizRecord | null>;
  /** Finished quizzes, oldest first, for the trend. */
  history: Accessor<QuizRecord[]>;
  busy: Accessor<boolean>;
  error: Accessor<string>;
  /** Reads the unfinished quiz and the history. */
  load(): Promise<void>;
  start(setup: QuizSetup): Promise<void>;
  resume(): Promise<void>;
  /** Forgets the unfinished quiz. */
  discard(): Promise<void>;
  /** Checks and saves an answer to the question on screen; with feedback at the end, moves on at once. */
  submit(given: string): Promise<void>;
  /** After feedback: the next question, or the results after the last. */
  next(): Promise<void>;
  /** Ends the quiz now (unanswered questions count as missed) and shows the results. */
  finish(): Promise<void>;
  /** Back to the setup screen. */
  restart(): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

/** Every card the quiz may ask, or read strength and due dates from: of the chosen decks, or of all. */
async function cardsFor(collection: Collection, db: AppDatabase, setup: QuizSetup): Promise<CardRecord[]> {
  const ids = setup.deckIds.length > 0 ? setup.deckIds : collection.decks().map((d) => d.id);
  return (await Promise.all(ids.map((id) => cardsOfDeck(db, id)))).flat();
}

/** The tags of the cards of the given decks (of all decks when none), sorted. */
export async function quizTags(collection: Collection, deckIds: readonly string[]): Promise<string[]> {
  const db = await collection.db();
  const ids = deckIds.length > 0 ? deckIds : collection.decks().map((d) => d.id);
  const cards = (await Promise.all(ids.map((id) => cardsOfDeck(db, id)))).flat();
  return [...new Set(cards.flatMap((card) => card.tags))].sort();
}

/**
 * The cards a focused session should study for a finished quiz's missed questions (see cardsToStudy), or
 * an empty list when the quiz is unknown or nothing was missed.
 */
export async function missedCardIds(collection: Collection, quizId: string): Promise<string[]> {
  const db = await collection.db();
  const quiz = await getQuiz(db, quizId);
  if (!quiz) return [];
  const missed = missedQuestions(quiz.questions, quiz.answers);
  const facts = new Set(missed.map((q) => q.factId));
  const decks = new Set(missed.map((q) => q.deckId));
  const cards = (await Promise.all([...decks].map((id) => cardsOfDeck(db, id))))
    .flat()
    .filter((card) => facts.has(card.factId));
  return cardsToStudy(missed, cards);
}

/** The source (section and excerpt) of each of the given cards that has one. */
export async function cardSources(
  collection: Collection,
  cardIds: readonly string[],
): Promise<Map<string, CardSource>> {
  const db = await collection.db();
  const cards = await Promise.all(cardIds.map((id) => getCard(db, id)));
  const out = new Map<string, CardSource>();
  for (const card of cards) if (card?.source) out.set(card.id, card.source);
  return out;
}

/** A random 32-bit seed: the one place a quiz's randomness comes from (the domain is seeded). */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export function createQuiz(collection: Collection): Quiz {
  const [phase, setPhase] = createSignal<QuizPhase>('setup');
  const [record, setRecord] = createSignal<QuizRecord | null>(null);
  const [unfinished, setUnfinished] = createSignal<QuizRecord | null>(null);
  const [history, setHistory] = createSignal<QuizRecord[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [tick, setTick] = createSignal(0);
  /** Epoch ms when the question on screen was shown; time before it is in the record's `elapsedMs`. */
  let shownAt: number | null = null;

  const running = () => phase() === 'question' && shownAt !== null;
  const elapsed = () => {
    tick();
    const saved = record()?.elapsedMs ?? 0;
    return running() ? saved + Math.max(0, now().getTime() - shownAt!) : saved;
  };

  const timer = setInterval(() => {
    if (!running()) return;
    setTick((t) => t + 1);
    const limit = record()?.setup.timeLimit;
    if (limit && elapsed() >= limit * 60_000 && !busy()) void finish();
  }, 1000);
  onCleanup(() => clearInterval(timer));

  const index = () => {
    const quiz = record();
    if (!quiz) return 0;
    return phase() === 'feedback' ? quiz.answers.length - 1 : quiz.answers.length;
  };
  const question = () => record()?.questions[index()] ?? null;
  const answer = () => (phase() === 'feedback' ? (record()?.answers.at(-1) ?? null) : null);

  /** The record with the time spent up to now added, the clock restarted. */
  const stopClock = (quiz: QuizRecord): QuizRecord => {
    const at = now().getTime();
    const spent = shownAt === null ? 0 : Math.max(0, at - shownAt);
    shownAt = phase() === 'question' || phase() === 'feedback' ? at : null;
    return { ...quiz, elapsedMs: quiz.elapsedMs + spent };
  };

  const store = async (quiz: QuizRecord) => {
    await saveQuiz(await collection.db(), quiz);
    setRecord(quiz);
  };

  const run = async (action: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const showQuestion = () => {
    shownAt = now().getTime();
    setPhase('question');
  };

  const results = async (quiz: QuizRecord) => {
    const done = { ...quiz, finishedAt: now().getTime() };
    shownAt = null;
    const db = await collection.db();
    await saveQuiz(db, done);
    const all = await listQuizzes(db);
    // One update, so the screen goes straight from the last question to the results.
    batch(() => {
      setRecord(done);
      setUnfinished(null);
      setHistory(all.filter((q) => q.finishedAt !== undefined));
      setPhase('results');
    });
  };

  /** A typed answer as a review of its card, when the setting asks for it. */
  const review = async (db: AppDatabase, question: QuizQuestion, correct: boolean) => {
    if (!collection.settings().countQuizAsReviews || question.type !== 'typed') return;
    const card = await getCard(db, question.cardId);
    if (!card || card.kind === 'mcq') return;
    const at = now();
    const grade = correct ? Grade.Good : Grade.Again;
    const scheduler = makeScheduler({ ...collection.settings(), timeZone: timeZone() });
    const result = scheduler.gradeCard(card, grade, at);
    const log = makeReviewLog(card, grade, at, newLogId(at));
    const outcome = await commitGrade(db, {
      card: { id: card.id, fsrs: result.fsrs },
      log,
      leechThreshold: collection.settings().leechThreshold,
    });
    if (outcome.status === 'committed') collection.changed('cards', [card.id]);
  };

  const load = async () => {
    try {
      const db = await collection.db();
      const [open, all] = await Promise.all([unfinishedQuiz(db), listQuizzes(db)]);
      setUnfinished(open ?? null);
      setHistory(all.filter((q) => q.finishedAt !== undefined));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const finish = () =>
    run(async () => {
      const quiz = record();
      if (!quiz || phase() === 'results') return;
      await results(stopClock(quiz));
    });

  return {
    phase,
    record,
    index,
    question,
    answer,
    elapsed,
    unfinished,
    history,
    busy,
    error,
    load,
    start: (setup) =>
      run(async () => {
        const db = await collection.db();
        const at = now();
        const questions = buildQuiz(await cardsFor(collection, db, setup), setup, at, newSeed());
        if (questions.length === 0) {
          setError(
            setup.selection === 'due-by'
              ? 'No cards of this choice are due by the exam day. Choose other decks, tags or a later date.'
              : 'No cards match this choice. Choose other decks, tags or question types.',
          );
          return;
        }
        // A new quiz replaces one left unfinished.
        const old = unfinished();
        if (old) await deleteQuiz(db, old.id);
        setUnfinished(null);
        const quiz: QuizRecord = {
          id: `quiz-${newLogId(at)}`,
          startedAt: at.getTime(),
          setup,
          questions,
          answers: [],
          elapsedMs: 0,
        };
        await store(quiz);
        showQuestion();
      }),
    resume: () =>
      run(async () => {
        const quiz = unfinished();
        if (!quiz) return;
        setRecord(quiz);
        setUnfinished(null);
        if (quiz.answers.length >= quiz.questions.length) await results(quiz);
        else showQuestion();
      }),
    discard: () =>
      run(async () => {
        const quiz = unfinished();
        if (!quiz) return;
        await deleteQuiz(await collection.db(), quiz.id);
        setUnfinished(null);
      }),
    submit: (given) =>
      run(async () => {
        const quiz = record();
        const current = question();
        if (!quiz || !current || phase() !== 'question') return;
        const checked = checkAnswer(current, given);
        const db = await collection.db();
        const next = stopClock({ ...quiz, answers: [...quiz.answers, checked] });
        // Saved before anything else, so a quiz closed right now resumes after this answer.
        await saveQuiz(db, next);
        await review(db, current, checked.correct);
        if (next.setup.feedback === 'end' && next.answers.length >= next.questions.length) {
          await results(next);
          return;
        }
        // The answer and the next phase in one update: the screen never shows the next question early.
        batch(() => {
          setRecord(next);
          if (next.setup.feedback === 'each') setPhase('feedback');
          else showQuestion();
        });
      }),
    next: () =>
      run(async () => {
        const quiz = record();
        if (!quiz || phase() !== 'feedback') return;
        if (quiz.answers.length >= quiz.questions.length) await results(stopClock(quiz));
        else {
          await store(stopClock(quiz));
          showQuestion();
        }
      }),
    finish,
    restart() {
      setRecord(null);
      shownAt = null;
      setPhase('setup');
      void load();
    },
  };
}
