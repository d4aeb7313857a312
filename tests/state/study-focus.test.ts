import { describe, expect, it } from 'vitest';
import { makeCardRecord, withIndexKeys } from '../../src/domain/card-record';
import { newFsrsCard } from '../../src/domain/scheduler';
import { CardState, DEFAULT_SETTINGS, type CardRecord } from '../../src/domain/types';
import { loadDay, queueOfDay } from '../../src/state/study-snapshot';
import { DAY, NOW, deckCard, openTestDb, seedCards } from '../storage/helpers';
import { deckRecord } from './helpers';

const SETTINGS = { ...DEFAULT_SETTINGS, dayStartHour: 4 };

function card(deckId: string, n: number, tags: string[] = []): CardRecord {
  return makeCardRecord(deckId, { ...deckCard(deckId, n), tags }, n, newFsrsCard(NOW), NOW);
}

function review(c: CardRecord, dueInDays: number): CardRecord {
  return withIndexKeys({
    ...c,
    fsrs: {
      ...c.fsrs,
      state: CardState.Review,
      due: new Date(NOW.getTime() + dueInDays * DAY),
      last_review: new Date(NOW.getTime() - DAY),
      reps: 3,
      stability: 5,
      difficulty: 5,
    },
  });
}

describe('a study day focused on an exam', () => {
  it("holds only the exam's cards, today's planned new cards, and its final pass before it is due", async () => {
    const db = await openTestDb();
    const examCards = Array.from({ length: 6 }, (_, i) => card('alpha', i, ['exam']));
    const later = review(card('alpha', 10, ['exam']), 5);
    const otherDue = review(card('beta', 1), -1);
    const otherLater = review(card('beta', 2), 5);
    await seedCards(db, [
      ...examCards,
      later,
      otherDue,
      otherLater,
      ...Array.from({ length: 3 }, (_, i) => card('beta', 20 + i)),
    ]);
    const decks = ['alpha', 'beta'].map(deckRecord);

    const plain = queueOfDay(await loadDay(db, decks, SETTINGS, NOW, 'UTC'));
    expect(plain.counts).toEqual({ new: 9, learning: 0, review: 1 });

    const focus = {
      include: (c: CardRecord) => c.tags.includes('exam'),
      newPerDay: 2,
      early: [later, otherLater],
    };
    const day = await loadDay(db, decks, SETTINGS, NOW, 'UTC', { focus });
    const queue = queueOfDay(day);
    // Two new exam cards, and the exam card due in five days; none of the other deck's cards.
    expect(queue.counts).toEqual({ new: 2, learning: 0, review: 1 });
    expect(day.reviews.map((c) => c.id)).toEqual([later.id]);
    expect(day.newCards.every((c) => c.deckId === 'alpha')).toBe(true);
    expect(queue.limited.new).toBe(true);
  });
});
