/**
 * Reads what the day's queue needs through the `by-due`, `by-new` and `by-time` indexes (never a scan of
 * all cards), and builds queues from it: the due cards and today's logs once, then each queue's new cards
 * by paging through `by-new` until the day's room for new cards is full or the decks run out.
 */
import { studyDay, type StudyDay } from '../domain/day';
import { admitNewCard, finishQueue, planDay, type StudyQueue } from '../domain/queue';
import type { CardRecord, DeckRecord, ReviewLogRecord, Settings } from '../domain/types';
import { dueCards, newCards } from '../storage/card-store';
import { logsSince } from '../storage/review-log-store';
import type { AppDatabase } from '../storage/transaction';

export interface StudySnapshot {
  now: number;
  day: StudyDay;
  /** Studied cards due before the end of the study day, earliest first. */
  dueCards: CardRecord[];
  /** Review logs since the start of the study day. */
  todayLogs: ReviewLogRecord[];
  settings: Settings;
}

/** Reads the due cards and today's logs for the study day containing `now` in `timeZone`. */
export async function loadSnapshot(
  db: AppDatabase,
  settings: Settings,
  now: Date,
  timeZone: string,
): Promise<StudySnapshot> {
  const day = studyDay(now, settings.dayStartHour, timeZone);
  const [due, logs] = await Promise.all([dueCards(db, day.end), logsSince(db, day.start)]);
  return { now: now.getTime(), day, dueCards: due, todayLogs: logs, settings };
}

/**
 * The queue of the snapshot for `decks` (in the order their new cards are studied). With `deckIds` the queue
 * holds only those decks' cards; without, every deck's. New cards are read page by page from `by-new`,
 * skipping those that cannot be studied today (a sibling in the queue), until today's room is full.
 */
export async function queueOf(
  db: AppDatabase,
  snapshot: StudySnapshot,
  decks: readonly DeckRecord[],
  deckIds?: ReadonlySet<string>,
): Promise<StudyQueue> {
  const plan = planDay({
    now: snapshot.now,
    day: snapshot.day,
    dueCards: snapshot.dueCards,
    todayLogs: snapshot.todayLogs,
    limits: { newPerDay: snapshot.settings.newPerDay, reviewsPerDay: snapshot.settings.reviewsPerDay },
    ...(deckIds ? { deckIds } : {}),
  });
  const page = Math.max(plan.newRoom, 10) * 2;
  for (const deck of decks) {
    if (deckIds && !deckIds.has(deck.id)) continue;
    let after: number | undefined;
    let open = true;
    while (open) {
      const cards = await newCards(db, deck.id, page, after);
      for (const card of cards) {
        open = admitNewCard(plan, card) || !plan.newLimited;
        if (!open) break;
      }
      if (cards.length < page) break;
      after = cards[cards.length - 1]?.newRank;
    }
    if (plan.newLimited) break;
  }
  return finishQueue(plan);
}

export interface Overview {
  /** What "Study all" gives now. */
  all: StudyQueue['counts'];
  /** For each deck, what studying that deck alone gives now (the daily limits are shared by all decks). */
  decks: { deck: DeckRecord; counts: StudyQueue['counts'] }[];
  answeredToday: number;
}

/** Home's counts: the due cards and today's logs are read once, then each deck's queue is built from them. */
export async function loadOverview(
  db: AppDatabase,
  decks: readonly DeckRecord[],
  settings: Settings,
  now: Date,
  timeZone: string,
): Promise<Overview> {
  const snapshot = await loadSnapshot(db, settings, now, timeZone);
  const all = (await queueOf(db, snapshot, decks)).counts;
  const perDeck = await Promise.all(
    decks.map(async (deck) => ({
      deck,
      counts: (await queueOf(db, snapshot, [deck], new Set([deck.id]))).counts,
    })),
  );
  return { all, decks: perDeck, answeredToday: snapshot.todayLogs.length };
}
