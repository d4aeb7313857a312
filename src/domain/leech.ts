/**
 * Leeches: cards the learner keeps forgetting. As in Anki, a card whose lapses (Again on a review card)
 * reach the threshold is tagged "leech" and suspended, so it stops eating study time until the learner
 * rewrites or unsuspends it; if it keeps lapsing after that, it is made a leech again every half threshold.
 */
import { LEECH_TAG, type CardRecord } from './types';

/**
 * True when a grade that took a card from `lapsesBefore` to `lapsesAfter` lapses makes it a leech under
 * `threshold`: the grade was a lapse, and it reached the threshold or another half threshold beyond it.
 */
export function becomesLeech(lapsesBefore: number, lapsesAfter: number, threshold: number): boolean {
  if (!(threshold >= 1) || lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / 2));
  return (lapsesAfter - threshold) % every === 0;
}

/** True when the card carries the leech tag. */
export function isLeech(card: Pick<CardRecord, 'tags'>): boolean {
  return card.tags.includes(LEECH_TAG);
}

/** The card made a leech: tagged (once) and suspended. Its index keys are left to the caller. */
export function markLeech(card: CardRecord): CardRecord {
  return { ...card, tags: isLeech(card) ? card.tags : [...card.tags, LEECH_TAG], suspended: true };
}
