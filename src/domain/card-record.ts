/**
 * Building card records and keeping their index keys (`due`, `newRank`) in step with their state.
 * The `by-due` and `by-new` indexes are sparse: a record without the key is not in the index.
 */
import type { DeckCard } from './deck-format';
import { CardState, LEECH_TAG, type CardRecord, type FsrsCard } from './types';

/**
 * Returns the record with its index keys (`due`, `reviewDue`, `learnDue`, `newRank`) set or removed to match
 * its state, suspension and kind.
 * `newRank` is the card's deck position, so a suspended new card returns to its place when unsuspended.
 */
export function withIndexKeys(card: CardRecord): CardRecord {
  const next: CardRecord = { ...card };
  delete next.due;
  delete next.reviewDue;
  delete next.learnDue;
  delete next.newRank;
  const studyable = !card.suspended && card.kind !== 'mcq';
  if (!studyable) return next;
  const state = card.fsrs.state;
  if (state === CardState.New) {
    next.newRank = card.position;
    return next;
  }
  const due = card.fsrs.due.getTime();
  next.due = due;
  if (state === CardState.Review) next.reviewDue = due;
  else next.learnDue = due;
  return next;
}

type CardContent = Pick<CardRecord, 'deckId' | 'factId' | 'kind' | 'front' | 'back' | 'tags' | 'position'> &
  Partial<Pick<CardRecord, 'source' | 'choices' | 'markup' | 'sourceNote' | 'note'>>;

/** The fields of a record that come from the deck file (optional ones only when present). */
function contentOf(deckId: string, card: DeckCard, rank: number): CardContent {
  const content: CardContent = {
    deckId,
    factId: card.factId,
    kind: card.kind,
    front: card.front,
    back: card.back,
    tags: [...card.tags],
    position: rank,
  };
  if (card.markup) content.markup = card.markup;
  if (card.source) content.source = card.source;
  if (card.sourceNote) content.sourceNote = card.sourceNote;
  if (card.note) content.note = card.note;
  if (card.choices) content.choices = card.choices;
  return content;
}

/** A new card record for a deck card, in position `rank` of its deck. */
export function makeCardRecord(
  deckId: string,
  card: DeckCard,
  rank: number,
  fsrs: FsrsCard,
  now: Date,
): CardRecord {
  return withIndexKeys({
    id: card.id,
    ...contentOf(deckId, card, rank),
    fsrs,
    suspended: false,
    buriedUntil: 0,
    addedAt: now.getTime(),
  });
}

/** Replaces a card's content with a newer version of the deck card, keeping its schedule and history. */
export function updateCardContent(
  existing: CardRecord,
  card: DeckCard,
  deckId: string,
  rank: number,
): CardRecord {
  const next: CardRecord = { ...existing };
  // A field the new version dropped (a source, choices) must not survive from the old one.
  delete next.markup;
  delete next.source;
  delete next.sourceNote;
  delete next.note;
  delete next.choices;
  const content = contentOf(deckId, card, rank);
  // The leech tag is the learner's, not the deck file's: a new version of the card keeps it.
  if (existing.tags.includes(LEECH_TAG) && !content.tags.includes(LEECH_TAG)) content.tags.push(LEECH_TAG);
  return withIndexKeys({ ...next, ...content });
}

/** True when two FSRS states are the same schedule (every field, dates by their instant). */
export function sameSchedule(a: FsrsCard, b: FsrsCard): boolean {
  return (
    a.due.getTime() === b.due.getTime() &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.elapsed_days === b.elapsed_days &&
    a.scheduled_days === b.scheduled_days &&
    a.learning_steps === b.learning_steps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.state === b.state &&
    a.last_review?.getTime() === b.last_review?.getTime()
  );
}
