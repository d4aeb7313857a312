import { createRoot } from 'solid-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Grade } from '../../src/domain/types';
import { createCollection } from '../../src/state/create-collection';
import { createStats } from '../../src/state/create-stats';
import { createStudySession } from '../../src/state/create-study-session';
import { freshIndexedDb, serveDecks } from './helpers';

beforeEach(freshIndexedDb);

describe('createStats', () => {
  it('computes the numbers on this thread without workers, for all decks or one, and again after a grade', async () => {
    // Node has no Worker: this is the fallback the app takes where a worker cannot run.
    expect(typeof Worker).toBe('undefined');
    serveDecks(['alpha', 'beta'], { cards: { alpha: 6, beta: 4 } });
    await createRoot(async (dispose) => {
      const collection = createCollection();
      await collection.load();
      const session = createStudySession(collection, () => new Set(['alpha']));
      await session.refresh();
      for (const grade of [Grade.Good, Grade.Again, Grade.Easy]) {
        session.reveal();
        await session.grade(grade);
      }

      const state = createStats(collection);
      await vi.waitFor(() => expect(state.progress()).toBe('done'));
      expect(state.error()).toBe('');
      expect(state.stats()?.day).toMatchObject({ reviews: 3, cards: 3, again: 1, timedReviews: 3 });
      expect(state.stats()?.counts.new).toBe(7);
      expect(state.stats()?.cards).toBe(10);

      state.setDeckId('beta');
      await vi.waitFor(() => expect(state.stats()?.cards).toBe(4));
      await vi.waitFor(() => expect(state.progress()).toBe('done'));
      expect(state.stats()?.day.reviews).toBe(0);

      state.setDeckId(null);
      await vi.waitFor(() => expect(state.stats()?.day.reviews).toBe(3));
      session.reveal();
      await session.grade(Grade.Hard);
      await vi.waitFor(() => expect(state.stats()?.day.reviews).toBe(4));
      dispose();
    });
  });
});
