/**
 * One study session: the current card, its answer side, grading, undo, suspend and bury.
 * A grade is committed to IndexedDB (card state and review log in one transaction) before the next card
 * is shown; if the commit fails, the card stays on screen with a message and nothing is lost.
 */
import { createMemo, createSignal, type Accessor } from 'solid-js';
import { withIndexKeys } from '../domain/card-record';
import type { QueueCounts } from '../domain/queue';
import { formatInterval, makeScheduler } from '../domain/scheduler';
import { GRADES, type CardRecord, type Grade, type ReviewLogRecord } from '../domain/types';
import { buryCard, firstDueAfter, suspendCard } from '../storage/card-store';
import { requestPersistentStorage } from '../pwa/storage';
import { commitGrade, undoLastGrade } from '../storage/study-store';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';
import { loadSnapshot, queueOf } from './study-snapshot';

export type Phase = 'loading' | 'question' | 'answer' | 'done' | 'error';

export interface DoneInfo {
  /** Epoch ms of the next card that will come due, if any. */
  nextDue: number | null;
  /** True when new cards are waiting but today's limit is reached. */
  newLimitReached: boolean;
  /** Start of the next study day (epoch ms). */
  nextDayStart: number;
  /** Cards answered today (all decks). */
  answeredToday: number;
}

export interface StudySession {
  phase: Accessor<Phase>;
  card: Accessor<CardRecord | null>;
  counts: Accessor<QueueCounts>;
  /** Interval labels per grade, e.g. { 3: "10m" }. */
  intervals: Accessor<Partial<Record<Grade, string>>>;
  busy: Accessor<boolean>;
  error: Accessor<string>;
  canUndo: Accessor<boolean>;
  done: Accessor<DoneInfo | null>;
  /** Short status for the polite live region. */
  announcement: Accessor<string>;
  refresh(): Promise<void>;
  reveal(): void;
  grade(grade: Grade): Promise<void>;
  undo(): Promise<void>;
  suspend(): Promise<void>;
  bury(): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Saving failed. Please try again.';
}

/** A session over some decks, or over all decks when `deckIds` is null. */
export function createStudySession(
  collection: Collection,
  deckIds: Accessor<ReadonlySet<string> | null>,
): StudySession {
  const [phase, setPhase] = createSignal<Phase>('loading');
  const [card, setCard] = createSignal<CardRecord | null>(null);
  const [counts, setCounts] = createSignal<QueueCounts>({ new: 0, learning: 0, review: 0 });
  const [intervals, setIntervals] = createSignal<Partial<Record<Grade, string>>>({});
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [canUndo, setCanUndo] = createSignal(false);
  const [done, setDone] = createSignal<DoneInfo | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  let dayEnd = 0;

  // Rebuilt only when the settings change, not on every reveal and grade.
  const scheduler = createMemo(() => makeScheduler(collection.settings()));

  const show = (next: CardRecord) => {
    setCard(next);
    setPhase('question');
    setAnnouncement(`Question: ${next.front}`);
  };

  const refresh = async (forced?: CardRecord) => {
    try {
      const db = await collection.db();
      const ids = deckIds();
      // New cards are read only for the decks being studied.
      const decks = ids ? collection.decks().filter((d) => ids.has(d.id)) : collection.decks();
      const snapshot = await loadSnapshot(db, decks, collection.settings(), now(), timeZone());
      dayEnd = snapshot.day.end;
      const queue = queueOf(snapshot, ids ?? undefined);
      setCounts(queue.counts);
      const next = forced ?? queue.next;
      if (next) {
        setDone(null);
        show(next);
        return;
      }
      setCard(null);
      const later = queue.nextLearningAt ?? (await firstDueAfter(db, snapshot.now, ids ?? undefined));
      const newWaiting = snapshot.newCards.some((c) => !ids || ids.has(c.deckId));
      setDone({
        nextDue: later,
        newLimitReached: newWaiting && queue.counts.new === 0,
        nextDayStart: snapshot.day.end,
        answeredToday: snapshot.todayLogs.length,
      });
      setPhase('done');
      setAnnouncement('No more cards to study now.');
    } catch (err) {
      setError(errorText(err));
      setPhase('error');
    }
  };

  const run = async (action: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
      setAnnouncement(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return {
    phase,
    card,
    counts,
    intervals,
    busy,
    error,
    canUndo,
    done,
    announcement,
    refresh: () => refresh(),
    reveal() {
      const current = card();
      if (phase() !== 'question' || !current) return;
      const at = now();
      const preview = scheduler().previewCard(current, at);
      const labels: Partial<Record<Grade, string>> = {};
      for (const g of GRADES) labels[g] = formatInterval(at, preview[g]);
      setIntervals(labels);
      setPhase('answer');
      setAnnouncement(`Answer: ${current.back}`);
    },
    grade: (grade) =>
      run(async () => {
        const current = card();
        if (phase() !== 'answer' || !current) return;
        const at = now();
        const result = scheduler().gradeCard(current, grade, at);
        const next = withIndexKeys({ ...current, fsrs: result.fsrs });
        const log: ReviewLogRecord = {
          id: crypto.randomUUID(),
          cardId: current.id,
          deckId: current.deckId,
          factId: current.factId,
          time: at.getTime(),
          grade,
          stateBefore: current.fsrs.state,
          log: result.log,
          previous: current,
        };
        // The UI advances only after the transaction has committed.
        await commitGrade(await collection.db(), { card: next, log });
        void requestPersistentStorage();
        setCanUndo(true);
        collection.changed();
        await refresh();
      }),
    undo: () =>
      run(async () => {
        const undone = await undoLastGrade(await collection.db());
        setCanUndo(false);
        if (!undone) return;
        collection.changed();
        await refresh(undone.card);
        setAnnouncement(`Undone. Question: ${undone.card.front}`);
      }),
    suspend: () =>
      run(async () => {
        const current = card();
        if (!current) return;
        await suspendCard(await collection.db(), current.id, true);
        collection.changed();
        await refresh();
        setAnnouncement('Card suspended. It will not be shown until you unsuspend it.');
      }),
    bury: () =>
      run(async () => {
        const current = card();
        if (!current) return;
        await buryCard(await collection.db(), current.id, dayEnd);
        collection.changed();
        await refresh();
        setAnnouncement('Card buried until tomorrow.');
      }),
  };
}
