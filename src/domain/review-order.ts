/**
 * The orders a backlog of reviews can be shown in (Settings → Review order). Kept apart from queue.ts:
 * the retrievability order needs ts-fsrs, which the first screen must not load.
 */
import type { StudyDay } from './day';
import { retrievabilityAt } from './scheduler';
import type { CardRecord, ReviewOrder } from './types';

/**
 * The key reviews are shown by, lowest first, under `order` at `now` (epoch ms) on `day`: the due date;
 * the retrievability at now (the card most likely forgotten first); or a hash of the card id seeded by the
 * study day, so a random order is the same all day (a reload does not reshuffle) and new the next day.
 */
export function reviewSortKey(
  order: ReviewOrder,
  now: number,
  day: Pick<StudyDay, 'start'>,
  parameters?: readonly number[],
): (card: CardRecord) => number {
  switch (order) {
    case 'due':
      return (card) => card.fsrs.due.getTime();
    case 'retrievability': {
      const at = new Date(now);
      return (card) => retrievabilityAt(card.fsrs, at, parameters);
    }
    case 'random': {
      const seed = `${day.start}:`;
      return (card) => hash32(seed + card.id);
    }
  }
}

/** FNV-1a over the string's UTF-16 units, then murmur3's finalizer, so ids that differ by one letter scatter. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
