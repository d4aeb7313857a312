/**
 * The daily study queue, as pure functions over card and log records.
 *
 * Order: learning cards that are due come first; then reviews and new cards are interleaved so that new
 * cards are spread evenly among the reviews, under the daily limits. When nothing else is left, learning
 * cards due within the learn-ahead window are shown early (as Anki does). Siblings (cards of the same fact)
 * are buried for the rest of the day once one of them has been answered.
 */
import type { StudyDay } from './day';
import { stateBefore } from './review-log';
import { CardState, type CardRecord, type DeckRecord, type ReviewLogRecord } from './types';

/** Anki's default "learn ahead limit": learning cards due this soon may be shown when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

export interface QueueInput {
  now: number;
  day: StudyDay;
  /** Cards from the `by-due` index due before the end of the study day (learning, review, relearning). */
  dueCards: readonly CardRecord[];
  /** New cards from the `by-new` index, in deck order. */
  newCards: readonly CardRecord[];
  /** Review logs since the start of the study day. */
  todayLogs: readonly ReviewLogRecord[];
  limits: QueueLimits;
  /** Restrict to these decks; all decks when absent. */
  deckIds?: ReadonlySet<string>;
  /** Restrict further to the cards this accepts (an exam's decks and tags). */
  include?: (card: CardRecord) => boolean;
  /** Review cards that may be studied today although due later (an exam's final pass). */
  early?: ReadonlySet<string>;
  learnAheadMs?: number;
  /**
   * The key reviews are shown by, lowest first (`reviewSortKey` in review-order.ts, which the study code
   * loads only for an order other than due date, so Home never loads ts-fsrs); due date when absent.
   */
  reviewKey?: (card: CardRecord) => number;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface StudyQueue {
  /** The card to show now, or null when nothing can be studied now. */
  next: CardRecord | null;
  counts: QueueCounts;
  /** When nothing is available now: the earliest time a learning card of today comes due, if any. */
  nextLearningAt: number | null;
  /** Which daily limit held cards back today: new cards or reviews that would be studied but for the limit. */
  limited: { new: boolean; review: boolean };
}

const isLearning = (card: CardRecord) =>
  card.fsrs.state === CardState.Learning || card.fsrs.state === CardState.Relearning;

/** How many new cards and reviews have been done today, counted from the logs (not from a counter that can drift). */
export function doneToday(todayLogs: readonly ReviewLogRecord[]): { newCards: number; reviews: number } {
  const newIds = new Set<string>();
  let reviews = 0;
  for (const log of todayLogs) {
    const before = stateBefore(log);
    if (before === CardState.New) newIds.add(log.cardId);
    else if (before === CardState.Review) reviews += 1;
  }
  return { newCards: newIds.size, reviews };
}

/** How many new cards and reviews today can still take, after what was done today. */
export function roomLeft(
  limits: QueueLimits,
  done: { newCards: number; reviews: number },
): { newRoom: number; reviewRoom: number } {
  return {
    newRoom: Math.max(0, limits.newPerDay - done.newCards),
    reviewRoom: Math.max(0, limits.reviewsPerDay - done.reviews),
  };
}

/** Facts answered today, each with the cards of it that were answered. */
function answeredFacts(todayLogs: readonly ReviewLogRecord[]): Map<string, Set<string>> {
  const facts = new Map<string, Set<string>>();
  for (const log of todayLogs) {
    const cards = facts.get(log.factId) ?? new Set<string>();
    cards.add(log.cardId);
    facts.set(log.factId, cards);
  }
  return facts;
}

/** True when a sibling of the card (same fact, other card) was answered today. */
function siblingAnswered(card: CardRecord, facts: Map<string, Set<string>>): boolean {
  const answered = facts.get(card.factId);
  if (!answered) return false;
  for (const id of answered) if (id !== card.id) return true;
  return false;
}

/**
 * The day's queue being built: learning cards and the reviews that fit today's room are fixed first; new
 * cards are then admitted one by one (`admitNewCard`) while there is room, so a caller can page through
 * the `by-new` index until the day is full instead of reading a fixed window.
 */
export interface DayPlan {
  readonly now: number;
  readonly learnAhead: number;
  readonly learningNow: CardRecord[];
  readonly learningLater: CardRecord[];
  readonly reviews: CardRecord[];
  readonly newCards: CardRecord[];
  readonly done: { newCards: number; reviews: number };
  /** How many new cards today can still take. */
  readonly newRoom: number;
  /** How many reviews today can still take. */
  readonly reviewRoom: number;
  /** Facts that already have a card in today's queue (or were answered today). */
  readonly factsInQueue: Set<string>;
  readonly eligible: (card: CardRecord) => boolean;
  reviewLimited: boolean;
  newLimited: boolean;
}

/** Plans the day from the due cards and today's logs; new cards are added with `admitNewCard`. */
export function planDay(input: Omit<QueueInput, 'newCards'>): DayPlan {
  const { now, day, limits } = input;
  const facts = answeredFacts(input.todayLogs);
  const studyable = (card: CardRecord) =>
    !card.suspended &&
    card.kind !== 'mcq' &&
    card.buriedUntil <= now &&
    (!input.deckIds || input.deckIds.has(card.deckId)) &&
    (!input.include || input.include(card));
  // As in Anki, answering a card buries its new and review siblings; a learning card keeps its steps.
  const eligible = (card: CardRecord) =>
    studyable(card) && (isLearning(card) || !siblingAnswered(card, facts));

  const done = doneToday(input.todayLogs);
  const { newRoom, reviewRoom } = roomLeft(limits, done);
  const plan: DayPlan = {
    now,
    learnAhead: input.learnAheadMs ?? LEARN_AHEAD_MS,
    learningNow: [],
    learningLater: [],
    reviews: [],
    newCards: [],
    done,
    newRoom,
    reviewRoom,
    // One card per fact in the day's queue: answering it buries the others anyway.
    factsInQueue: new Set(),
    eligible,
    reviewLimited: false,
    newLimited: false,
  };
  // Learning cards by due; reviews in the chosen order (learning and review cards go to separate lists,
  // so how the two keys compare with each other does not matter).
  const reviewKey = input.reviewKey ?? ((card: CardRecord) => card.fsrs.due.getTime());
  const sorted = sortByKey(input.dueCards, (card) =>
    isLearning(card) ? card.fsrs.due.getTime() : reviewKey(card),
  );
  for (const card of sorted) {
    if (!eligible(card)) continue;
    const due = card.fsrs.due.getTime();
    if (isLearning(card)) {
      if (due <= now) plan.learningNow.push(card);
      else if (due < day.end) plan.learningLater.push(card);
    } else if (
      card.fsrs.state === CardState.Review &&
      (due < day.end || input.early?.has(card.id)) &&
      !plan.factsInQueue.has(card.factId)
    ) {
      // Only the reviews that fit today's room reserve their fact: the rest wait for another day, so their
      // new siblings may be studied today.
      if (plan.reviews.length >= reviewRoom) {
        plan.reviewLimited = true;
        continue;
      }
      plan.reviews.push(card);
      plan.factsInQueue.add(card.factId);
    }
  }
  return plan;
}

/**
 * Offers a new card to the plan: it is taken when it is a studyable new card of a fact not yet in today's
 * queue and there is room. Returns false once the room is full (the caller can stop reading).
 */
function admitNewCard(plan: DayPlan, card: CardRecord): boolean {
  if (card.fsrs.state !== CardState.New || !plan.eligible(card) || plan.factsInQueue.has(card.factId)) {
    return plan.newCards.length < plan.newRoom;
  }
  if (plan.newCards.length >= plan.newRoom) {
    plan.newLimited = true;
    return false;
  }
  plan.newCards.push(card);
  plan.factsInQueue.add(card.factId);
  return true;
}

/** The queue of a finished plan: counts and the card to show now. */
function finishQueue(plan: DayPlan): StudyQueue {
  const { learningNow, learningLater, reviews, newCards } = plan;
  const counts: QueueCounts = {
    new: newCards.length,
    learning: learningNow.length + learningLater.length,
    review: reviews.length,
  };
  let next: CardRecord | null = learningNow[0] ?? null;
  if (!next) next = pickInterleaved(reviews, newCards, plan.done);
  if (!next) {
    const ahead = learningLater[0];
    if (ahead && ahead.fsrs.due.getTime() <= plan.now + plan.learnAhead) next = ahead;
  }
  const nextLearningAt = next ? null : (learningLater[0]?.fsrs.due.getTime() ?? null);
  return { next, counts, nextLearningAt, limited: { new: plan.newLimited, review: plan.reviewLimited } };
}

/** Builds the queue and picks the next card. */
export function buildQueue(input: QueueInput): StudyQueue {
  const plan = planDay(input);
  for (const card of input.newCards) {
    if (!admitNewCard(plan, card) && plan.newLimited) break;
  }
  return finishQueue(plan);
}

/**
 * Spreads new cards evenly among reviews: a new card comes next when the share of new cards done today
 * is below the share of new cards among what is left.
 */
function pickInterleaved(
  reviews: readonly CardRecord[],
  newCards: readonly CardRecord[],
  done: { newCards: number; reviews: number },
): CardRecord | null {
  const r = reviews.length;
  const n = newCards.length;
  if (n === 0) return reviews[0] ?? null;
  if (r === 0) return newCards[0] ?? null;
  const doneTotal = done.newCards + done.reviews;
  const doneShare = doneTotal === 0 ? 0 : done.newCards / doneTotal;
  return doneShare < n / (n + r) ? (newCards[0] ?? null) : (reviews[0] ?? null);
}

/** The cards sorted by `key` (computed once per card), ties broken by id so the order is stable. */
export function sortByKey(cards: readonly CardRecord[], key: (card: CardRecord) => number): CardRecord[] {
  const keys = new Map(cards.map((card) => [card, key(card)] as const));
  return [...cards].sort((a, b) => keys.get(a)! - keys.get(b)! || compareIds(a, b));
}

const compareIds = (a: CardRecord, b: CardRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The `limit` review candidates with the lowest key, at most one per fact (the lowest of each), out of
 * cards offered one at a time: for reading a whole backlog a page at a time while holding no more than
 * `limit` cards, whatever its size.
 */
export interface ReviewSelection {
  /** Offers a card that may be studied today. */
  offer(card: CardRecord): void;
  /** The cards kept, lowest key first. */
  cards(): CardRecord[];
  /** True when every card offered (one per fact) was kept: nothing was left out for lack of room. */
  complete(): boolean;
}

export function selectLowest(limit: number, key: (card: CardRecord) => number): ReviewSelection {
  /** Kept entries, sorted by key then id. */
  const kept: { card: CardRecord; key: number }[] = [];
  const byFact = new Map<string, { card: CardRecord; key: number }>();
  let dropped = false;
  const before = (a: { card: CardRecord; key: number }, b: { card: CardRecord; key: number }) =>
    a.key < b.key || (a.key === b.key && compareIds(a.card, b.card) < 0);
  const insert = (entry: { card: CardRecord; key: number }) => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(kept[mid]!, entry)) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, entry);
    byFact.set(entry.card.factId, entry);
  };
  const remove = (entry: { card: CardRecord; key: number }) => {
    kept.splice(kept.indexOf(entry), 1);
    byFact.delete(entry.card.factId);
  };
  return {
    offer(card) {
      const entry = { card, key: key(card) };
      const sibling = byFact.get(card.factId);
      if (sibling) {
        // One card per fact: the sibling with the lower key stands for it.
        if (before(entry, sibling)) {
          remove(sibling);
          insert(entry);
        }
        return;
      }
      if (kept.length < limit) {
        insert(entry);
        return;
      }
      dropped = true;
      const last = kept.at(-1);
      if (last && before(entry, last)) {
        remove(last);
        insert(entry);
      }
    },
    cards: () => kept.map((entry) => entry.card),
    complete: () => !dropped,
  };
}

/** The ids of the decks in daily study, or null when that is every deck (no filter needed). */
export function dailyDeckIds(decks: readonly DeckRecord[]): ReadonlySet<string> | null {
  return decks.some((deck) => deck.paused) ? new Set(decks.filter((d) => !d.paused).map((d) => d.id)) : null;
}
