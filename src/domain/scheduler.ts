/**
 * The scheduler: the only module that imports ts-fsrs, so a new ts-fsrs major version touches this file alone.
 * Everything here is pure: time is always passed in.
 *
 * ts-fsrs counts days by UTC calendar date, so an answer at 15:55 and one at 16:05 in Los Angeles are a day
 * apart to it. We count study days instead, as Anki does: days start at `dayStartHour` in the learner's zone.
 * So ts-fsrs runs on a "study clock" on which UTC midnight is the start of a study day (see toStudyClock),
 * and the dates it returns are turned back into real instants: a learning step is exactly its length after
 * now, and an interval of n days lands n study days after today at the same time of day.
 */
import {
  createEmptyCard,
  default_w,
  forgetting_curve,
  fsrs,
  generatorParameters,
  migrateParameters,
  GenSeedStrategyWithCardId,
  StrategyMode,
  type Card,
  type FSRS,
  type Grade as FsrsGrade,
  type StepUnit,
} from 'ts-fsrs';
import { studyDayNumber, studyDayStart } from './day';
import type { CardRecord, FsrsCard, FsrsLog, Grade, Settings } from './types';
import { CardState, FSRS_PARAMETER_COUNT, GRADES } from './types';

export type SchedulerSettings = Pick<
  Settings,
  'retention' | 'learningSteps' | 'relearningSteps' | 'maximumInterval' | 'dayStartHour' | 'parameters'
> & {
  /** The learner's IANA zone, such as "Europe/Berlin": study days start at `dayStartHour` there. */
  timeZone: string;
};

export interface Scheduler {
  /**
   * Grades a card; returns the new FSRS card and the ts-fsrs review log, with real instants and with
   * elapsed days counted in study days. Deterministic: the same card, grade and time give the same result
   * (fuzz is seeded from the card id).
   */
  gradeCard(card: CardRecord, grade: Grade, now: Date): { fsrs: FsrsCard; log: FsrsLog };
  /** What each grade would do: the next due date for every grade, exactly what gradeCard would store. */
  previewCard(card: CardRecord, now: Date): Record<Grade, Date>;
}

const STEP = /^(\d+)(m|h|d)$/;
const DAY = 86_400_000;

/** True for a learning step such as "1m", "10m", "1h" or "1d". */
export function isValidStep(step: string): boolean {
  const match = STEP.exec(step);
  return match !== null && Number(match[1]) > 0;
}

/** Field under which the card id is handed to ts-fsrs, so fuzz is seeded by card id (reproducible). */
const SEED_FIELD = 'sarcometCardId';

/** The review being scheduled: the real time, and where it falls among study days. */
interface Review {
  now: number;
  /** Study-day number of `now` (see studyDayNumber). */
  today: number;
  /** `now` on the study clock. */
  clock: number;
}

/**
 * Builds a scheduler for the given settings, with fuzz on by default and seeded from the card id.
 * No due date it gives is more than `maximumInterval` study days after the day of the review.
 */
export function makeScheduler(settings: SchedulerSettings, options: { fuzz?: boolean } = {}): Scheduler {
  const { dayStartHour, timeZone } = settings;
  const maximumInterval = Math.max(1, settings.maximumInterval);
  // Absent or unusable: ts-fsrs's defaults. Otherwise the learner's own, fitted by the optimizer.
  const w = settings.parameters ? fsrsParameters(settings.parameters) : null;
  const engine: FSRS = fsrs(
    generatorParameters({
      request_retention: settings.retention,
      ...(w ? { w } : {}),
      maximum_interval: maximumInterval,
      enable_fuzz: options.fuzz ?? true,
      enable_short_term: true,
      learning_steps: settings.learningSteps.filter(isValidStep) as StepUnit[],
      relearning_steps: settings.relearningSteps.filter(isValidStep) as StepUnit[],
    }),
  ).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD));

  const dayOf = (instant: number) => studyDayNumber(instant, dayStartHour, timeZone);
  const startOf = (day: number) => studyDayStart(day, dayStartHour, timeZone);

  /**
   * An instant on the study clock: its study day's number of days after the epoch, plus how far into
   * that day it is (at most a day less 1 ms, for the last hour of a 25-hour day). ts-fsrs's UTC date of
   * it is then the study day, so its day counts are study-day counts.
   */
  const toStudyClock = (instant: number) => {
    const day = dayOf(instant);
    return day * DAY + Math.min(instant - startOf(day), DAY - 1);
  };

  const reviewAt = (now: Date): Review => ({
    now: now.getTime(),
    today: dayOf(now.getTime()),
    clock: toStudyClock(now.getTime()),
  });

  /** The card as ts-fsrs gets it: its dates on the study clock, and its id for the fuzz seed. */
  const input = (card: CardRecord): Card => {
    const { due, last_review, ...rest } = card.fsrs;
    return {
      ...rest,
      due: new Date(toStudyClock(due.getTime())),
      ...(last_review ? { last_review: new Date(toStudyClock(last_review.getTime())) } : {}),
      [SEED_FIELD]: card.id,
    } as Card;
  };

  /**
   * The real due date and interval of a card ts-fsrs scheduled on the study clock. A learning step keeps
   * its exact length. An interval of n days (never more than the maximum interval) lands n study days after
   * today, as far into that day as now is into today, kept inside that day when days differ in length (DST).
   * gradeCard and previewCard both go through here, so a button shows exactly what its grade stores.
   */
  const toReal = (card: Card, review: Review): { due: Date; scheduled_days: number } => {
    const clockDue = card.due.getTime();
    if (card.scheduled_days === 0 && clockDue - review.clock < DAY) {
      return { due: new Date(review.now + clockDue - review.clock), scheduled_days: 0 };
    }
    const dueDay = Math.floor(clockDue / DAY);
    // ts-fsrs caps each interval but then keeps Hard < Good < Easy, which can pass the cap by a day or two.
    const capped = dueDay - review.today > maximumInterval;
    const days = capped ? maximumInterval : dueDay - review.today;
    // Zero for whole days; a step such as "36h" also moves the time of day.
    const within = capped ? 0 : clockDue - dueDay * DAY - (review.clock - review.today * DAY);
    const start = startOf(review.today + days);
    const length = startOf(review.today + days + 1) - start;
    const into = Math.min(Math.max(review.now - startOf(review.today) + within, 0), length - 1);
    return { due: new Date(start + into), scheduled_days: days };
  };

  const output = (result: Card, review: Review): FsrsCard => ({
    ...pickCard(result),
    ...toReal(result, review),
    last_review: new Date(review.now),
  });

  return {
    gradeCard(card, grade, now) {
      const review = reviewAt(now);
      const result = engine.next(input(card), new Date(review.clock), grade as unknown as FsrsGrade);
      const log = pickLog(result.log as unknown as FsrsLog);
      return {
        fsrs: output(result.card, review),
        log: { ...log, due: card.fsrs.last_review ?? card.fsrs.due, review: new Date(review.now) },
      };
    },
    previewCard(card, now) {
      const review = reviewAt(now);
      const preview = engine.repeat(input(card), new Date(review.clock));
      const out = {} as Record<Grade, Date>;
      for (const grade of GRADES)
        out[grade] = toReal(preview[grade as unknown as FsrsGrade].card, review).due;
      return out;
    },
  };
}

/** A fresh, never-studied FSRS card. */
export function newFsrsCard(now: Date): FsrsCard {
  return pickCard(createEmptyCard(now));
}

/** Copies only ts-fsrs's own card fields, dropping the seed field we handed in. */
function pickCard(card: Card): FsrsCard {
  const out: FsrsCard = {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as unknown as FsrsCard['state'],
  };
  if (card.last_review) out.last_review = card.last_review;
  return out;
}

function pickLog(log: FsrsLog): FsrsLog {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review,
  };
}

/** Short interval label as Anki shows it on grade buttons: "1m", "10m", "3h", "4d", "2.1mo", "1.5y". */
export function formatInterval(from: Date, to: Date): string {
  const minutes = Math.max(0, (to.getTime() - from.getTime()) / 60_000);
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
}

/**
 * ts-fsrs engines for retrievability, by weights ('' for the defaults), made on first use: retrievability
 * depends only on the decay (w20), which the optimizer fits. A few are kept (the defaults and the learner's).
 */
const retrievabilityEngines = new Map<string, FSRS>();

function retrievabilityEngine(parameters?: readonly number[]): FSRS {
  const w = parameters ? fsrsParameters(parameters) : null;
  const key = w ? w.join(',') : '';
  let engine = retrievabilityEngines.get(key);
  if (!engine) {
    if (retrievabilityEngines.size >= 4) retrievabilityEngines.clear();
    engine = fsrs(generatorParameters({ enable_fuzz: false, ...(w ? { w } : {}) }));
    retrievabilityEngines.set(key, engine);
  }
  return engine;
}

/**
 * The probability (FSRS retrievability, in [0, 1]) that a card is recalled at `at`, with the learner's
 * fitted `parameters` (Settings → Optimize) or else ts-fsrs's defaults: 0 for a card never studied (New). Elapsed days follow ts-fsrs's `get_retrievability`: whole
 * 24-hour periods since the last review (not study days, which need the learner's zone), so a card is
 * predicted at the same recall all through a day, and a date before the last review counts as 0 days.
 */
export function retrievabilityAt(schedule: FsrsCard, at: Date, parameters?: readonly number[]): number {
  if (schedule.state === CardState.New || schedule.stability <= 0) return 0;
  // A stored card in review always has its last review; an older record without it is placed by its interval.
  const lastReview = schedule.last_review ?? new Date(schedule.due.getTime() - schedule.scheduled_days * DAY);
  const card = { ...schedule, last_review: lastReview } as unknown as Card;
  const engine = retrievabilityEngine(parameters);
  return Math.min(1, Math.max(0, engine.get_retrievability(card, at, false)));
}

export { FSRS_PARAMETER_COUNT } from './types';

/** ts-fsrs's default FSRS-6 weights, what the scheduler uses until the learner optimizes. */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/**
 * FSRS weights as ts-fsrs's FSRS-6 takes them, or null when `raw` cannot be used: a count other than 21 (or
 * 19, FSRS-5's, which gets FSRS-5's short-term exponent 0 and decay 0.5 appended), or a value that is not a
 * finite number. Each weight is clipped to ts-fsrs's bounds, so an optimizer result never reaches the
 * scheduler out of range (fsrs-rs and ts-fsrs share the bounds; a different version could drift).
 */
export function fsrsParameters(raw: ArrayLike<number>): number[] | null {
  const values = Array.from(raw);
  if (values.length !== FSRS_PARAMETER_COUNT && values.length !== 19) return null;
  if (!values.every(Number.isFinite)) return null;
  const migrated = migrateParameters(values, 0, true);
  return migrated.length === FSRS_PARAMETER_COUNT && migrated.every(Number.isFinite) ? migrated : null;
}

/** An FSRS memory state: stability in days, difficulty from 1 to 10. */
export interface MemoryState {
  stability: number;
  difficulty: number;
}

/** The FSRS memory model under given weights, for evaluating them on review histories. */
export interface MemoryModel {
  /** The memory state after a review graded `grade` `elapsedDays` study days after the last (null: first). */
  next(state: MemoryState | null, elapsedDays: number, grade: Grade): MemoryState;
  /** The probability of recall `elapsedDays` after a review that left the card at `stability`. */
  recall(elapsedDays: number, stability: number): number;
}

/** The FSRS-6 memory model (short-term reviews on, as the scheduler has them) with `parameters`. */
export function makeMemoryModel(parameters: readonly number[]): MemoryModel {
  const w = fsrsParameters(parameters);
  if (!w) throw new RangeError(`FSRS needs ${FSRS_PARAMETER_COUNT} finite weights, got ${parameters.length}`);
  const engine = fsrs(generatorParameters({ w, enable_short_term: true, enable_fuzz: false }));
  return {
    next: (state, elapsedDays, grade) => engine.next_state(state, elapsedDays, grade),
    recall: (elapsedDays, stability) => forgetting_curve(w, elapsedDays, stability),
  };
}
