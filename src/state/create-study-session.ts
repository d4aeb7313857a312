/**
 * One study session: the current card, its answer side, grading, undo, suspend and bury.
 * A grade is committed to IndexedDB (card state and review log in one transaction) before the next card
 * is shown; if the commit fails, the card stays on screen with a message and nothing is lost. If another tab
 * changed the card meanwhile, the grade writes nothing and the card is shown again as it now is.
 * Undo reverts this session's own last action (a grade, bury or suspend), never another tab's.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { sameSchedule } from '../domain/card-record';
import type { QueueCounts } from '../domain/queue';
import { formatInterval, makeScheduler } from '../domain/scheduler';
import { makeReviewLog } from '../domain/review-log';
import { CardState, GRADES, type CardRecord, type Grade, type ReviewLogRecord } from '../domain/types';
import { studyDayNumber, studyDayStart } from '../domain/day';
import { requestPersistentStorage } from '../pwa/storage';
import { buryCard, firstDueAfter, getCard, suspendCard } from '../storage/card-store';
import { commitGrade, undoAction, type UndoableAction } from '../storage/study-store';
import { newLogId, now, timeZone } from './clock';
import type { Collection } from './create-collection';
import {
  applyGrade,
  loadDay,
  needsReload,
  queueOfDay,
  type StudyDayCache,
  type StudyFocus,
} from './study-snapshot';

export type Phase = 'loading' | 'question' | 'answer' | 'done' | 'error';

export interface DoneInfo {
  /** Epoch ms of the next card that will come due, if any. */
  nextDue: number | null;
  /** True when new cards would be studied now but for today's limit of new cards. */
  newLimitReached: boolean;
  /** True when reviews due today are held back by today's review limit. */
  reviewLimitReached: boolean;
  /** Start of the next study day (epoch ms). */
  nextDayStart: number;
  /** Cards answered today (all decks). */
  answeredToday: number;
  /** A focused session (a list of cards, such as a quiz's missed ones) whose every card was studied. */
  focused?: boolean;
}

export interface StudySession {
  phase: Accessor<Phase>;
  card: Accessor<CardRecord | null>;
  counts: Accessor<QueueCounts>;
  /** Interval labels per grade, e.g. { 3: "10m" }. */
  intervals: Accessor<Partial<Record<Grade, string>>>;
  busy: Accessor<boolean>;
  error: Accessor<string>;
  /** Something the learner should know that is not an error (the card changed in another tab). */
  notice: Accessor<string>;
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

/** What the learner is told when a grade made its card a leech (`lapses`: how often it was forgotten). */
export function leechNotice(lapses: number): string {
  return `That card has been forgotten ${lapses} times, so it is now a leech: tagged “leech” and suspended. Find it under “Leeches” in its deck’s cards to rewrite or unsuspend it.`;
}

const CHANGED_ELSEWHERE =
  'This card was changed in another tab or window, so that answer was not saved. Here it is as it is now.';

/**
 * A session over some decks, or over all decks when `deckIds` is null. With `focus`, each load first asks
 * it which cards to study (an exam's plan for today, which changes as the learner studies). When `cardList`
 * gives a list, a focused session instead: exactly the listed cards (e.g. a quiz's missed ones), each shown
 * once, due or not, in list order; `cardList` gives null while that list is still being read, undefined for
 * a normal session.
 */
export function createStudySession(
  collection: Collection,
  deckIds: Accessor<ReadonlySet<string> | null>,
  focus?: () => Promise<StudyFocus | undefined>,
  cardList: Accessor<readonly string[] | null | undefined> = () => undefined,
): StudySession {
  const [phase, setPhase] = createSignal<Phase>('loading');
  const [card, setCard] = createSignal<CardRecord | null>(null);
  const [counts, setCounts] = createSignal<QueueCounts>({ new: 0, learning: 0, review: 0 });
  const [intervals, setIntervals] = createSignal<Partial<Record<Grade, string>>>({});
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [notice, setNotice] = createSignal('');
  const [undoStack, setUndoStack] = createSignal<UndoableAction[]>([]);
  const [done, setDone] = createSignal<DoneInfo | null>(null);
  const [announcement, setAnnouncement] = createSignal('');

  // Rebuilt only when the settings change, not on every reveal and grade.
  const scheduler = createMemo(() => makeScheduler({ ...collection.settings(), timeZone: timeZone() }));

  /** Epoch ms when the card on screen was shown: its log keeps how long the answer took. */
  let shownAt = 0;
  const show = (next: CardRecord) => {
    if (next.id !== card()?.id || phase() !== 'question') shownAt = now().getTime();
    setCard(next);
    setPhase('question');
    setAnnouncement(`Question: ${next.front}`);
  };

  /** The day's queue in memory: patched after each grade, reloaded when it can no longer stand for the stored one. */
  let cache: StudyDayCache | null = null;
  /** Increases with every change this session makes; a load begun before one is not kept as the cache. */
  let generation = 0;

  const load = async (): Promise<StudyDayCache> => {
    const started = generation;
    const db = await collection.db();
    const ids = deckIds();
    // New cards are read only for the decks being studied.
    const decks = ids ? collection.decks().filter((d) => ids.has(d.id)) : collection.decks();
    const focused = focus ? await focus() : undefined;
    const loaded = await loadDay(db, decks, collection.settings(), now(), timeZone(), {
      ...(ids ? { deckIds: ids } : {}),
      ...(focused ? { focus: focused } : {}),
    });
    if (started === generation) cache = loaded;
    return loaded;
  };

  /** Shows the queue's next card (or `forced`, a card to show again), or the done screen. */
  const present = async (day: StudyDayCache, forced?: CardRecord) => {
    const at = now().getTime();
    const queue = queueOfDay(day, at);
    setCounts(queue.counts);
    const next = forced ?? queue.next;
    if (next) {
      setDone(null);
      show(next);
      return queue;
    }
    setCard(null);
    const ids = deckIds();
    const later = queue.nextLearningAt ?? (await firstDueAfter(await collection.db(), at, ids ?? undefined));
    setDone({
      nextDue: later,
      newLimitReached: queue.limited.new,
      reviewLimitReached: queue.limited.review,
      nextDayStart: day.day.end,
      answeredToday: day.todayLogs.length,
    });
    setPhase('done');
    setAnnouncement('No more cards to study now.');
    return queue;
  };

  /** Cards of the focused session answered (or left by suspending) in it; Undo puts one back. */
  const studied = new Set<string>();

  /** Shows the focused session's next card (or `forced`), or the done screen. */
  const presentFocus = async (forced?: CardRecord) => {
    const ids = cardList();
    if (!ids) {
      setPhase('loading');
      return;
    }
    const db = await collection.db();
    const at = now().getTime();
    const stored = await Promise.all(ids.filter((id) => !studied.has(id)).map((id) => getCard(db, id)));
    const left = stored.filter(
      (c): c is CardRecord => c !== undefined && !c.suspended && c.kind !== 'mcq' && c.buriedUntil <= at,
    );
    const inState = (...states: CardState[]) => left.filter((c) => states.includes(c.fsrs.state)).length;
    setCounts({
      new: inState(CardState.New),
      learning: inState(CardState.Learning, CardState.Relearning),
      review: inState(CardState.Review),
    });
    const next = forced ?? left[0];
    if (next) {
      setDone(null);
      show(next);
      return;
    }
    setCard(null);
    setDone({
      nextDue: null,
      newLimitReached: false,
      reviewLimitReached: false,
      nextDayStart: dayEnd(at),
      answeredToday: studied.size,
      focused: true,
    });
    setPhase('done');
    setAnnouncement('You studied every card of this session.');
  };

  /** End of the study day of `at` (epoch ms), for a bury when no day is loaded. */
  const dayEnd = (at: number) => {
    const { dayStartHour } = collection.settings();
    return studyDayStart(studyDayNumber(at, dayStartHour, timeZone()) + 1, dayStartHour, timeZone());
  };

  /**
   * Reloads the day and shows its next card (or `forced`). With `keep`, only the counts are updated and the
   * card on screen stays as it is.
   */
  const refresh = async (options: { forced?: CardRecord; keep?: boolean } = {}) => {
    try {
      if (cardList() !== undefined) {
        if (!options.keep) await presentFocus(options.forced);
        return;
      }
      const started = generation;
      const day = await load();
      if (options.keep) {
        if (started === generation) setCounts(queueOfDay(day, now().getTime()).counts);
        return;
      }
      await present(day, options.forced);
    } catch (err) {
      setError(errorText(err));
      setPhase('error');
    }
  };

  const run = async (action: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
      setAnnouncement(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remember = (action: UndoableAction) => {
    generation += 1;
    setUndoStack((stack) => [...stack, action]);
  };

  const tellNotice = (text: string) => {
    setNotice(text);
    setAnnouncement(text);
  };

  // Another tab changed the collection: before the learner's next action here, make sure the card on
  // screen is still the one stored; if not, move on (or show it as it now is).
  const stop = collection.onRemoteChange((message) => {
    if (busy()) return;
    const current = card();
    if (!current || (phase() !== 'question' && phase() !== 'answer')) {
      if (phase() === 'done') void refresh();
      return;
    }
    if (message.cardIds && !message.cardIds.includes(current.id)) {
      void refresh({ keep: true });
      return;
    }
    void run(async () => {
      const stored = await getCard(await collection.db(), current.id);
      const unchanged =
        stored !== undefined &&
        sameSchedule(stored.fsrs, current.fsrs) &&
        !stored.suspended &&
        stored.buriedUntil === current.buriedUntil;
      if (unchanged) {
        if (stored.front !== current.front || stored.back !== current.back) setCard(stored);
        await refresh({ keep: true });
      } else {
        await refresh();
        tellNotice('The card you were on was studied or changed in another tab or window.');
      }
    });
  });
  onCleanup(stop);

  /** Moves on after a committed grade of `graded` (the card as stored now). */
  const advance = async (graded: CardRecord, log: ReviewLogRecord, at: Date) => {
    if (cardList() !== undefined) {
      studied.add(graded.id);
      await refresh();
      return;
    }
    if (!cache || cache.day.end <= at.getTime()) {
      await refresh();
      return;
    }
    // The next card comes from the day in memory; the stored day is read again only when needed.
    const patched = applyGrade(cache, graded, log);
    cache = patched;
    const queue = await present(patched);
    if (needsReload(patched, queue, now().getTime())) void refresh({ keep: true });
  };

  return {
    phase,
    card,
    counts,
    intervals,
    busy,
    error,
    notice,
    canUndo: () => undoStack().length > 0,
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
        const log = makeReviewLog(current, grade, at, newLogId(at), shownAt);
        // The UI advances only after the transaction has committed.
        const db = await collection.db();
        const outcome = await commitGrade(db, {
          card: { id: current.id, fsrs: result.fsrs },
          log,
          leechThreshold: collection.settings().leechThreshold,
        });
        switch (outcome.status) {
          case 'committed': {
            remember({
              kind: 'grade',
              cardId: current.id,
              logId: log.id,
              before: current.fsrs,
              after: outcome.card.fsrs,
              ...(outcome.leech ? { leech: outcome.leech } : {}),
            });
            void requestPersistentStorage();
            collection.changed('cards', [current.id]);
            await advance(outcome.card, log, at);
            // After the next card is shown, so the notice is what the live region says last.
            if (outcome.leech) tellNotice(leechNotice(outcome.card.fsrs.lapses));
            return;
          }
          case 'duplicate':
            await refresh();
            return;
          case 'stale':
            await refresh({ forced: outcome.card });
            tellNotice(CHANGED_ELSEWHERE);
            return;
          case 'gone':
            await refresh();
            tellNotice('This card was removed by a deck update, so that answer was not saved.');
            return;
        }
      }),
    undo: () =>
      run(async () => {
        const action = undoStack().at(-1);
        if (!action) return;
        setUndoStack((stack) => stack.slice(0, -1));
        generation += 1;
        studied.delete(action.cardId);
        const outcome = await undoAction(await collection.db(), action);
        if (outcome.status === 'conflict') {
          await refresh();
          tellNotice('That card was changed in another tab or window since, so there was nothing to undo.');
          return;
        }
        collection.changed('cards', [action.cardId]);
        await refresh({ forced: outcome.card });
        setAnnouncement(`Undone. Question: ${outcome.card.front}`);
      }),
    suspend: () =>
      run(async () => {
        const current = card();
        if (!current) return;
        const stored = await suspendCard(await collection.db(), current.id, true);
        remember({ kind: 'suspend', cardId: current.id, before: false, after: stored.suspended });
        collection.changed('cards', [current.id]);
        await refresh();
        setAnnouncement('Card suspended. It will not be shown until you unsuspend it.');
      }),
    bury: () =>
      run(async () => {
        const current = card();
        if (!current) return;
        // Until the end of the study day the card was shown in.
        const stored = await buryCard(
          await collection.db(),
          current.id,
          cache?.day.end ?? dayEnd(now().getTime()),
        );
        remember({
          kind: 'bury',
          cardId: current.id,
          before: current.buriedUntil,
          after: stored.buriedUntil,
        });
        collection.changed('cards', [current.id]);
        await refresh();
        setAnnouncement('Card buried until tomorrow.');
      }),
  };
}
