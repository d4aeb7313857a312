import { makeCardRecord, withIndexKeys } from '../../src/domain/card-record';
import { makeReviewLog } from '../../src/domain/review-log';
import { newFsrsCard } from '../../src/domain/scheduler';
import type { CardRecord, CardState, Grade, ReviewLogRecord } from '../../src/domain/types';

export const NOW = new Date('2026-01-05T09:00:00Z');
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

let rank = 0;
/** A new card of deck `deckId` for fact `factId` (defaults to its own fact). */
export function newCard(
  id: string,
  opts: { deckId?: string; factId?: string; kind?: CardRecord['kind'] } = {},
) {
  return makeCardRecord(
    opts.deckId ?? 'deck-a',
    {
      id,
      factId: opts.factId ?? `fact-${id}`,
      kind: opts.kind ?? 'qa',
      front: `front ${id}`,
      back: `back ${id}`,
      tags: [],
      ...(opts.kind === 'mcq' ? { choices: { options: ['a', 'b'], answer: [0] } } : {}),
    },
    rank++,
    newFsrsCard(NOW),
    NOW,
  );
}

/** A card in `state`, due at `due`. */
export function cardIn(
  state: CardState,
  due: Date,
  id: string,
  opts: Parameters<typeof newCard>[1] = {},
): CardRecord {
  const card = newCard(id, opts);
  return withIndexKeys({ ...card, fsrs: { ...card.fsrs, state, due, reps: 1, stability: 3, difficulty: 5 } });
}

/** A review log of `card` at `time`. */
export function logOf(
  card: CardRecord,
  time: Date,
  grade: Grade = 3,
  stateBefore = card.fsrs.state,
): ReviewLogRecord {
  return makeReviewLog(
    { ...card, fsrs: { ...card.fsrs, state: stateBefore } },
    grade,
    time,
    `log-${card.id}-${time.getTime()}`,
  );
}

/** `length` letters that do not compress (64 symbols picked by xorshift32 from `seed`), for size limits. */
export function incompressibleText(length: number, seed = 2_463_534_242): string {
  const symbols = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .';
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += symbols[(state >>> 0) % 64];
  }
  return out;
}
