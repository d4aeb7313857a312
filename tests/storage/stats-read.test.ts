import { describe, expect, it } from 'vitest';
import { computeStats, makeStatsFold } from '../../src/domain/stats';
import { Grade, type ReviewLogRecord } from '../../src/domain/types';
import { readIntoStatsFold } from '../../src/storage/stats-read';
import { DAY, makeCards, makeGrade, openTestDb, seedCards } from './helpers';

const NOW = new Date('2026-06-15T12:00:00Z');
const context = { now: NOW.getTime(), dayStartHour: 4, timeZone: 'UTC', desiredRetention: 0.9 };

describe('readIntoStatsFold', () => {
  it('folds every stored card and the logs of the last year, the same as folding them in memory', async () => {
    const db = await openTestDb();
    // 4500 cards: more than two pages of cards.
    const cards = await seedCards(db, [...makeCards('a', 2500), ...makeCards('b', 2000)]);
    const logs: ReviewLogRecord[] = [];
    const tx = db.transaction(['cards', 'review-logs'], 'readwrite');
    // One review of 600 cards, spread over 600 days: some older than a year, so they are not read.
    for (let i = 0; i < 600; i++) {
      const card = cards[i * 7]!;
      const graded = makeGrade(
        card,
        i % 4 === 0 ? Grade.Again : Grade.Good,
        new Date(NOW.getTime() - i * DAY),
        `log-${i}`,
      );
      logs.push(graded.log);
      void tx.objectStore('cards').put(graded.card);
      void tx.objectStore('review-logs').put(graded.log);
      cards[i * 7] = graded.card;
    }
    await tx.done;

    // In key order, as the store gives them, so the floating-point sums add up in the same order.
    const byId = [...cards].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const deckId of [null, 'b']) {
      const fold = makeStatsFold({ ...context, deckId });
      const progress: number[] = [];
      await readIntoStatsFold(db, fold, (from) => progress.push(from));
      // Newest first, a week at a time, down to the start of the window.
      expect(progress.length).toBe(Math.ceil((fold.historyEnd - fold.historyStart) / (7 * DAY)));
      expect([...progress].sort((a, b) => b - a)).toEqual(progress);
      expect(progress.at(-1)).toBe(fold.historyStart);
      const read = fold.result();
      expect(read).toEqual(computeStats(byId, logs, { ...context, deckId }));
      expect(read.reviews).toBe(
        deckId === null ? 365 : logs.filter((l, i) => l.cardId.startsWith('b.') && i < 365).length,
      );
    }
  });
});
