/**
 * A synthetic heavy collection for the browser benchmark (issue 9): decks, cards in every FSRS state and
 * years of review logs, built with the app's own record functions (`makeCardRecord`, `withIndexKeys`) so
 * the seeded database holds what the app itself writes.
 *
 * Everything is a pure function of the parameters, the anchor time and an index: card `i` is always the
 * same card, so cards and logs can be generated (and written) in chunks without keeping 2M records in memory.
 * Text lengths follow the built-in decks (front ~90 characters, back ~55, a cited source ~160 bytes).
 */
import { makeCardRecord, withIndexKeys } from '../src/domain/card-record';
import { DECK_FORMAT, DECK_FORMAT_VERSION, type DeckCard, type DeckFile } from '../src/domain/deck-format';
import { makeReviewLog } from '../src/domain/review-log';
import { newFsrsCard } from '../src/domain/scheduler';
import {
  CardState,
  Grade,
  type CardRecord,
  type DeckRecord,
  type FsrsCard,
  type ReviewLogRecord,
} from '../src/domain/types';

export interface CollectionParams {
  cards: number;
  decks: number;
  logs: number;
  /** Review cards already overdue at the anchor time, spread over all decks. */
  backlog: number;
  /** Years of history the logs are spread over. */
  historyYears: number;
}

/** The collection of issue 9: a heavy user's. */
export const HEAVY: CollectionParams = {
  cards: 150_000,
  decks: 20,
  logs: 2_000_000,
  backlog: 20_000,
  historyYears: 3,
};

/** The smoke test's collection: the same shape, tiny. */
export const TINY: CollectionParams = { cards: 200, decks: 20, logs: 2_000, backlog: 30, historyYears: 3 };

/** Bumped whenever the generated records change, so a cached seeded profile is not reused. */
export const GENERATOR_VERSION = 1;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Shares of the collection by state (the rest, after the backlog, are reviews due in the coming year). */
const SHARE = { new: 0.3, learning: 0.0005, relearning: 0.0005, suspended: 0.03, buried: 0.01 } as const;

/** A fast, seedable PRNG (mulberry32): `rand(i, salt)` is the same number for the same card every run. */
function rand(i: number, salt: number): number {
  let t = (Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(salt, 0xc2b2ae35)) | 0;
  t = (t + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const WORDS =
  'tumour sarcoma metastasis brain radiotherapy resection survival median months patients cohort osteosarcoma leiomyosarcoma angiosarcoma rhabdomyosarcoma chemotherapy stereotactic whole lesion haemorrhage imaging contrast frequency incidence prognosis interval diagnosis primary pulmonary mutation pathway receptor expression'.split(
    ' ',
  );

/** Words of filler text of about `length` characters, the same for the same (i, salt). */
function text(i: number, salt: number, length: number): string {
  const out: string[] = [];
  let size = 0;
  for (let k = 0; size < length; k++) {
    const word = WORDS[Math.floor(rand(i * 31 + k, salt) * WORDS.length)] ?? 'sarcoma';
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ');
}

export const deckId = (d: number): string => `heavy-${String(d + 1).padStart(2, '0')}`;

/** The deck records (not built-in: they stand for decks a user imported). */
export function makeDecks(params: CollectionParams, now: Date): DeckRecord[] {
  const perDeck = Math.ceil(params.cards / params.decks);
  return Array.from({ length: params.decks }, (_, d) => ({
    id: deckId(d),
    title: `Heavy deck ${String(d + 1).padStart(2, '0')}`,
    description: 'Synthetic deck of the performance benchmark.',
    language: 'en',
    tags: ['bench'],
    topic: 'Benchmark',
    builtIn: false,
    hash: `bench${GENERATOR_VERSION}${String(d).padStart(3, '0')}`,
    cardCount: perDeck,
    importedAt: now.getTime() - params.historyYears * 365 * DAY,
    updatedAt: now.getTime() - params.historyYears * 365 * DAY,
  }));
}

/** The deck card (content) of card `i`: deck `i % decks`, position `i / decks`, two cards per fact. */
function deckCardAt(params: CollectionParams, i: number): { deck: string; card: DeckCard; position: number } {
  const deck = deckId(i % params.decks);
  const position = Math.floor(i / params.decks);
  const fact = Math.floor(position / 2);
  const kind = position % 2 === 0 ? 'qa' : 'cloze';
  const card: DeckCard = {
    id: `${deck}-${position}:${kind}`,
    factId: `${deck}-f${fact}`,
    kind,
    front: `Card ${i}: ${text(i, 1, 80)}?`,
    back: text(i, 2, 55),
    tags: ['bench', `topic-${fact % 12}`],
    source: {
      section: `${(fact % 9) + 1}. ${text(fact, 3, 18)}`,
      refs: [(fact % 90) + 1, (fact % 37) + 3],
      quote: text(fact, 4, 95),
    },
  };
  return { deck, card, position };
}

type Kind = 'new' | 'learning' | 'relearning' | 'suspended' | 'buried' | 'backlog' | 'future';

/** Which state card `i` is in; shares as in `SHARE`, with `backlog` overdue reviews on average. */
export function kindOf(params: CollectionParams, i: number): Kind {
  let r = rand(i, 11);
  for (const kind of ['new', 'learning', 'relearning', 'suspended', 'buried'] as const) {
    if (r < SHARE[kind]) return kind;
    r -= SHARE[kind];
  }
  return r < params.backlog / params.cards ? 'backlog' : 'future';
}

/** A studied FSRS card in `state`, due at `due`, last reviewed `interval` days before. */
function studied(i: number, state: CardState, due: number, intervalDays: number): FsrsCard {
  const reps = 3 + Math.floor(rand(i, 21) * 30);
  return {
    due: new Date(due),
    stability: Math.max(0.1, intervalDays * (0.8 + rand(i, 22) * 0.5)),
    difficulty: 1 + rand(i, 23) * 9,
    elapsed_days: Math.round(intervalDays),
    scheduled_days: Math.round(intervalDays),
    learning_steps: state === CardState.Review ? 0 : 1,
    reps,
    lapses: Math.floor(rand(i, 24) * Math.min(reps, 6)),
    state,
    last_review: new Date(due - intervalDays * DAY),
  };
}

/**
 * Card `i` of the collection as it stands at `now`: its state and due date follow `kindOf`; reviews in the
 * backlog fell due in the last 60 days, the other reviews come due over the coming year (more of them soon),
 * learning cards around today, buried ones until the end of `dayEnd`.
 */
export function cardAt(params: CollectionParams, i: number, now: Date, dayEnd: number): CardRecord {
  const { deck, card, position } = deckCardAt(params, i);
  const addedAt = new Date(now.getTime() - params.historyYears * 365 * DAY);
  const base = makeCardRecord(deck, card, position, newFsrsCard(addedAt), addedAt);
  const t = now.getTime();
  const kind = kindOf(params, i);
  const interval = 1 + rand(i, 31) * 120;
  let fsrs: FsrsCard;
  switch (kind) {
    case 'new':
      return base;
    case 'learning':
    case 'relearning':
      fsrs = studied(
        i,
        kind === 'learning' ? CardState.Learning : CardState.Relearning,
        t - 3 * HOUR + rand(i, 32) * DAY,
        kind === 'learning' ? 0 : interval,
      );
      break;
    case 'backlog':
      fsrs = studied(i, CardState.Review, t - 1 - rand(i, 33) * 60 * DAY, interval);
      break;
    case 'future':
    case 'buried':
    case 'suspended':
      fsrs = studied(i, CardState.Review, t + 1 + 365 * DAY * rand(i, 34) ** 2, interval);
      break;
  }
  return withIndexKeys({
    ...base,
    fsrs,
    suspended: kind === 'suspended',
    buriedUntil: kind === 'buried' ? dayEnd : 0,
  });
}

/** Cards `from` to `to - 1`. */
export function cardsChunk(
  params: CollectionParams,
  from: number,
  to: number,
  now: Date,
  dayEnd: number,
): CardRecord[] {
  const out: CardRecord[] = [];
  for (let i = from; i < Math.min(to, params.cards); i++) out.push(cardAt(params, i, now, dayEnd));
  return out;
}

const GRADE_CUMULATIVE: readonly [number, Grade][] = [
  [0.1, Grade.Again],
  [0.2, Grade.Hard],
  [0.95, Grade.Good],
  [1, Grade.Easy],
];

/**
 * One review log, as the app writes it when `previous` is graded `grade` at `time`
 * (src/state/create-study-session.ts, through `makeReviewLog`). The only place the bench builds a log.
 */
export function makeSyntheticLog(
  id: string,
  previous: CardRecord,
  grade: Grade,
  time: number,
): ReviewLogRecord {
  // The app's own log shape (src/domain/review-log.ts): ids, time, grade and the state before, packed.
  return makeReviewLog(previous, grade, new Date(time), id);
}

/**
 * Log `k` of the collection. Logs are spread evenly over `historyYears` ending one minute before `before`
 * (the start of the study day, so none counts against today's limits), each on a studied card; the card
 * it embeds is that card as it was before the review.
 */
export function logAt(params: CollectionParams, k: number, now: Date, before: number): ReviewLogRecord {
  const span = params.historyYears * 365 * DAY;
  const time = Math.floor(before - MINUTE - span + ((k + rand(k, 41)) * span) / params.logs);
  // A prime stride spreads one card's logs over the years; new cards have no history, so skip them.
  let i = (k * 7919) % params.cards;
  for (let tries = 0; kindOf(params, i) === 'new' && tries < 50; tries++) i = (i + 1) % params.cards;
  const card = cardAt(params, i, now, 0);
  const r = rand(k, 42);
  const stateBefore =
    r < 0.05
      ? CardState.New
      : r < 0.12
        ? CardState.Learning
        : r < 0.15
          ? CardState.Relearning
          : CardState.Review;
  const interval = 1 + rand(k, 43) * 90;
  const previous = withIndexKeys({
    ...card,
    fsrs:
      stateBefore === CardState.New
        ? newFsrsCard(new Date(time - DAY))
        : studied(k, stateBefore, time - rand(k, 44) * DAY, interval),
  });
  const pick = rand(k, 45);
  const grade = GRADE_CUMULATIVE.find(([upTo]) => pick < upTo)?.[1] ?? Grade.Good;
  return makeSyntheticLog(`bench-log-${k}`, previous, grade, time);
}

/** Logs `from` to `to - 1`. */
export function logsChunk(
  params: CollectionParams,
  from: number,
  to: number,
  now: Date,
  before: number,
): ReviewLogRecord[] {
  const out: ReviewLogRecord[] = [];
  for (let k = from; k < Math.min(to, params.logs); k++) out.push(logAt(params, k, now, before));
  return out;
}

/** A deck file of `cards` cards (AnKing-sized: 43,000), as a user would import it. */
export function makeImportDeck(cards: number, id = 'import-bench'): DeckFile {
  const params: CollectionParams = { ...HEAVY, cards, decks: 1 };
  return {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id,
    title: 'Imported benchmark deck',
    description: 'A large deck file for the import benchmark.',
    language: 'en',
    tags: ['bench'],
    cards: Array.from({ length: cards }, (_, i) => {
      const { card } = deckCardAt(params, i);
      return { ...card, id: `${id}-${i}`, factId: `${id}-f${Math.floor(i / 2)}` };
    }),
  };
}

/** Expected number of cards of each kind, for reporting what was seeded. */
export function kindCounts(params: CollectionParams): Record<Kind, number> {
  const counts: Record<Kind, number> = {
    new: 0,
    learning: 0,
    relearning: 0,
    suspended: 0,
    buried: 0,
    backlog: 0,
    future: 0,
  };
  for (let i = 0; i < params.cards; i++) counts[kindOf(params, i)] += 1;
  return counts;
}
