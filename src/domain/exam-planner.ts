/**
 * The exam planner: how much of an exam's cards the learner would recall on exam day, and a daily plan to
 * reach a target recall by then (issue 11), as RemNote's exam scheduler does it: the cards never studied
 * are spread over the days left, the last days are kept free of new cards, and in those days a final pass
 * reviews the cards that would still be below the target on exam day.
 *
 * Recall is FSRS retrievability (`retrievabilityAt`) at the start of the exam's study day, averaged over
 * the exam's cards; a card never studied counts as 0. The plan is simulated with the real scheduler (pass
 * one with fuzz off): every review is done on its due day, every final-pass card on its plan day, every
 * answer is Good.
 */
import { studyDayNumber, studyDayStart } from './day';
import { retrievabilityAt, type Scheduler } from './scheduler';
import { CardState, Grade, type CardRecord } from './types';

const DAY_MS = 86_400_000;
/** A new card's learning steps are a few minutes apart; this bounds the answers simulated in one day. */
const MAX_ANSWERS_A_DAY = 8;

/** How far ahead an exam can be planned: the plan is simulated day by day. */
export const MAX_PLAN_DAYS = 730;

/** Default cap on new cards a day: beyond it the plan says the target cannot be reached in time. */
export const MAX_NEW_PER_DAY = 100;

export interface ExamPlanInput {
  /** The exam's studyable cards; new cards are started in this order. */
  cards: readonly CardRecord[];
  now: Date;
  /** The exam's local calendar date, "YYYY-MM-DD"; recall is predicted at the start of that study day. */
  examDate: string;
  /** Target recall, 0 to 1 (0.9 for 90%). */
  target: number;
  /** The learner's scheduler, with fuzz off so the simulation is reproducible. */
  scheduler: Scheduler;
  dayStartHour: number;
  timeZone: string;
  /** The exam's cards already started today (today's plan counts them). */
  newDoneToday?: number;
  maxNewPerDay?: number;
}

export interface ExamDayPlan {
  /** The study day, "YYYY-MM-DD". */
  date: string;
  newCards: number;
  /** Cards already studied that come due that day. */
  reviews: number;
  /** Cards reviewed early that day because they would be below the target on exam day. */
  finalPass: number;
}

export interface ExamPrediction {
  cardCount: number;
  /** Cards never studied (each counts as 0 recall). */
  unstudied: number;
  /** Mean recall on exam day if nothing more is studied. */
  predictedRecall: number;
  belowTarget: number;
  belowTargetShare: number;
  /** Study days before the exam, today included; 0 on exam day or after it. */
  daysLeft: number;
  /** Epoch ms at which recall is predicted: the start of the exam's study day. */
  examAt: number;
  /** How many of the last days are kept for the final pass (no new cards). */
  finalPassDays: number;
  plan: ExamDayPlan[];
  /** Mean recall on exam day after following the plan. */
  projectedRecall: number;
  projectedBelowTarget: number;
  /** New cards the plan cannot start in time without more than `maxNewPerDay` new cards a day. */
  unstarted: number;
  /** True when following the plan reaches the target. */
  feasible: boolean;
  /** Today's final-pass cards, which a study session may show before they are due. */
  todayFinalPass: string[];
  /** Mean recall at each plan day while following the plan, then on exam day. */
  recallByDay: { date: string; recall: number }[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The study-day number of a "YYYY-MM-DD" date (days are numbered by their local date), or NaN. */
export function dayOfDate(date: string): number {
  const match = DATE.exec(date);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / DAY_MS;
}

/** The "YYYY-MM-DD" local date of a study-day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The last days before an exam, kept for the final pass: no new cards then when there is time. */
export const FINAL_PASS_DAYS = 2;

/**
 * How many of the `daysLeft` days are final-pass days: the last two before the exam, so that a plan made
 * two weeks ahead and one made the day before agree on which days they are.
 */
export function finalPassDaysFor(daysLeft: number): number {
  return Math.max(0, Math.min(FINAL_PASS_DAYS, daysLeft));
}

/**
 * New cards a day: `total` spread over `days` days, earlier days taking the remainder, each at most `cap`.
 * `doneToday` of today's share are already done.
 */
export function spreadNewCards(total: number, days: number, cap: number, doneToday = 0): number[] {
  const out: number[] = [];
  let left = total;
  const all = total + doneToday;
  for (let i = 0; i < days; i++) {
    const share = i === 0 ? Math.ceil(all / days) - doneToday : Math.ceil(left / (days - i));
    const n = Math.max(0, Math.min(share, cap - (i === 0 ? doneToday : 0), left));
    out.push(n);
    left -= n;
  }
  return out;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Predicts recall on exam day and plans the days before it. Pure: time and zone are parameters.
 * @throws RangeError for a date that is not one, or more than `MAX_PLAN_DAYS` days away.
 */
export function planExam(input: ExamPlanInput): ExamPrediction {
  const { cards, now, target, scheduler, dayStartHour, timeZone } = input;
  const cap = Math.max(0, input.maxNewPerDay ?? MAX_NEW_PER_DAY);
  const today = studyDayNumber(now, dayStartHour, timeZone);
  const examDay = dayOfDate(input.examDate);
  if (Number.isNaN(examDay)) throw new RangeError(`Not a date: ${input.examDate}`);
  const startOf = (day: number) => studyDayStart(day, dayStartHour, timeZone);
  const examAt = startOf(examDay);
  const exam = new Date(examAt);

  const recallNow = cards.map((card) => retrievabilityAt(card.fsrs, exam));
  const predictedRecall = mean(recallNow);
  const belowTarget = recallNow.filter((r) => r < target).length;
  const unstudied = cards.filter((card) => card.fsrs.state === CardState.New).length;
  const daysLeft = Math.max(0, examDay - today);
  if (daysLeft > MAX_PLAN_DAYS)
    throw new RangeError('This exam is more than two years away: choose a nearer date.');
  const finalPassDays = finalPassDaysFor(daysLeft);

  // The simulation: each card's state as the plan would leave it.
  const sim = cards.map((card) => ({ ...card }));
  const waiting = sim.filter((card) => card.fsrs.state === CardState.New);
  const quotas = spreadNewCards(
    waiting.length,
    Math.max(daysLeft - finalPassDays, daysLeft > 0 ? 1 : 0),
    cap,
    input.newDoneToday ?? 0,
  );
  const offset = now.getTime() - startOf(today);

  /** Answers Good at `at`, and again at each learning step still due before `end`. */
  const study = (card: CardRecord, at: number, end: number) => {
    let time = at;
    for (let i = 0; i < MAX_ANSWERS_A_DAY; i++) {
      card.fsrs = scheduler.gradeCard(card, Grade.Good, new Date(time)).fsrs;
      const due = card.fsrs.due.getTime();
      if (card.fsrs.state === CardState.Review || due >= end) return;
      time = Math.max(due, time);
    }
  };

  const plan: ExamDayPlan[] = [];
  const recallByDay: { date: string; recall: number }[] = [];
  let todayFinalPass: string[] = [];
  let next = 0;
  for (let day = today; day < examDay; day++) {
    const start = startOf(day);
    const end = startOf(day + 1);
    const at = day === today ? now.getTime() : Math.min(start + offset, end - 1);
    recallByDay.push({
      date: dateOfDay(day),
      recall: mean(sim.map((c) => retrievabilityAt(c.fsrs, new Date(at)))),
    });

    const reviewed = new Set<string>();
    for (const card of sim) {
      if (card.fsrs.state === CardState.New || card.fsrs.due.getTime() >= end) continue;
      study(card, Math.max(at, card.fsrs.due.getTime()), end);
      reviewed.add(card.id);
    }

    const quota = quotas[day - today] ?? 0;
    let started = 0;
    while (started < quota && next < waiting.length) {
      const card = waiting[next++]!;
      study(card, at, end);
      reviewed.add(card.id);
      started++;
    }

    let finalPass = 0;
    const finalLeft = examDay - day;
    if (finalLeft <= finalPassDays) {
      const weak = sim
        .filter((card) => card.fsrs.state !== CardState.New && !reviewed.has(card.id))
        .map((card) => ({ card, recall: retrievabilityAt(card.fsrs, exam) }))
        .filter((entry) => entry.recall < target)
        .sort((a, b) => a.recall - b.recall);
      const take = weak.slice(0, Math.ceil(weak.length / finalLeft));
      for (const { card } of take) study(card, at, end);
      finalPass = take.length;
      if (day === today) todayFinalPass = take.map((entry) => entry.card.id);
    }
    plan.push({ date: dateOfDay(day), newCards: started, reviews: reviewed.size - started, finalPass });
  }

  const projected = sim.map((card) => retrievabilityAt(card.fsrs, exam));
  const projectedRecall = mean(projected);
  const unstarted = waiting.length - next;
  recallByDay.push({ date: dateOfDay(examDay), recall: projectedRecall });
  return {
    cardCount: cards.length,
    unstudied,
    predictedRecall,
    belowTarget,
    belowTargetShare: cards.length === 0 ? 0 : belowTarget / cards.length,
    daysLeft,
    examAt,
    finalPassDays,
    plan,
    projectedRecall,
    projectedBelowTarget: projected.filter((r) => r < target).length,
    unstarted,
    feasible: cards.length > 0 && daysLeft > 0 && unstarted === 0 && projectedRecall >= target,
    todayFinalPass,
    recallByDay,
  };
}

/** An exam the learner set: its cards are those of its decks and those with one of its tags. */
export interface ExamPlan {
  id: string;
  name: string;
  /** Local calendar date, "YYYY-MM-DD". */
  date: string;
  deckIds: string[];
  tags: string[];
  /** Target recall, 0.5 to 0.99. */
  target: number;
}

export const DEFAULT_EXAM_TARGET = 0.9;

/** True when the card belongs to the exam and can be studied (not suspended, not multiple choice). */
export function examIncludes(exam: Pick<ExamPlan, 'deckIds' | 'tags'>, card: CardRecord): boolean {
  if (card.suspended || card.kind === 'mcq') return false;
  return exam.deckIds.includes(card.deckId) || card.tags.some((tag) => exam.tags.includes(tag));
}
