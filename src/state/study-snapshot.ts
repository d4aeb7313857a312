/**
 * Reads what the queue needs for the current study day through the `by-due`, `by-new` and `by-time`
 * indexes (never a scan of all cards), and builds queues from it.
 */
import { studyDay, type StudyDay } from '../domain/day';
import { buildQueue, type StudyQueue } from '../domain/queue';
import type { CardRecord, DeckRecord, ReviewLogRecord, Settings } from '../domain/types';
import { dueCards, newCards } from '../storage/card-store';
import { logsSince } from '../storage/review-log-store';
import type { AppDatabase } from '../storage/transaction';

export interface StudySnapshot {
  now: number;
  day: StudyDay;
  dueCards: CardRecord[];
  newCards: CardRecord[];
  todayLogs: ReviewLogRecord[];
  settings: Settings;
}

/** Siblings sit next to each other in deck order, so read enough new cards to fill the day with distinct facts. */
const NEW_CARD_MARGIN = 6;

export async function loadSnapshot(
  db: AppDatabase,
  decks: readonly DeckRecord[],
  settings: Settings,
  now: Date,
  timeZone: string,
): Promise<StudySnapshot> {
  const day = studyDay(now, settings.dayStartHour, timeZone);
  const want = settings.newPerDay * NEW_CARD_MARGIN + 10;
  const [due, logs, ...fresh] = await Promise.all([
    dueCards(db, day.end),
    logsSince(db, day.start),
    ...decks.map((deck) => newCards(db, deck.id, want)),
  ]);
  return { now: now.getTime(), day, dueCards: due, newCards: fresh.flat(), todayLogs: logs, settings };
}

/** The queue of the snapshot, for some decks or (without `deckIds`) for all. */
export function queueOf(snapshot: StudySnapshot, deckIds?: ReadonlySet<string>): StudyQueue {
  return buildQueue({
    now: snapshot.now,
    day: snapshot.day,
    dueCards: snapshot.dueCards,
    newCards: snapshot.newCards,
    todayLogs: snapshot.todayLogs,
    limits: { newPerDay: snapshot.settings.newPerDay, reviewsPerDay: snapshot.settings.reviewsPerDay },
    ...(deckIds ? { deckIds } : {}),
  });
}
