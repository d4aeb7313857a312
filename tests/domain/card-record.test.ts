import { describe, expect, it } from 'vitest';
import { makeCardRecord, updateCardContent, withIndexKeys } from '../../src/domain/card-record';
import type { DeckCard } from '../../src/domain/deck-format';
import { newFsrsCard } from '../../src/domain/scheduler';
import { CardState, LEECH_TAG } from '../../src/domain/types';
import { NOW } from './fixtures';

const SOURCE = { section: '2. Introduction', refs: [1], quote: 'a quote' };
const card = (over: Partial<DeckCard> = {}): DeckCard => ({
  id: 'f:qa',
  factId: 'f',
  kind: 'qa',
  front: 'Q?',
  back: 'A.',
  tags: ['t'],
  source: SOURCE,
  ...over,
});

describe('card records', () => {
  it('makes a new card that sits in by-new at its deck position and not in by-due', () => {
    const record = makeCardRecord('deck', card(), 7, newFsrsCard(NOW), NOW);
    expect(record).toMatchObject({ id: 'f:qa', deckId: 'deck', position: 7, newRank: 7, suspended: false });
    expect(record.due).toBeUndefined();
    expect(record.source).toEqual(SOURCE);
    expect(record).not.toHaveProperty('choices');
  });

  it('keys a studied card by due date, and takes suspended and multiple-choice cards out of both indexes', () => {
    const fresh = makeCardRecord('deck', card(), 0, newFsrsCard(NOW), NOW);
    const studied = withIndexKeys({ ...fresh, fsrs: { ...fresh.fsrs, state: CardState.Review } });
    expect(studied.due).toBe(fresh.fsrs.due.getTime());
    expect(studied.reviewDue).toBe(studied.due);
    expect(studied.learnDue).toBeUndefined();
    expect(studied.newRank).toBeUndefined();
    const learning = withIndexKeys({ ...studied, fsrs: { ...studied.fsrs, state: CardState.Relearning } });
    expect(learning).toMatchObject({ due: studied.due, learnDue: studied.due });
    expect(learning.reviewDue).toBeUndefined();
    const suspended = withIndexKeys({ ...studied, suspended: true });
    expect(suspended.due).toBeUndefined();
    expect(suspended.reviewDue).toBeUndefined();
    expect(suspended.newRank).toBeUndefined();
    const mcq = makeCardRecord(
      'deck',
      card({ kind: 'mcq', choices: { options: ['a', 'b'], answer: [0] } }),
      1,
      newFsrsCard(NOW),
      NOW,
    );
    expect(mcq.newRank).toBeUndefined();
    expect(mcq.due).toBeUndefined();
  });

  it('updates content but keeps the schedule, and drops a source the new version no longer has', () => {
    const fresh = makeCardRecord('deck', card(), 0, newFsrsCard(NOW), NOW);
    const studied = withIndexKeys({ ...fresh, fsrs: { ...fresh.fsrs, state: CardState.Review, reps: 3 } });
    const { source: _dropped, ...withoutSource } = card({ back: 'A, corrected.' });
    const updated = updateCardContent(studied, withoutSource, 'deck', 4);
    expect(updated.back).toBe('A, corrected.');
    expect(updated.fsrs).toEqual(studied.fsrs);
    expect(updated.position).toBe(4);
    expect(updated).not.toHaveProperty('source');
    expect(updated.due).toBe(studied.due);
  });

  it('keeps the leech tag and the suspension of a leech through a new version of its card', () => {
    const fresh = makeCardRecord('deck', card(), 0, newFsrsCard(NOW), NOW);
    const leech = withIndexKeys({ ...fresh, tags: ['t', LEECH_TAG], suspended: true });
    const updated = updateCardContent(leech, card({ tags: ['t', 'u'] }), 'deck', 0);
    expect(updated.tags).toEqual(['t', 'u', LEECH_TAG]);
    expect(updated.suspended).toBe(true);
    expect(updateCardContent(fresh, card({ tags: ['t', 'u'] }), 'deck', 0).tags).toEqual(['t', 'u']);
  });
});
