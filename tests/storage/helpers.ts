/**
 * Test helpers for storage: a fresh database per test (unique names), seeded cards and deck files built
 * from the real domain functions, and grades made by the real scheduler (fuzz off).
 */
import 'fake-indexeddb/auto';
import { makeCardRecord, withIndexKeys } from '../../src/domain/card-record';
import type { DeckCard, DeckFile } from '../../src/domain/deck-format';
import { makeScheduler, newFsrsCard } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, Grade, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { openAppDb, type DbHandlers } from '../../src/storage/db';
import { logOf } from '../domain/fixtures';
import { commitGrade, type GradeCommit } from '../../src/storage/study-store';
import type { AppDatabase } from '../../src/storage/transaction';

export const NOW = new Date('2026-01-05T09:00:00Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;

let counter = 0;

/** A database name no other test uses. */
export function uniqueDbName(label = 'test'): string {
  counter += 1;
  return `sarcomet-${label}-${counter}`;
}

/** A fresh, empty database at the current version. */
export async function openTestDb(handlers?: DbHandlers): Promise<AppDatabase> {
  return openAppDb(uniqueDbName(), handlers);
}

/** A deck card with predictable content: id `<deck>.c<n>`, fact `<deck>.f<n>`. */
export function deckCard(deckId: string, n: number, overrides: Partial<DeckCard> = {}): DeckCard {
  return {
    id: `${deckId}.c${n}`,
    factId: `${deckId}.f${n}`,
    kind: 'qa',
    front: `Question ${n} of ${deckId}?`,
    back: `Answer ${n}.`,
    tags: ['test'],
    ...overrides,
  };
}

/** A valid deck file with `count` cards (or the given cards). */
export function deckFile(
  id: string,
  cards: number | DeckCard[],
  overrides: Partial<DeckFile> = {},
): DeckFile {
  const list = typeof cards === 'number' ? Array.from({ length: cards }, (_, i) => deckCard(id, i)) : cards;
  return {
    format: 'sarcomet-deck',
    version: 1,
    id,
    title: `Deck ${id}`,
    description: `Cards of ${id}.`,
    language: 'en',
    tags: ['test'],
    cards: list,
    ...overrides,
  };
}

/** New card records `<deck>.c0 .. c<count-1>`, ranked in that order, as an import would make them. */
export function makeCards(deckId: string, count: number, now: Date = NOW): CardRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeCardRecord(deckId, deckCard(deckId, i), i, newFsrsCard(now), now),
  );
}

/** Stores card records directly (bypassing the code under test) and returns them. */
export async function seedCards(db: AppDatabase, cards: CardRecord[]): Promise<CardRecord[]> {
  const tx = db.transaction('cards', 'readwrite');
  await Promise.all([...cards.map((card) => tx.store.put(card)), tx.done]);
  return cards;
}

const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });

/** Grades a card with the real scheduler: the new card (with index keys) and its review log. */
export function makeGrade(
  card: CardRecord,
  grade: Grade,
  at: Date,
  logId: string,
): GradeCommit & { card: CardRecord } {
  const result = scheduler.gradeCard(card, grade, at);
  const next = withIndexKeys({ ...card, fsrs: result.fsrs });
  const log: ReviewLogRecord = { ...logOf(card, at, grade), id: logId };
  return { card: next, log };
}

/** Promise for a raw IndexedDB request. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Eight cards studied twice each; then three of them removed (their logs stay, as history). */
export async function seedStudied(): Promise<AppDatabase> {
  const db = await openTestDb();
  const cards = await seedCards(db, makeCards('m', 8));
  // Two reviews of every card, then three cards removed (their logs stay: history).
  for (const [i, card] of cards.entries()) {
    const first = makeGrade(card, Grade.Good, NOW, `l-${i}-a`);
    await commitGrade(db, first);
    await commitGrade(
      db,
      makeGrade(first.card, Grade.Good, new Date(NOW.getTime() + 10 * MINUTE), `l-${i}-b`),
    );
  }
  for (const id of ['m.c0', 'm.c4', 'm.c7']) await db.delete('cards', id);
  return db;
}

/**
 * Answers `cards[i]` with the grades of `plans[i]` through the default scheduler in `timeZone` (fuzz on, as
 * the app has it) and the app's commitGrade, starting at NOW, each review on the card's due date.
 */
export async function studyOnDueDates(
  db: AppDatabase,
  cards: CardRecord[],
  plans: Grade[][],
  timeZone: string,
): Promise<void> {
  const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone });
  for (const [i, plan] of plans.entries()) {
    let card = cards[i]!;
    let at = NOW;
    for (const [n, grade] of plan.entries()) {
      const fsrs = scheduler.gradeCard(card, grade, at).fsrs;
      const result = await commitGrade(db, {
        card: { id: card.id, fsrs },
        log: { ...logOf(card, at, grade), id: `${card.id}-${n}` },
      });
      if (result.status !== 'committed') throw new Error(`studying failed: ${result.status}`);
      card = result.card;
      at = new Date(Math.max(fsrs.due.getTime(), at.getTime() + MINUTE));
    }
  }
}
