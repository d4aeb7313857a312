/**
 * The daily study queue, as pure functions over card and log records.
 *
 * Order: learning cards that are due come first; then reviews and new cards are interleaved so that new
 * cards are spread evenly among the reviews, under the daily limits. When nothing else is left, learning
 * cards due within the learn-ahead window are shown early (as Anki does). Siblings (cards of the same fact)
 * are buried for the rest of the day once one of them has been answered.
 */
import type { StudyDay } from './day';
import { CardState, type CardRecord, type ReviewLogRecord } from './types';

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
  learnAheadMs?: number;
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
}

const isLearning = (card: CardRecord) =>
  card.fsrs.state === CardState.Learning || card.fsrs.state === CardState.Relearning;

/** How many new cards and reviews have been done today, counted from the logs (not from a counter that can drift). */
export function doneToday(todayLogs: readonly ReviewLogRecord[]): { newCards: number; reviews: number } {
  const newIds = new Set<string>();
  let reviews = 0;
  for (const log of todayLogs) {
    if (log.stateBefore === CardState.New) newIds.add(log.cardId);
    else if (log.stateBefore === CardState.Review) reviews += 1;
  }
  return { newCards: newIds.size, reviews };
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

/** Builds the queue and picks the next card. */
export function buildQueue(input: QueueInput): StudyQueue {
  const { now, day, limits } = input;
  const learnAhead = input.learnAheadMs ?? LEARN_AHEAD_MS;
  const facts = answeredFacts(input.todayLogs);
  const eligible = (card: CardRecord) =>
    !card.suspended &&
    card.kind !== 'mcq' &&
    card.buriedUntil <= now &&
    (!input.deckIds || input.deckIds.has(card.deckId)) &&
    !siblingAnswered(card, facts);

  const learningNow: CardRecord[] = [];
  const learningLater: CardRecord[] = [];
  const reviews: CardRecord[] = [];
  // One card per fact in the day's queue: answering it buries the others anyway.
  const factsInQueue = new Set<string>();
  const sorted = [...input.dueCards].sort((a, b) => a.fsrs.due.getTime() - b.fsrs.due.getTime());
  for (const card of sorted) {
    if (!eligible(card)) continue;
    const due = card.fsrs.due.getTime();
    if (isLearning(card)) {
      if (due <= now) learningNow.push(card);
      else if (due < day.end) learningLater.push(card);
    } else if (card.fsrs.state === CardState.Review && due < day.end && !factsInQueue.has(card.factId)) {
      reviews.push(card);
      factsInQueue.add(card.factId);
    }
  }

  const done = doneToday(input.todayLogs);
  const reviewRoom = Math.max(0, limits.reviewsPerDay - done.reviews);
  const newRoom = Math.max(0, limits.newPerDay - done.newCards);
  const dueReviews = reviews.slice(0, reviewRoom);

  const newCards: CardRecord[] = [];
  for (const card of input.newCards) {
    if (newCards.length >= newRoom) break;
    if (card.fsrs.state !== CardState.New || !eligible(card) || factsInQueue.has(card.factId)) continue;
    newCards.push(card);
    factsInQueue.add(card.factId);
  }

  const counts: QueueCounts = {
    new: newCards.length,
    learning: learningNow.length + learningLater.length,
    review: dueReviews.length,
  };

  let next: CardRecord | null = learningNow[0] ?? null;
  if (!next) next = pickInterleaved(dueReviews, newCards, done);
  if (!next) {
    const ahead = learningLater[0];
    if (ahead && ahead.fsrs.due.getTime() <= now + learnAhead) next = ahead;
  }
  const nextLearningAt = next ? null : (learningLater[0]?.fsrs.due.getTime() ?? null);
  return { next, counts, nextLearningAt };
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
