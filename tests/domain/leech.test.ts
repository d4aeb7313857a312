import { describe, expect, it } from 'vitest';
import { becomesLeech, isLeech, markLeech } from '../../src/domain/leech';
import { LEECH_TAG } from '../../src/domain/types';
import { newCard } from './fixtures';

describe('becomesLeech', () => {
  const cases: [string, number, number, number, boolean][] = [
    ['the lapse that reaches the threshold', 7, 8, 8, true],
    ['a lapse below the threshold', 6, 7, 8, false],
    ['a grade that is no lapse, at the threshold', 8, 8, 8, false],
    ['a lapse one past the threshold', 8, 9, 8, false],
    ['a lapse half a threshold past it', 11, 12, 8, true],
    ['a lapse a whole threshold past it', 15, 16, 8, true],
    ['threshold 1: the first lapse', 0, 1, 1, true],
    ['threshold 1: every later lapse', 4, 5, 1, true],
    ['threshold 3: half of it rounds up to 2', 3, 4, 3, false],
    ['threshold 3: two lapses past it', 4, 5, 3, true],
    ['a threshold of 0 makes nothing a leech', 0, 1, 0, false],
  ];
  it.each(cases)('%s', (_name, before, after, threshold, expected) => {
    expect(becomesLeech(before, after, threshold)).toBe(expected);
  });
});

describe('markLeech', () => {
  it('tags the card once and suspends it, keeping its other tags', () => {
    const card = { ...newCard('a'), tags: ['brain'] };
    const leech = markLeech(card);
    expect(leech.tags).toEqual(['brain', LEECH_TAG]);
    expect(leech.suspended).toBe(true);
    expect(isLeech(leech)).toBe(true);
    expect(markLeech(leech).tags).toEqual(['brain', LEECH_TAG]);
    expect(card.tags).toEqual(['brain']);
  });
});
