/**
 * The Stats screen's numbers (issue 13), folded from card records and review logs. The fold is incremental
 * (`makeStatsFold`: add cards and logs a batch at a time, in any order, then `result()`), so a worker can
 * read a heavy collection page by page and never hold it all in memory.
 *
 * Days are study days (src/domain/day.ts): local days that start at the learner's day-start hour. A log's
 * day is found by a binary search over the precomputed starts of the window's days, so a fold of millions
 * of logs calls into the time-zone code a few hundred times, not once per log.
 *
 * "True retention" follows Anki: among reviews of graduated cards (the card was in the Review state before
 * the review), the share answered Hard, Good or Easy. A review counts as mature when the interval before it
 * was 21 days or more, as Anki's young/mature split.
 */
import { studyDayNumber, studyDayStart } from './day';
import { stateBefore } from './review-log';
import { retrievabilityAt } from './scheduler';
import { CardState, Grade, type CardRecord, type ReviewLogRecord } from './types';

/** Days of history the screen reads and shows (the heatmap, "last year"). */
export const HISTORY_DAYS = 365;
/** Days ahead the future-due chart covers (the longest of its 30, 90 and 365-day views). */
export const FUTURE_DAYS = 365;
/** Anki's threshold: a card (or a review) with an interval of this many days or more is mature. */
export const MATURE_DAYS = 21;

export type RetentionPeriod = 'today' | 'yesterday' | 'week' | 'month' | 'year';
/** How many study days each period covers, ending today; yesterday is the one day before today. */
const PERIOD_DAYS: Record<RetentionPeriod, number> = {
  today: 1,
  yesterday: 1,
  week: 7,
  month: 30,
  year: 365,
};
export const RETENTION_PERIODS: readonly RetentionPeriod[] = ['today', 'yesterday', 'week', 'month', 'year'];

export interface PassFail {
  passed: number;
  failed: number;
}

export interface RetentionRow {
  period: RetentionPeriod;
  young: PassFail;
  mature: PassFail;
}

/** One bar of a histogram: its label and how many cards fall in it. */
export interface Bucket {
  label: string;
  count: number;
}

export interface StatsContext {
  /** Epoch ms: "now", the end of the history and the start of the future. */
  now: number;
  dayStartHour: number;
  /** IANA zone such as "Europe/Berlin". */
  timeZone: string;
  /** The learner's desired retention (0.70-0.99), shown beside the true retention. */
  desiredRetention: number;
  /** Only cards of this deck (and their logs); every deck when null. */
  deckId: string | null;
}

export interface Stats {
  /** The study day of `now` (days since 1970-01-01 of its local date). */
  today: number;
  day: {
    reviews: number;
    /** Distinct cards reviewed today. */
    cards: number;
    again: number;
    /** Reviews not answered Again, 0-1; null with no review today. */
    correct: number | null;
    /** Time spent on the reviews that recorded it (`took`), in ms. */
    timeMs: number;
    /** How many of today's reviews recorded their time. */
    timedReviews: number;
  };
  retention: RetentionRow[];
  desiredRetention: number;
  futureDue: {
    /** Cards due before today began: the backlog. */
    overdue: number;
    /** Index 0: due today, the backlog included; index n: due n study days from today. */
    days: number[];
  };
  calendar: {
    /** The study day of `days[0]`. */
    firstDay: number;
    /** Reviews per study day, oldest first, today last. */
    days: number[];
    /**
     * Consecutive study days with reviews, ending today (or yesterday, if nothing was studied yet today);
     * counted within the window, so at most a year.
     */
    streak: number;
    /** Days of the window with at least one review. */
    daysStudied: number;
  };
  counts: {
    new: number;
    learning: number;
    young: number;
    mature: number;
    suspended: number;
    buried: number;
  };
  distributions: {
    /** Cards studied at least once (not suspended), by FSRS stability in days. */
    stability: Bucket[];
    /** The same cards by FSRS difficulty, shown as 0-100% as Anki does ((D - 1) / 9). */
    difficulty: Bucket[];
    /** The same cards by the probability of recalling them now. */
    retrievability: Bucket[];
    /** Mean retrievability of those cards, 0-1; null when there are none. */
    meanRetrievability: number | null;
  };
  /** Answers of the last year by grade (Again, Hard, Good, Easy): cards learning (new, learning,
   * relearning) and cards in review. */
  answers: { learning: [number, number, number, number]; review: [number, number, number, number] };
  /** Reviews in the window (the last year). */
  reviews: number;
  /** Cards in the selection (multiple-choice cards, which are not studied, left out). */
  cards: number;
}

export interface StatsFold {
  addCard(card: CardRecord): void;
  /** Adds a review; with one deck selected, call it only once every card has been added. */
  addLog(log: ReviewLogRecord): void;
  result(): Stats;
  /** Epoch ms at which the window's first day starts: logs before it are not needed. */
  readonly historyStart: number;
  /** Epoch ms at which tomorrow starts: logs from then on are not needed either. */
  readonly historyEnd: number;
}

/** Stability buckets, in days: upper bounds (exclusive) and labels. */
const STABILITY_EDGES = [1, 3, 7, 14, 30, 90, 180, 365, Infinity];
const STABILITY_LABELS = ['<1d', '1-3d', '3-7d', '1-2w', '2w-1m', '1-3m', '3-6m', '6m-1y', '>1y'];
const TENTHS = Array.from({ length: 10 }, (_, i) => `${i * 10}-${i * 10 + 10}%`);

/** The index of the tenth (0-9) a value in [0, 1] falls in; 1 goes in the last. */
function tenth(value: number): number {
  return Math.min(9, Math.max(0, Math.floor(value * 10)));
}

/**
 * Starts of the study days from `first` to `last + 1` (so day `first + i` is [starts[i], starts[i + 1])),
 * and a lookup from an instant to its day, or null outside [first, last].
 */
export function makeDayIndex(first: number, last: number, startHour: number, timeZone: string) {
  const starts = Array.from({ length: last - first + 2 }, (_, i) =>
    studyDayStart(first + i, startHour, timeZone),
  );
  return {
    starts,
    dayOf(time: number): number | null {
      if (time < (starts[0] ?? Infinity) || time >= (starts[starts.length - 1] ?? -Infinity)) return null;
      let lo = 0;
      let hi = starts.length - 1;
      // Invariant: starts[lo] <= time < starts[hi].
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((starts[mid] ?? 0) <= time) lo = mid;
        else hi = mid;
      }
      return first + lo;
    },
  };
}

/** A fold of the statistics of the cards and logs added, as seen at `context.now`. */
export function makeStatsFold(context: StatsContext): StatsFold {
  const { now, deckId } = context;
  const today = studyDayNumber(now, context.dayStartHour, context.timeZone);
  const firstDay = today - HISTORY_DAYS + 1;
  const index = makeDayIndex(firstDay, today + FUTURE_DAYS, context.dayStartHour, context.timeZone);
  const todayStart = index.starts[HISTORY_DAYS - 1] ?? 0;
  const nowDate = new Date(now);

  // Cards of the selection; logs of other cards are skipped (all logs count when every deck is shown).
  const selected = new Set<string>();
  const calendar = new Array<number>(HISTORY_DAYS).fill(0);
  const todayCards = new Set<string>();
  const day = { reviews: 0, again: 0, timeMs: 0, timedReviews: 0 };
  // Pass/fail by days ago (0 = today), young and mature, for the graduated cards' reviews.
  const passYoung = new Array<number>(HISTORY_DAYS).fill(0);
  const failYoung = new Array<number>(HISTORY_DAYS).fill(0);
  const passMature = new Array<number>(HISTORY_DAYS).fill(0);
  const failMature = new Array<number>(HISTORY_DAYS).fill(0);
  const answers = {
    learning: [0, 0, 0, 0] as [number, number, number, number],
    review: [0, 0, 0, 0] as [number, number, number, number],
  };
  const futureDays = new Array<number>(FUTURE_DAYS).fill(0);
  let overdue = 0;
  const counts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, buried: 0 };
  const stability = new Array<number>(STABILITY_EDGES.length).fill(0);
  const difficulty = new Array<number>(10).fill(0);
  const retrievability = new Array<number>(10).fill(0);
  let recallSum = 0;
  let studied = 0;
  let cards = 0;
  let reviews = 0;

  function foldLog(log: ReviewLogRecord): void {
    const d = index.dayOf(log.time);
    if (d === null || d > today) return;
    reviews += 1;
    calendar[d - firstDay] = (calendar[d - firstDay] ?? 0) + 1;
    const ago = today - d;
    const before = stateBefore(log);
    const graduated = before === CardState.Review;
    const slot = log.grade - 1;
    const answerRow = graduated ? answers.review : answers.learning;
    if (slot >= 0 && slot < 4) answerRow[slot] = (answerRow[slot] ?? 0) + 1;
    if (graduated) {
      const mature = log.prev[4] >= MATURE_DAYS;
      const passed = log.grade !== Grade.Again;
      const row = mature ? (passed ? passMature : failMature) : passed ? passYoung : failYoung;
      row[ago] = (row[ago] ?? 0) + 1;
    }
    if (ago === 0) {
      day.reviews += 1;
      todayCards.add(log.cardId);
      if (log.grade === Grade.Again) day.again += 1;
      if (typeof log.took === 'number' && log.took >= 0) {
        day.timeMs += log.took;
        day.timedReviews += 1;
      }
    }
  }

  function addCard(card: CardRecord): void {
    if (deckId !== null && card.deckId !== deckId) return;
    // Multiple-choice cards are only asked in quizzes: they are never due and have no schedule to show.
    if (card.kind === 'mcq') return;
    selected.add(card.id);
    cards += 1;
    const fsrs = card.fsrs;
    if (card.suspended) counts.suspended += 1;
    else if (card.buriedUntil > now) counts.buried += 1;
    else if (fsrs.state === CardState.New) counts.new += 1;
    else if (fsrs.state === CardState.Review) {
      if (fsrs.scheduled_days >= MATURE_DAYS) counts.mature += 1;
      else counts.young += 1;
    } else counts.learning += 1;

    if (fsrs.state !== CardState.New && !card.suspended) {
      const due = fsrs.due.getTime();
      if (due < todayStart) {
        overdue += 1;
        futureDays[0] = (futureDays[0] ?? 0) + 1;
      } else {
        const d = index.dayOf(due);
        if (d !== null && d - today < FUTURE_DAYS) futureDays[d - today] = (futureDays[d - today] ?? 0) + 1;
      }
      if (fsrs.stability > 0) {
        studied += 1;
        const s = STABILITY_EDGES.findIndex((edge) => fsrs.stability < edge);
        stability[s] = (stability[s] ?? 0) + 1;
        const dIndex = tenth((fsrs.difficulty - 1) / 9);
        difficulty[dIndex] = (difficulty[dIndex] ?? 0) + 1;
        const r = retrievabilityAt(fsrs, nowDate);
        recallSum += r;
        retrievability[tenth(r)] = (retrievability[tenth(r)] ?? 0) + 1;
      }
    }
  }

  return {
    historyStart: index.starts[0] ?? 0,
    historyEnd: index.starts[HISTORY_DAYS] ?? 0,
    addCard,
    addLog(log) {
      if (deckId === null || selected.has(log.cardId)) foldLog(log);
    },
    result() {
      const sum = (row: number[], days: number, from = 0) =>
        row.slice(from, from + days).reduce((total, n) => total + n, 0);
      const retention = RETENTION_PERIODS.map((period): RetentionRow => {
        const from = period === 'yesterday' ? 1 : 0;
        const days = PERIOD_DAYS[period];
        return {
          period,
          young: { passed: sum(passYoung, days, from), failed: sum(failYoung, days, from) },
          mature: { passed: sum(passMature, days, from), failed: sum(failMature, days, from) },
        };
      });
      let streak = 0;
      // Nothing yet today does not break the streak: it still counts from yesterday.
      let d = (calendar[HISTORY_DAYS - 1] ?? 0) > 0 ? HISTORY_DAYS - 1 : HISTORY_DAYS - 2;
      while (d >= 0 && (calendar[d] ?? 0) > 0) {
        streak += 1;
        d -= 1;
      }
      return {
        today,
        day: {
          reviews: day.reviews,
          cards: todayCards.size,
          again: day.again,
          correct: day.reviews > 0 ? (day.reviews - day.again) / day.reviews : null,
          timeMs: day.timeMs,
          timedReviews: day.timedReviews,
        },
        retention,
        desiredRetention: context.desiredRetention,
        futureDue: { overdue, days: futureDays },
        calendar: {
          firstDay,
          days: calendar,
          streak,
          daysStudied: calendar.filter((n) => n > 0).length,
        },
        counts: { ...counts },
        distributions: {
          stability: STABILITY_LABELS.map((label, i) => ({ label, count: stability[i] ?? 0 })),
          difficulty: TENTHS.map((label, i) => ({ label, count: difficulty[i] ?? 0 })),
          retrievability: TENTHS.map((label, i) => ({ label, count: retrievability[i] ?? 0 })),
          meanRetrievability: studied > 0 ? recallSum / studied : null,
        },
        // Copies: the fold goes on adding to its own rows after a partial result.
        answers: { learning: [...answers.learning], review: [...answers.review] },
        reviews,
        cards,
      };
    },
  };
}

/** The statistics of `cards` and `logs` at `context.now`: the fold in one call. */
export function computeStats(
  cards: Iterable<CardRecord>,
  logs: Iterable<ReviewLogRecord>,
  context: StatsContext,
): Stats {
  const fold = makeStatsFold(context);
  for (const card of cards) fold.addCard(card);
  for (const log of logs) fold.addLog(log);
  return fold.result();
}

/** Passed / (passed + failed), or null with no review. */
export function retentionOf(counts: PassFail): number | null {
  const total = counts.passed + counts.failed;
  return total > 0 ? counts.passed / total : null;
}
