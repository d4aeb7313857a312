import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCardRecord, withIndexKeys } from '../../src/domain/card-record';
import type { DeckCard } from '../../src/domain/deck-format';
import {
  buildQuiz,
  DEFAULT_QUIZ_SETUP,
  cardsToStudy,
  checkAnswer,
  makeQuestion,
  makeRandom,
  missedQuestions,
  scoreQuiz,
  shuffled,
  topicBreakdown,
  type QuizAnswer,
  type QuizSetup,
} from '../../src/domain/quiz';
import { makeScheduler, newFsrsCard, retrievabilityAt } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, Grade, type CardRecord } from '../../src/domain/types';
import { DAY, NOW } from './fixtures';

const SETUP: QuizSetup = { ...DEFAULT_QUIZ_SETUP, count: 'all' };

function record(
  deckId: string,
  card: Omit<DeckCard, 'tags'> & { tags?: string[] },
  rank: number,
): CardRecord {
  return makeCardRecord(deckId, { tags: [], ...card }, rank, newFsrsCard(NOW), NOW);
}

/** Fact n of a deck: a qa card and a multiple-choice item with four options (answer "right n"). */
function fact(deckId: string, n: number, tags: string[] = []): CardRecord[] {
  const factId = `${deckId}.f${n}`;
  return [
    record(deckId, { id: `${factId}:qa`, factId, kind: 'qa', front: `Q${n}?`, back: `A${n}.`, tags }, n * 2),
    record(
      deckId,
      {
        id: `${factId}:mcq`,
        factId,
        kind: 'mcq',
        front: `Choose one: Q${n}?`,
        back: `right ${n}`,
        tags,
        choices: { options: [`wrong ${n}a`, `right ${n}`, `wrong ${n}b`, `wrong ${n}c`], answer: [1] },
      },
      n * 2 + 1,
    ),
  ];
}

const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });
function graded(card: CardRecord, grade: Grade, at: Date): CardRecord {
  return withIndexKeys({ ...card, fsrs: scheduler.gradeCard(card, grade, at).fsrs });
}

const ALPHA = [0, 1, 2, 3, 4].flatMap((n) => fact('alpha', n, n < 2 ? ['lung'] : ['bone']));
const BETA = [0, 1, 2].flatMap((n) => fact('beta', n));
const ALL = [...ALPHA, ...BETA];

describe('buildQuiz: which cards', () => {
  it('asks only cards of the chosen decks and tags, one question per card', () => {
    const quiz = buildQuiz(ALL, { ...SETUP, deckIds: ['alpha'], tags: ['lung'] }, NOW, 1);
    expect(quiz.map((q) => q.cardId).sort()).toEqual([
      'alpha.f0:mcq',
      'alpha.f0:qa',
      'alpha.f1:mcq',
      'alpha.f1:qa',
    ]);
    expect(new Set(quiz.map((q) => q.id)).size).toBe(quiz.length);
  });

  it('asks at most the chosen number of questions, of the chosen types only', () => {
    const quiz = buildQuiz(ALL, { ...SETUP, count: 10, types: ['mcq'] }, NOW, 7);
    expect(quiz).toHaveLength(8);
    expect(quiz.every((q) => q.type === 'mcq')).toBe(true);
    expect(buildQuiz(ALL, { ...SETUP, count: 10 }, NOW, 7)).toHaveLength(10);
    const typed = buildQuiz(ALL, { ...SETUP, types: ['typed'] }, NOW, 7);
    expect(typed.every((q) => q.type === 'typed' && q.cardId.endsWith(':qa'))).toBe(true);
    expect(typed).toHaveLength(8);
  });

  it('leaves out suspended cards and cards no chosen type can ask (cloze)', () => {
    const cloze = record('alpha', { id: 'c', factId: 'c', kind: 'cloze', front: '{{c1::x}}', back: 'x' }, 99);
    const suspended = { ...ALPHA[0]!, suspended: true };
    const quiz = buildQuiz([suspended, cloze, ...ALPHA.slice(1)], SETUP, NOW, 3);
    expect(quiz.map((q) => q.cardId)).not.toContain('c');
    expect(quiz.map((q) => q.cardId)).not.toContain(suspended.id);
    expect(quiz).toHaveLength(ALPHA.length - 1);
  });

  it('is the same quiz for the same seed, and another order for another seed', () => {
    const a = buildQuiz(ALL, SETUP, NOW, 42);
    expect(buildQuiz(ALL, SETUP, NOW, 42)).toEqual(a);
    expect(buildQuiz(ALL, SETUP, NOW, 43).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });

  it('weakest first: facts never studied, then by lowest retrievability now', () => {
    // alpha.f0 studied Good long ago (weaker now), alpha.f1 Easy just now (strong); the rest never studied.
    const longAgo = new Date(NOW.getTime() - 40 * DAY);
    const cards = ALPHA.map((card) => {
      if (card.id === 'alpha.f0:qa') return graded(card, Grade.Good, longAgo);
      if (card.id === 'alpha.f1:qa') return graded(card, Grade.Easy, new Date(NOW.getTime() - DAY));
      return card;
    });
    const weak = retrievabilityAt(cards[0]!.fsrs, NOW);
    const strong = retrievabilityAt(cards[2]!.fsrs, NOW);
    expect(0 < weak && weak < strong && strong < 1).toBe(true);
    const quiz = buildQuiz(cards, { ...SETUP, selection: 'weakest' }, NOW, 5);
    const facts = quiz.map((q) => q.factId);
    expect(new Set(facts.slice(0, 6))).toEqual(new Set(['alpha.f2', 'alpha.f3', 'alpha.f4']));
    expect(facts.slice(6, 8)).toEqual(['alpha.f0', 'alpha.f0']);
    expect(facts.slice(8)).toEqual(['alpha.f1', 'alpha.f1']);
  });

  it('due by exam day: only facts due on or before the exam date, earliest first', () => {
    const cards = ALPHA.map((card) => {
      const n = Number(card.factId.slice(-1));
      // Studied facts due in n*3 days; mcq items take their fact's due date.
      return card.kind === 'qa'
        ? withIndexKeys({
            ...card,
            fsrs: {
              ...card.fsrs,
              state: 2,
              reps: 1,
              stability: 5,
              due: new Date(NOW.getTime() + n * 3 * DAY),
            },
          })
        : card;
    });
    const examDate = NOW.getTime() + 7 * DAY;
    const quiz = buildQuiz(cards, { ...SETUP, selection: 'due-by', examDate }, NOW, 9);
    expect(quiz.map((q) => q.factId)).toEqual([
      'alpha.f0',
      'alpha.f0',
      'alpha.f1',
      'alpha.f1',
      'alpha.f2',
      'alpha.f2',
    ]);
  });
});

describe('multiple choice and true/false questions', () => {
  const item = ALPHA[1]!;

  it('shows the item’s own options, shuffled by the seed, exactly one of them correct', () => {
    const question = makeQuestion(item, 'mcq', makeRandom(11));
    expect(question.prompt).toBe('Q0?');
    expect([...question.options].sort()).toEqual([...item.choices!.options].sort());
    expect(question.options[question.answerIndex]).toBe('right 0');
    expect(makeQuestion(item, 'mcq', makeRandom(11))).toEqual(question);
    const orders = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((s) => makeQuestion(item, 'mcq', makeRandom(s)).options.join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never offers another correct answer: distinct options, one right (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.integer(),
        (options, pick, seed) => {
          const answer = pick % options.length;
          const card = { ...item, choices: { options, answer: [answer] } };
          const mcq = makeQuestion(card, 'mcq', makeRandom(seed));
          expect(new Set(mcq.options).size).toBe(options.length);
          expect(mcq.options.filter((o) => o === options[answer])).toHaveLength(1);
          expect(mcq.options[mcq.answerIndex]).toBe(options[answer]);
          const tf = makeQuestion(card, 'true-false', makeRandom(seed));
          expect(options).toContain(tf.statement);
          expect(tf.answerIndex).toBe(tf.statement === options[answer] ? 0 : 1);
        },
      ),
    );
  });

  it('true/false pairs the stem with the right option or one of its wrong ones, both over seeds', () => {
    const questions = Array.from({ length: 40 }, (_, s) => makeQuestion(item, 'true-false', makeRandom(s)));
    expect(new Set(questions.map((q) => q.answerIndex))).toEqual(new Set([0, 1]));
    for (const q of questions) {
      expect(q.options).toEqual(['True', 'False']);
      expect(checkAnswer(q, String(q.answerIndex)).correct).toBe(true);
      expect(checkAnswer(q, String(1 - q.answerIndex)).correct).toBe(false);
    }
  });

  it('checks answers: the chosen index, or the typed text matched tolerantly', () => {
    const mcq = makeQuestion(item, 'mcq', makeRandom(2));
    expect(checkAnswer(mcq, String(mcq.answerIndex)).correct).toBe(true);
    expect(checkAnswer(mcq, String((mcq.answerIndex + 1) % 4)).correct).toBe(false);
    expect(checkAnswer(mcq, '').correct).toBe(false);
    const typed = makeQuestion(ALPHA[0]!, 'typed', makeRandom(2));
    expect(checkAnswer(typed, ' a0 ').correct).toBe(true);
    expect(checkAnswer(typed, 'A1').correct).toBe(false);
  });

  it('shuffles every permutation with a seeded generator, never with Math.random', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, s) => shuffled([1, 2, 3], makeRandom(s)).join('')));
    expect(seen).toEqual(new Set(['123', '132', '213', '231', '312', '321']));
  });
});

describe('scoring', () => {
  const quiz = buildQuiz(ALL, { ...SETUP, types: ['mcq'] }, NOW, 4);
  const answers: QuizAnswer[] = quiz.map((q) =>
    checkAnswer(q, String(q.deckId === 'alpha' ? q.answerIndex : -1)),
  );

  it('scores correct answers out of all questions, unanswered ones missed', () => {
    expect(scoreQuiz(quiz, answers)).toEqual({ correct: 5, total: 8, percent: 63 });
    expect(scoreQuiz(quiz, answers.slice(0, 2)).total).toBe(8);
    expect(scoreQuiz([], [])).toEqual({ correct: 0, total: 0, percent: 0 });
  });

  it('breaks the score down by topic', () => {
    const topic = (deckId: string) => (deckId === 'alpha' ? 'Pathology' : 'Biology');
    const breakdown = topicBreakdown(quiz, answers, topic);
    expect(breakdown.sort((a, b) => a.topic.localeCompare(b.topic))).toEqual([
      { topic: 'Biology', correct: 0, total: 3, percent: 0 },
      { topic: 'Pathology', correct: 5, total: 5, percent: 100 },
    ]);
  });

  it('maps missed items to the studyable cards of their fact', () => {
    const missed = missedQuestions(quiz, answers);
    expect(missed.map((q) => q.deckId)).toEqual(['beta', 'beta', 'beta']);
    expect(cardsToStudy(missed, ALL).sort()).toEqual(['beta.f0:qa', 'beta.f1:qa', 'beta.f2:qa']);
    const typed = makeQuestion(ALPHA[0]!, 'typed', makeRandom(1));
    expect(cardsToStudy([typed], ALL)).toEqual(['alpha.f0:qa']);
  });
});
