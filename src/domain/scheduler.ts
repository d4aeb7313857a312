/**
 * The scheduler: the only module that imports ts-fsrs, so a new ts-fsrs major version touches this file alone.
 * Everything here is pure: time is always passed in.
 */
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  GenSeedStrategyWithCardId,
  StrategyMode,
  type Card,
  type FSRS,
  type Grade as FsrsGrade,
  type StepUnit,
} from 'ts-fsrs';
import type { CardRecord, FsrsCard, FsrsLog, Grade, Settings } from './types';
import { GRADES } from './types';

export type SchedulerSettings = Pick<
  Settings,
  'retention' | 'learningSteps' | 'relearningSteps' | 'maximumInterval'
>;

export interface Scheduler {
  /** Grades a card; returns the new FSRS card and the ts-fsrs review log. */
  gradeCard(card: CardRecord, grade: Grade, now: Date): { fsrs: FsrsCard; log: FsrsLog };
  /** What each grade would do: the next due date for every grade. */
  previewCard(card: CardRecord, now: Date): Record<Grade, Date>;
}

const STEP = /^(\d+)(m|h|d)$/;

/** True for a learning step such as "1m", "10m", "1h" or "1d". */
export function isValidStep(step: string): boolean {
  const match = STEP.exec(step);
  return match !== null && Number(match[1]) > 0;
}

/** Field under which the card id is handed to ts-fsrs, so fuzz is seeded by card id (reproducible). */
const SEED_FIELD = 'sarcometCardId';

/** Builds a scheduler for the given settings, with fuzz on by default and seeded from the card id. */
export function makeScheduler(settings: SchedulerSettings, options: { fuzz?: boolean } = {}): Scheduler {
  const engine: FSRS = fsrs(
    generatorParameters({
      request_retention: settings.retention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: options.fuzz ?? true,
      enable_short_term: true,
      learning_steps: settings.learningSteps.filter(isValidStep) as StepUnit[],
      relearning_steps: settings.relearningSteps.filter(isValidStep) as StepUnit[],
    }),
  ).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD));

  const input = (card: CardRecord): Card => ({ ...card.fsrs, [SEED_FIELD]: card.id }) as Card;

  return {
    gradeCard(card, grade, now) {
      const result = engine.next(input(card), now, grade as unknown as FsrsGrade);
      return { fsrs: pickCard(result.card), log: pickLog(result.log as unknown as FsrsLog) };
    },
    previewCard(card, now) {
      const preview = engine.repeat(input(card), now);
      const out = {} as Record<Grade, Date>;
      for (const grade of GRADES) out[grade] = preview[grade as unknown as FsrsGrade].card.due;
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
