/**
 * Turning stored decks back into deck files (export, share, snapshots) and reading the scheduling an export
 * "with scheduling" carries. Pure: the storage layer reads the records and writes the results.
 */
import {
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  type CardSchedule,
  type DeckCard,
  type DeckFile,
  type HistoryEntry,
} from './deck-format';
import type { CardRecord, DeckRecord, FsrsCard, PackedSchedule, ReviewLogRecord } from './types';

/** A card's FSRS state and suspension as a deck file carries them. */
export function scheduleOf(card: Pick<CardRecord, 'fsrs' | 'suspended' | 'resetAt'>): CardSchedule {
  const { fsrs } = card;
  const schedule: CardSchedule = {
    due: fsrs.due.getTime(),
    stability: fsrs.stability,
    difficulty: fsrs.difficulty,
    elapsedDays: fsrs.elapsed_days,
    scheduledDays: fsrs.scheduled_days,
    learningSteps: fsrs.learning_steps,
    reps: fsrs.reps,
    lapses: fsrs.lapses,
    state: fsrs.state,
  };
  if (fsrs.last_review) schedule.lastReview = fsrs.last_review.getTime();
  if (card.suspended) schedule.suspended = true;
  if (card.resetAt !== undefined) schedule.resetAt = card.resetAt;
  return schedule;
}

/** The FSRS state a deck file's schedule describes. */
export function fsrsOf(schedule: CardSchedule): FsrsCard {
  const fsrs: FsrsCard = {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: schedule.state,
  };
  if (schedule.lastReview !== undefined) fsrs.last_review = new Date(schedule.lastReview);
  return fsrs;
}

/** A review log as a deck file's card carries it. */
export function historyEntryOf(log: ReviewLogRecord): HistoryEntry {
  return { id: log.id, time: log.time, grade: log.grade, prev: [...log.prev] as PackedSchedule };
}

/** The review logs a deck file's card carries, for the card it belongs to. */
export function logsOf(card: Pick<DeckCard, 'id' | 'factId' | 'history'>): ReviewLogRecord[] {
  return (card.history ?? []).map((entry) => ({
    id: entry.id,
    cardId: card.id,
    factId: card.factId,
    time: entry.time,
    grade: entry.grade,
    prev: [...entry.prev] as PackedSchedule,
  }));
}

/** The deck-file card of a stored card: its content, and with `logs` its schedule and reviews too. */
export function deckCardOf(card: CardRecord, logs?: readonly ReviewLogRecord[]): DeckCard {
  const out: DeckCard = {
    id: card.id,
    factId: card.factId,
    kind: card.kind,
    front: card.front,
    back: card.back,
    tags: [...card.tags],
  };
  if (card.markup) out.markup = card.markup;
  if (card.source) out.source = card.source;
  if (card.sourceNote) out.sourceNote = card.sourceNote;
  if (card.note) out.note = card.note;
  if (card.choices) out.choices = card.choices;
  if (logs) {
    out.schedule = scheduleOf(card);
    if (logs.length > 0) out.history = [...logs].sort((a, b) => a.time - b.time).map(historyEntryOf);
  }
  return out;
}

/**
 * A deck file of a stored deck; cards in deck order. With `logsByCard` (scheduling included) every card
 * carries its schedule and its reviews.
 */
export function deckFileOf(
  deck: DeckRecord,
  cards: readonly CardRecord[],
  logsByCard?: ReadonlyMap<string, readonly ReviewLogRecord[]>,
): DeckFile {
  const file: DeckFile = {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id: deck.id,
    title: deck.title,
    description: deck.description,
    language: deck.language,
    tags: [...deck.tags],
    cards: [...cards]
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((card) => deckCardOf(card, logsByCard ? (logsByCard.get(card.id) ?? []) : undefined)),
  };
  if (deck.topic !== undefined) file.topic = deck.topic;
  return file;
}

/** A file name for a deck's export: its title, made safe, and `.sarcomet.json`. */
export function deckFileName(deck: Pick<DeckFile, 'id' | 'title'>): string {
  const base = deck.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${base || deck.id.replace(/[^a-z0-9-]/g, '-')}.sarcomet.json`;
}
