/**
 * The exam planner's state (issue 11): the learner's exams with their predictions, saving and removing
 * exams, and the focus a study session needs to follow an exam's plan for today.
 */
import { createResource, createSignal, type Accessor } from 'solid-js';
import { studyDay, studyDayNumber } from '../domain/day';
import {
  dayOfDate,
  examIncludes,
  MAX_PLAN_DAYS,
  planExam,
  type ExamPlan,
  type ExamPrediction,
} from '../domain/exam-planner';
import { doneToday } from '../domain/queue';
import { stateBefore } from '../domain/review-log';
import { makeScheduler } from '../domain/scheduler';
import { CardState, type CardRecord, type DeckRecord, type Settings } from '../domain/types';
import { cardsOfDeck } from '../storage/card-store';
import { readExamPlans, saveExamPlans } from '../storage/exam-plan-store';
import { logsSince } from '../storage/review-log-store';
import type { AppDatabase } from '../storage/transaction';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';
import type { StudyFocus } from './study-snapshot';

export interface ExamView {
  plan: ExamPlan;
  /** Null when the exam cannot be planned (see `problem`). */
  prediction: ExamPrediction | null;
  problem: string;
}

/** An exam as the form gives it: without an id when it is new. */
export type ExamDraft = Omit<ExamPlan, 'id'> & { id?: string };

export interface ExamPlannerData {
  exams: ExamView[];
  /** Tags of the collection's cards, for the form. */
  tags: string[];
  /** Saved exams that could not be read (left out). */
  problem: string;
}

export interface ExamPlanner {
  data: Accessor<ExamPlannerData | undefined>;
  loading: Accessor<boolean>;
  /** Why the exams could not be loaded or saved. */
  error: Accessor<string>;
  /** Adds the exam (a new one has no id yet), or replaces the one with its id. Resolves false on failure. */
  save(plan: ExamDraft): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

/** Every card of the given decks, in the order new cards are studied (deck by deck, by position). */
async function cardsOfDecks(db: AppDatabase, decks: readonly DeckRecord[]): Promise<CardRecord[]> {
  const perDeck = await Promise.all(decks.map((deck) => cardsOfDeck(db, deck.id)));
  return perDeck.flatMap((cards) => cards.sort((a, b) => a.position - b.position));
}

/** The decks whose cards an exam can hold: its decks, or every deck when it also goes by tags. */
const decksOf = (plan: ExamPlan, decks: readonly DeckRecord[]) =>
  plan.tags.length > 0 ? decks : decks.filter((deck) => plan.deckIds.includes(deck.id));

/** The prediction of one exam from its cards and today's logs. */
function predict(
  plan: ExamPlan,
  cards: readonly CardRecord[],
  settings: Settings,
  startedToday: ReadonlySet<string>,
): ExamPrediction {
  const zone = timeZone();
  const mine = cards.filter((card) => examIncludes(plan, card));
  return planExam({
    cards: mine,
    now: now(),
    examDate: plan.date,
    target: plan.target,
    scheduler: makeScheduler({ ...settings, timeZone: zone }, { fuzz: false }),
    dayStartHour: settings.dayStartHour,
    timeZone: zone,
    newDoneToday: mine.filter((card) => startedToday.has(card.id)).length,
  });
}

/** Cards started today (their first review today was of a new card). */
async function startedToday(db: AppDatabase, settings: Settings) {
  const day = studyDay(now(), settings.dayStartHour, timeZone());
  const logs = await logsSince(db, day.start);
  return {
    logs,
    ids: new Set(logs.filter((log) => stateBefore(log) === CardState.New).map((log) => log.cardId)),
  };
}

export function createExamPlanner(collection: Collection): ExamPlanner {
  const [error, setError] = createSignal('');
  const [data, { refetch }] = createResource(
    () => (collection.state() === 'ready' ? collection.revision() : false),
    async (): Promise<ExamPlannerData> => {
      setError('');
      const db = await collection.db();
      const settings = collection.settings();
      const [{ plans, problem }, cards, today] = await Promise.all([
        readExamPlans(db),
        cardsOfDecks(db, collection.decks()),
        startedToday(db, settings),
      ]);
      const tags = [...new Set(cards.flatMap((card) => card.tags))].sort((a, b) => a.localeCompare(b));
      const exams = plans
        .map((plan): ExamView => {
          try {
            return { plan, prediction: predict(plan, cards, settings, today.ids), problem: '' };
          } catch (err) {
            return { plan, prediction: null, problem: message(err) };
          }
        })
        .sort((a, b) => a.plan.date.localeCompare(b.plan.date) || a.plan.name.localeCompare(b.plan.name));
      return { exams, tags, problem };
    },
  );

  const write = async (change: (plans: ExamPlan[]) => ExamPlan[]) => {
    setError('');
    try {
      const db = await collection.db();
      const { plans } = await readExamPlans(db);
      await saveExamPlans(db, change(plans));
      await refetch();
      return true;
    } catch (err) {
      setError(message(err));
      return false;
    }
  };

  return {
    data: () => (data.error ? undefined : data.latest),
    loading: () => data.loading,
    error: () => error() || (data.error ? `Your exams could not be loaded: ${message(data.error)}` : ''),
    save: (draft) => {
      const plan: ExamPlan = { ...draft, id: draft.id ?? crypto.randomUUID() };
      const today = studyDayNumber(now(), collection.settings().dayStartHour, timeZone());
      if (dayOfDate(plan.date) - today > MAX_PLAN_DAYS) {
        setError('Choose an exam date within two years.');
        return Promise.resolve(false);
      }
      return write((plans) =>
        plans.some((p) => p.id === plan.id)
          ? plans.map((p) => (p.id === plan.id ? plan : p))
          : [...plans, plan],
      );
    },
    remove: (id) => write((plans) => plans.filter((p) => p.id !== id)),
  };
}

/**
 * What a study session following exam `examId` shows today: the exam's cards only, as many new cards as
 * today's plan asks, and today's final-pass cards even before they are due. Rejects when the exam is gone.
 */
export async function loadExamFocus(collection: Collection, examId: string): Promise<StudyFocus> {
  const db = await collection.db();
  const settings = collection.settings();
  const { plans } = await readExamPlans(db);
  const plan = plans.find((p) => p.id === examId);
  if (!plan) throw new Error('This exam no longer exists. Open the exam planner to choose another.');
  const [cards, today] = await Promise.all([
    cardsOfDecks(db, decksOf(plan, collection.decks())),
    startedToday(db, settings),
  ]);
  const prediction = predict(plan, cards, settings, today.ids);
  const finalPass = new Set(prediction.todayFinalPass);
  return {
    include: (card) => examIncludes(plan, card),
    // The limit counts every new card started today, in any deck: today's plan comes on top of those.
    newPerDay: doneToday(today.logs).newCards + (prediction.plan[0]?.newCards ?? 0),
    early: cards.filter((card) => finalPass.has(card.id)),
  };
}

/** The exam's name, for the study screen's title. */
export async function examName(collection: Collection, examId: string): Promise<string> {
  const { plans } = await readExamPlans(await collection.db());
  return plans.find((p) => p.id === examId)?.name ?? '';
}
