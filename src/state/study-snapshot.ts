/**
 * The day's queue, read through the indexes and kept in memory. A load reads only what today can show:
 * the learning cards (`by-learning`), today's logs (`by-time`), the first reviews due (`by-review` or
 * `by-deck-review`) and the first new cards of each deck (`by-new`), each a page at a time until today's
 * room plus a small reserve is filled. Never a scan of all cards, nor of the whole backlog.
 *
 * After a grade, the cached day is patched in memory (`applyGrade`) and the next card comes from it at once;
 * a new load is needed only when the reserve runs short, the day ends, or another tab changed something.
 */
import { studyDay, type StudyDay } from '../domain/day';
import {
  buildQueue,
  dailyDeckIds,
  doneToday,
  planDay,
  roomLeft,
  selectLowest,
  type QueueCounts,
  type StudyQueue,
} from '../domain/queue';
import {
  CardState,
  type CardRecord,
  type DeckRecord,
  type ReviewLogRecord,
  type ReviewOrder,
  type Settings,
} from '../domain/types';
import { getCards, learningCards, newCards, reviewCards, type PageCursor } from '../storage/card-store';
import { logsSince } from '../storage/review-log-store';
import { getReviewRanking, saveReviewRanking, type ReviewRanking } from '../storage/review-ranking-store';
import type { AppDatabase } from '../storage/transaction';

/** Cards read beyond today's room, so burying siblings in memory does not leave the queue short. */
export const RESERVE = 20;

/**
 * A session that follows an exam's plan (issue 11): only the exam's cards, today's planned new cards, and
 * the final-pass cards even before they are due.
 */
export interface StudyFocus {
  include: (card: CardRecord) => boolean;
  /** Today's limit of new cards (all decks), in place of the setting. */
  newPerDay: number;
  /** Review cards to show today although due later. */
  early: readonly CardRecord[];
}

export interface StudyDayCache {
  now: number;
  day: StudyDay;
  settings: Settings;
  /** The reviews' order as a key (review-order.ts); absent for due date. */
  reviewKey?: (card: CardRecord) => number;
  focus?: StudyFocus;
  /** The decks studied, when not all. */
  deckIds?: ReadonlySet<string>;
  learning: CardRecord[];
  /** Review candidates in due order: today's room plus the reserve at most. */
  reviews: CardRecord[];
  /** True when `reviews` holds every review candidate due today. */
  reviewsExhausted: boolean;
  /** New-card candidates in study order: today's room plus the reserve at most. */
  newCards: CardRecord[];
  newExhausted: boolean;
  todayLogs: ReviewLogRecord[];
}

const limitsOf = (settings: Settings, focus?: StudyFocus) => ({
  newPerDay: focus ? focus.newPerDay : settings.newPerDay,
  reviewsPerDay: settings.reviewsPerDay,
});

/** The queue's filters for a focused session. */
const focusInput = (focus?: StudyFocus) =>
  focus ? { include: focus.include, early: new Set(focus.early.map((card) => card.id)) } : {};

/**
 * Loads the day for `decks` (in the order their new cards are studied): all decks' cards, or with
 * `deckIds` only those decks', or with `focus` only the cards it includes, under its new-card limit.
 * `reserve` is how many candidates to read beyond today's room.
 */
export async function loadDay(
  db: AppDatabase,
  decks: readonly DeckRecord[],
  settings: Settings,
  now: Date,
  timeZone: string,
  options: {
    deckIds?: ReadonlySet<string>;
    reserve?: number;
    learning?: CardRecord[];
    todayLogs?: ReviewLogRecord[];
    focus?: StudyFocus;
    /** The order reviews are chosen in; the setting's when absent. */
    reviewOrder?: ReviewOrder;
  } = {},
): Promise<StudyDayCache> {
  const { deckIds, focus } = options;
  const reserve = options.reserve ?? RESERVE;
  const day = studyDay(now, settings.dayStartHour, timeZone);
  const [learning, todayLogs] = await Promise.all([
    options.learning ?? learningCards(db, day.end),
    options.todayLogs ?? logsSince(db, day.start),
  ]);
  const plan = planDay({
    now: now.getTime(),
    day,
    dueCards: learning,
    todayLogs,
    limits: limitsOf(settings, focus),
    ...(deckIds ? { deckIds } : {}),
    ...focusInput(focus),
  });
  const { reviewRoom } = plan;

  // Reviews: one deck through by-deck-review, or every deck through by-review.
  const reviews: CardRecord[] = [];
  const reviewFacts = new Set<string>();
  let reviewsExhausted = true;
  const wantReviews = reviewRoom + reserve;
  const deckId = deckIds && deckIds.size === 1 ? [...deckIds][0] : undefined;
  const order = options.reviewOrder ?? settings.reviewOrder;
  // Loaded only for another order than due date: review-order.ts brings ts-fsrs, which Home does not need.
  const reviewKey =
    order === 'due'
      ? undefined
      : (await import('../domain/review-order')).reviewSortKey(
          order,
          now.getTime(),
          day,
          settings.parameters,
        );
  if (order === 'due') {
    // The index is in due order: the first pages are the answer.
    await readReviewPages(db, day.end, deckId, (cards) => {
      for (const card of cards) {
        if (reviews.length >= wantReviews) break;
        if (!plan.eligible(card) || reviewFacts.has(card.factId)) continue;
        reviews.push(card);
        reviewFacts.add(card.factId);
      }
      if (reviews.length < wantReviews) return Math.max(wantReviews - reviews.length, 1) + 10;
      reviewsExhausted = false;
      return 0;
    });
  } else {
    const ranked = await rankedReviews(db, {
      order,
      key: reviewKey!,
      day,
      want: wantReviews,
      eligible: plan.eligible,
      deckId,
      // A focused session's filter cannot be told apart from another's, so its ranking is not kept.
      scope: focus ? undefined : deckIds ? [...deckIds].sort().join('\n') : '*',
    });
    for (const card of ranked.cards) {
      reviews.push(card);
      reviewFacts.add(card.factId);
    }
    reviewsExhausted = ranked.complete;
  }
  // A final pass's cards, not due yet, come after the due ones.
  for (const card of focus?.early ?? []) {
    if (card.fsrs.state !== CardState.Review || card.fsrs.due.getTime() < day.end) continue;
    if (!plan.eligible(card) || reviewFacts.has(card.factId)) continue;
    reviews.push(card);
    reviewFacts.add(card.factId);
  }
  // Only the reviews that fit today's room hold their fact; the new cards of the rest may come today.
  const held = new Set(reviews.slice(0, reviewRoom).map((card) => card.factId));

  const newRoom = plan.newRoom;
  const wantNew = newRoom + reserve;
  const fresh: CardRecord[] = [];
  const newFacts = new Set<string>();
  let newExhausted = true;
  const pageSize = Math.max(newRoom, 10) * 2;
  outer: for (const deck of decks) {
    if (deckIds && !deckIds.has(deck.id)) continue;
    let afterRank: PageCursor | undefined;
    for (;;) {
      const cards = await newCards(db, deck.id, pageSize, afterRank);
      for (const card of cards) {
        if (card.fsrs.state !== CardState.New || !plan.eligible(card)) continue;
        if (held.has(card.factId) || newFacts.has(card.factId)) continue;
        if (fresh.length >= wantNew) {
          newExhausted = false;
          break outer;
        }
        fresh.push(card);
        newFacts.add(card.factId);
      }
      if (cards.length < pageSize) break;
      const last = cards.at(-1);
      if (!last || last.newRank === undefined) break;
      afterRank = nextCursor(afterRank, cards, last.newRank, (card) => card.newRank);
    }
  }

  return {
    now: now.getTime(),
    day,
    settings,
    ...(reviewKey ? { reviewKey } : {}),
    ...(deckIds ? { deckIds } : {}),
    ...(focus ? { focus } : {}),
    learning,
    reviews,
    reviewsExhausted,
    newCards: fresh,
    newExhausted,
    todayLogs,
  };
}

/** Reviews read per transaction when a whole backlog is read for another order than due date. */
const BACKLOG_PAGE = 500;

/**
 * Rankings of the backlog made in this session, per database and scope (order, decks): reading a backlog
 * of 20,000 reviews takes about a second on a phone, so it is read once a day and the ranking reused by
 * every later load that day, in this session (here) and after a reload (`review-ranking-store`). A ranking
 * holds ids only; each load reads those cards again and keeps the ones that can still be studied, so
 * grades, undo, suspensions and other tabs' changes show. A review that becomes due or studyable later that
 * day (an import, an unsuspended card) is ranked when the ranking runs short.
 */
const rankings = new WeakMap<AppDatabase, Map<string, ReviewRanking>>();

/**
 * The first `want` reviews due today (`day`) in `order`, one per fact, among those `eligible` accepts, and
 * whether they are all there are. Any order other than due date needs every review due today: they are
 * read a page at a time, keeping only the first `want` (`selectLowest`), so a backlog of any size is held
 * a page at a time. With a `scope`, the ranking is kept for the rest of the day (see `rankings`).
 */
async function rankedReviews(
  db: AppDatabase,
  options: {
    order: Exclude<ReviewOrder, 'due'>;
    key: (card: CardRecord) => number;
    day: StudyDay;
    want: number;
    eligible: (card: CardRecord) => boolean;
    deckId: string | undefined;
    scope: string | undefined;
  },
): Promise<{ cards: CardRecord[]; complete: boolean }> {
  const { order, day, want, eligible, deckId, scope } = options;
  const key = scope === undefined ? undefined : `${order}\n${scope}`;
  const remembered = key === undefined ? undefined : rankings.get(db)?.get(key);
  const kept =
    remembered?.dayStart === day.start
      ? remembered
      : key === undefined
        ? undefined
        : await getReviewRanking(db, key, day.start);
  if (kept && kept.want >= want) {
    const facts = new Set<string>();
    const cards = (await getCards(db, kept.ids)).filter((card): card is CardRecord => {
      if (!card || card.reviewDue === undefined || card.reviewDue >= day.end) return false;
      if (!eligible(card) || facts.has(card.factId)) return false;
      facts.add(card.factId);
      return true;
    });
    if (cards.length >= want || kept.complete) {
      return { cards: cards.slice(0, want), complete: kept.complete && cards.length <= want };
    }
  }
  const selection = selectLowest(want, options.key);
  await readReviewPages(db, day.end, deckId, (cards) => {
    for (const card of cards) if (eligible(card)) selection.offer(card);
    return BACKLOG_PAGE;
  });
  const cards = selection.cards();
  const complete = selection.complete();
  if (key !== undefined) {
    const ranking = { dayStart: day.start, want, ids: cards.map((card) => card.id), complete };
    const forDb = rankings.get(db) ?? new Map<string, ReviewRanking>();
    forDb.set(key, ranking);
    rankings.set(db, forDb);
    // Only a shortcut for a later load: the day's reviews are right without it.
    await saveReviewRanking(db, key, ranking).catch(() => undefined);
  }
  return { cards, complete };
}

/**
 * Reads the Review-state cards due before `until` (of one deck, or of all), in due order, a page at a time:
 * `visit` gets each page and returns the size of the next one, or 0 to stop.
 */
async function readReviewPages(
  db: AppDatabase,
  until: number,
  deckId: string | undefined,
  visit: (cards: CardRecord[]) => number,
): Promise<void> {
  let after: PageCursor | undefined;
  let page = visit([]);
  while (page > 0) {
    const cards = await reviewCards(db, {
      ...(deckId ? { deckId } : {}),
      until,
      limit: page,
      ...(after ? { after } : {}),
    });
    const last = cards.at(-1);
    const next = visit(cards);
    if (!last || cards.length < page) return;
    page = next;
    after = nextCursor(after, cards, last.reviewDue ?? until, (card) => card.reviewDue);
  }
}

/** Where the next page starts: after `key`, skipping the ids already read with that key. */
function nextCursor(
  previous: PageCursor | undefined,
  page: readonly CardRecord[],
  key: number,
  keyOf: (card: CardRecord) => number | undefined,
): PageCursor {
  const ids = new Set(previous && previous.key === key ? previous.ids : []);
  for (const card of page) if (keyOf(card) === key) ids.add(card.id);
  return { key, ids };
}

/** The queue of a cached day at `now` (pure, in memory). */
export function queueOfDay(cache: StudyDayCache, now: number = cache.now): StudyQueue {
  return buildQueue({
    now,
    day: cache.day,
    dueCards: [...cache.learning, ...cache.reviews],
    newCards: cache.newCards,
    todayLogs: cache.todayLogs,
    limits: limitsOf(cache.settings, cache.focus),
    ...(cache.reviewKey ? { reviewKey: cache.reviewKey } : {}),
    ...(cache.deckIds ? { deckIds: cache.deckIds } : {}),
    ...focusInput(cache.focus),
  });
}

/**
 * The cached day after a committed grade: the card leaves the list it was in and, if it comes due again
 * today (a learning step), joins the learning cards; the log joins today's logs.
 */
export function applyGrade(cache: StudyDayCache, card: CardRecord, log: ReviewLogRecord): StudyDayCache {
  const other = (c: CardRecord) => c.id !== card.id;
  const learning = cache.learning.filter(other);
  const reviews = cache.reviews.filter(other);
  const dueToday = card.fsrs.due.getTime() < cache.day.end && !card.suspended;
  if (dueToday && (card.fsrs.state === CardState.Learning || card.fsrs.state === CardState.Relearning)) {
    learning.push(card);
  } else if (dueToday && card.fsrs.state === CardState.Review) {
    reviews.push(card);
  }
  return {
    ...cache,
    learning,
    reviews,
    newCards: cache.newCards.filter(other),
    todayLogs: [...cache.todayLogs, log],
  };
}

/**
 * True when the cached day can no longer stand for the stored one at `now`: the study day ended, or the
 * reserve ran short so that a load could find cards the cache does not hold.
 */
export function needsReload(cache: StudyDayCache, queue: StudyQueue, now: number): boolean {
  if (now >= cache.day.end) return true;
  const { newRoom, reviewRoom } = roomLeft(limitsOf(cache.settings, cache.focus), doneToday(cache.todayLogs));
  const shortOfReviews = !cache.reviewsExhausted && queue.counts.review < reviewRoom;
  const shortOfNew = !cache.newExhausted && queue.counts.new < newRoom;
  return shortOfReviews || shortOfNew;
}

export interface Overview {
  /** What "Study all" gives now. */
  all: QueueCounts;
  /** For each deck, what studying that deck alone gives now (the daily limits are shared by all decks). */
  decks: { deck: DeckRecord; counts: QueueCounts }[];
  answeredToday: number;
}

/**
 * Home's counts. The learning cards and today's logs are read once; each deck then reads only as many
 * reviews and new cards as its counts can show (today's room and one more, to know a limit held cards back).
 */
export async function loadOverview(
  db: AppDatabase,
  decks: readonly DeckRecord[],
  settings: Settings,
  now: Date,
  timeZone: string,
): Promise<Overview> {
  const day = studyDay(now, settings.dayStartHour, timeZone);
  const [learning, todayLogs] = await Promise.all([learningCards(db, day.end), logsSince(db, day.start)]);
  // Counts do not depend on the order (only which reviews are shown does), so Home reads the due order's
  // first pages instead of a whole backlog for each deck.
  const shared = { reserve: 1, learning, todayLogs, reviewOrder: 'due' as const };
  // "Study all" is daily study: the paused decks (the optional one, until turned on) are left out.
  const daily = dailyDeckIds(decks);
  const [all, ...perDeck] = await Promise.all([
    loadDay(
      db,
      daily ? decks.filter((deck) => daily.has(deck.id)) : decks,
      settings,
      now,
      timeZone,
      daily ? { ...shared, deckIds: daily } : shared,
    ),
    ...decks.map((deck) =>
      loadDay(db, [deck], settings, now, timeZone, { ...shared, deckIds: new Set([deck.id]) }),
    ),
  ]);
  return {
    all: queueOfDay(all!).counts,
    decks: decks.map((deck, i) => ({ deck, counts: queueOfDay(perDeck[i]!).counts })),
    answeredToday: todayLogs.length,
  };
}
