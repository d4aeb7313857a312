/**
 * Quiz mode: picking the cards of a quiz, turning them into questions, checking answers, scoring and the
 * per-topic breakdown. Pure: the time and the random seed are parameters, so a quiz is reproducible.
 *
 * Multiple-choice and true/false questions come from the generated multiple-choice items (their options are
 * the correct answer and wrong answers of the same fact family, never another correct one); typed answers
 * come from question/answer cards. A quiz changes no card: see create-quiz.ts for the optional review.
 */
import { matchAnswer } from './answer-match';
import { retrievabilityAt } from './scheduler';
import type { CardRecord } from './types';

export const QUESTION_TYPES = ['mcq', 'true-false', 'typed'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  mcq: 'Multiple choice',
  'true-false': 'True or false',
  typed: 'Typed answer',
};

export const QUIZ_SELECTIONS = ['random', 'weakest', 'due-by'] as const;
export type QuizSelection = (typeof QUIZ_SELECTIONS)[number];

export const QUESTION_COUNTS = [10, 20, 50, 'all'] as const;
export type QuestionCount = (typeof QUESTION_COUNTS)[number];

/** What the learner chose on the setup screen. */
export interface QuizSetup {
  /** Decks to draw from; empty: every deck. */
  deckIds: string[];
  /** A card must carry at least one of these tags; empty: any card. */
  tags: string[];
  count: QuestionCount;
  types: QuestionType[];
  /** Minutes, or null for no limit. */
  timeLimit: number | null;
  selection: QuizSelection;
  /** For `due-by`: epoch ms of the end of the exam day; cards due on or before it are asked. */
  examDate: number | null;
  /** `each`: right or wrong after each question; `end`: only on the results (exam style). */
  feedback: 'each' | 'end';
}

/** The setup screen's starting choice: every deck, 10 questions of every type, random, feedback each time. */
export const DEFAULT_QUIZ_SETUP: QuizSetup = {
  deckIds: [],
  tags: [],
  count: 10,
  types: ['mcq', 'true-false', 'typed'],
  timeLimit: null,
  selection: 'random',
  examDate: null,
  feedback: 'each',
};

export interface QuizQuestion {
  /** Unique within the quiz: the card id and the question type. */
  id: string;
  cardId: string;
  factId: string;
  deckId: string;
  type: QuestionType;
  /** The question, without the "Choose one: " prefix of the generated items. */
  prompt: string;
  /** Multiple choice: the options in the order shown; true/false: the statement's proposed answer. */
  options: string[];
  /** For true/false, the proposed answer to judge. */
  statement?: string;
  /** Multiple choice: index into `options`; true/false: 0 for true, 1 for false. Typed: -1. */
  answerIndex: number;
  /** The right answer as the learner should read it. */
  answerText: string;
}

export interface QuizAnswer {
  questionId: string;
  /** Multiple choice and true/false: the chosen index as text; typed: the text typed. */
  given: string;
  correct: boolean;
}

/**
 * A quiz as stored in the `quizzes` store: saved after every answer while it runs (so an interrupted quiz
 * resumes where it stopped), and kept once finished for the trend across quizzes.
 */
export interface QuizRecord {
  id: string;
  /** Epoch ms when the quiz began; index `by-time`. */
  startedAt: number;
  /** Epoch ms when it was finished; absent while it is in progress. */
  finishedAt?: number;
  setup: QuizSetup;
  questions: QuizQuestion[];
  /** One answer per answered question, in order. */
  answers: QuizAnswer[];
  /** Time spent answering, in ms (a quiz left closed does not count down). */
  elapsedMs: number;
}

export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;

/** The prefix the deck generator puts before a multiple-choice item's question. */
const MCQ_PREFIX = 'Choose one: ';

/** A small seeded random generator (mulberry32): the same seed gives the same sequence, 0 <= n < 1. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A shuffled copy of `items` (Fisher-Yates with the given generator). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** True when a multiple-choice item can be asked: one correct option and at least one distinct wrong one. */
function askable(
  card: CardRecord,
): card is CardRecord & { choices: { options: string[]; answer: number[] } } {
  const choices = card.choices;
  return (
    card.kind === 'mcq' &&
    choices !== undefined &&
    choices.answer.length === 1 &&
    choices.options[choices.answer[0]!] !== undefined &&
    new Set(choices.options).size === choices.options.length &&
    choices.options.length >= 2
  );
}

/** The question types a card can give, among the wanted ones. */
function typesOf(card: CardRecord, types: ReadonlySet<QuestionType>): QuestionType[] {
  if (askable(card)) return (['mcq', 'true-false'] as const).filter((type) => types.has(type));
  if (card.kind === 'qa' && types.has('typed')) return ['typed'];
  return [];
}

/** The cards a quiz may ask: in the chosen decks, with one of the chosen tags, not suspended. */
export function quizCandidates(cards: readonly CardRecord[], setup: QuizSetup): CardRecord[] {
  const decks = new Set(setup.deckIds);
  const tags = new Set(setup.tags);
  const types = new Set(setup.types);
  return cards.filter(
    (card) =>
      !card.suspended &&
      (decks.size === 0 || decks.has(card.deckId)) &&
      (tags.size === 0 || card.tags.some((tag) => tags.has(tag))) &&
      typesOf(card, types).length > 0,
  );
}

/**
 * How well each fact is known now: the lowest retrievability of its studyable cards (0 for a fact never
 * studied). Multiple-choice items are not scheduled, so they take the value of their fact.
 */
function factStrength(cards: readonly CardRecord[], at: Date): Map<string, number> {
  const strength = new Map<string, number>();
  for (const card of cards) {
    if (card.kind === 'mcq') continue;
    const r = retrievabilityAt(card.fsrs, at);
    strength.set(card.factId, Math.min(strength.get(card.factId) ?? 1, r));
  }
  return strength;
}

/** When each fact comes due: the earliest due date of its studyable cards (epoch ms). */
function factDue(cards: readonly CardRecord[]): Map<string, number> {
  const due = new Map<string, number>();
  for (const card of cards) {
    if (card.kind === 'mcq' || card.suspended) continue;
    const at = card.fsrs.due.getTime();
    due.set(card.factId, Math.min(due.get(card.factId) ?? Infinity, at));
  }
  return due;
}

/** A question of the given type from a card. */
export function makeQuestion(card: CardRecord, type: QuestionType, random: () => number): QuizQuestion {
  const base = { id: `${card.id}#${type}`, cardId: card.id, factId: card.factId, deckId: card.deckId, type };
  const prompt = card.front.startsWith(MCQ_PREFIX) ? card.front.slice(MCQ_PREFIX.length) : card.front;
  if (type === 'typed') return { ...base, prompt, options: [], answerIndex: -1, answerText: card.back };
  if (!askable(card)) throw new Error(`Card ${card.id} has no multiple-choice options.`);
  const correct = card.choices.options[card.choices.answer[0]!]!;
  // Distractors are the item's own wrong options: the generator drew them from the same fact family and
  // checked that none is correct.
  const wrong = card.choices.options.filter((option) => option !== correct);
  if (type === 'mcq') {
    const options = shuffled([correct, ...wrong], random);
    return { ...base, prompt, options, answerIndex: options.indexOf(correct), answerText: correct };
  }
  const isTrue = random() < 0.5;
  const statement = isTrue ? correct : wrong[Math.floor(random() * wrong.length)]!;
  return {
    ...base,
    prompt,
    options: [...TRUE_FALSE_OPTIONS],
    statement,
    answerIndex: isTrue ? 0 : 1,
    answerText: isTrue ? `True: ${correct}` : `False: the answer is ${correct}`,
  };
}

/**
 * The questions of a quiz: the candidate cards (see quizCandidates) ordered by the selection (random; the
 * weakest facts first, by retrievability at `at`; or only facts due by the exam day, earliest first), one
 * question per card, of a type drawn among those the card can give, at most `count`. `allCards` are the
 * cards the strength and due dates are read from (a multiple-choice item takes them from its fact's cards).
 */
export function buildQuiz(
  allCards: readonly CardRecord[],
  setup: QuizSetup,
  at: Date,
  seed: number,
): QuizQuestion[] {
  const random = makeRandom(seed);
  const wanted = new Set(setup.types);
  let cards = shuffled(quizCandidates(allCards, setup), random);
  if (setup.selection === 'weakest') {
    const strength = factStrength(allCards, at);
    const of = (card: CardRecord) => strength.get(card.factId) ?? 0;
    // A stable sort keeps the shuffled order among equally weak facts.
    cards.sort((a, b) => of(a) - of(b));
  } else if (setup.selection === 'due-by') {
    const due = factDue(allCards);
    const until = setup.examDate ?? at.getTime();
    cards = cards.filter((card) => (due.get(card.factId) ?? Infinity) <= until);
    cards.sort((a, b) => due.get(a.factId)! - due.get(b.factId)!);
  }
  const limit = setup.count === 'all' ? cards.length : setup.count;
  return cards.slice(0, limit).map((card) => {
    const types = typesOf(card, wanted);
    const type = types[Math.floor(random() * types.length)]!;
    return makeQuestion(card, type, random);
  });
}

/** Checks an answer: the chosen option's index, or a typed text matched tolerantly (answer-match.ts). */
export function checkAnswer(question: QuizQuestion, given: string): QuizAnswer {
  const correct =
    question.type === 'typed'
      ? matchAnswer(given, question.answerText)
      : given.trim() !== '' && Number(given) === question.answerIndex;
  return { questionId: question.id, given, correct };
}

export interface QuizScore {
  correct: number;
  total: number;
  /** Whole percent, 0 when there were no questions. */
  percent: number;
}

/** The score: answers marked correct out of all questions (an unanswered question counts as missed). */
export function scoreQuiz(questions: readonly QuizQuestion[], answers: readonly QuizAnswer[]): QuizScore {
  const ids = new Set(questions.map((q) => q.id));
  const correct = answers.filter((a) => a.correct && ids.has(a.questionId)).length;
  const total = questions.length;
  return { correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
}

export interface TopicScore extends QuizScore {
  topic: string;
}

/**
 * The score per topic, in the order topics first appear in the quiz. `topicOf` names a deck's topic (its
 * `topic`, or its title when it has none).
 */
export function topicBreakdown(
  questions: readonly QuizQuestion[],
  answers: readonly QuizAnswer[],
  topicOf: (deckId: string) => string,
): TopicScore[] {
  const right = new Set(answers.filter((a) => a.correct).map((a) => a.questionId));
  const topics = new Map<string, { correct: number; total: number }>();
  for (const question of questions) {
    const topic = topicOf(question.deckId);
    const entry = topics.get(topic) ?? { correct: 0, total: 0 };
    entry.total += 1;
    if (right.has(question.id)) entry.correct += 1;
    topics.set(topic, entry);
  }
  return [...topics].map(([topic, { correct, total }]) => ({
    topic,
    correct,
    total,
    percent: Math.round((correct / total) * 100),
  }));
}

/** The questions answered wrongly or not at all, in quiz order. */
export function missedQuestions(
  questions: readonly QuizQuestion[],
  answers: readonly QuizAnswer[],
): QuizQuestion[] {
  const right = new Set(answers.filter((a) => a.correct).map((a) => a.questionId));
  return questions.filter((q) => !right.has(q.id));
}

/**
 * The cards to study for missed questions: a typed question's own card; for a multiple-choice or
 * true/false item (never scheduled), the studyable cards of the same fact. Each card once, in quiz order.
 */
export function cardsToStudy(missed: readonly QuizQuestion[], cards: readonly CardRecord[]): string[] {
  const out = new Set<string>();
  for (const question of missed) {
    if (question.type === 'typed') {
      out.add(question.cardId);
      continue;
    }
    for (const card of cards)
      if (card.factId === question.factId && card.kind !== 'mcq' && !card.suspended) out.add(card.id);
  }
  return [...out];
}
