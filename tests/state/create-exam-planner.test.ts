import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studyDayNumber } from '../../src/domain/day';
import { dateOfDay } from '../../src/domain/exam-planner';
import { Grade } from '../../src/domain/types';
import { timeZone } from '../../src/state/clock';
import { createCollection } from '../../src/state/create-collection';
import { createExamPlanner, loadExamFocus } from '../../src/state/create-exam-planner';
import { createStudySession } from '../../src/state/create-study-session';
import { freshIndexedDb, serveDecks } from './helpers';

beforeEach(freshIndexedDb);
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The local date `days` study days from now. */
const inDays = (days: number) => dateOfDay(studyDayNumber(new Date(), 4, timeZone()) + days);

describe('createExamPlanner', () => {
  it("saves an exam, predicts it, and a session following today's plan studies only its planned cards", async () => {
    serveDecks(['alpha', 'beta'], { cards: { alpha: 30, beta: 5 } });
    await createRoot(async (dispose) => {
      const collection = createCollection();
      await collection.load();
      const planner = createExamPlanner(collection);
      await vi.waitFor(() => expect(planner.data()).toBeDefined());
      expect(planner.data()?.exams).toEqual([]);

      expect(
        await planner.save({ name: 'Boards', date: inDays(14), deckIds: [], tags: [], target: 0.9 }),
      ).toBe(false);
      expect(planner.error()).toBe('Choose a deck or a tag.');
      const far = { name: 'Far', date: inDays(731), deckIds: ['alpha'], tags: [], target: 0.9 };
      expect(await planner.save(far)).toBe(false);
      expect(planner.error()).toBe('Choose an exam date within two years.');
      const saved = await planner.save({
        name: 'Boards',
        date: inDays(14),
        deckIds: ['alpha'],
        tags: [],
        target: 0.9,
      });
      expect(saved).toBe(true);
      await vi.waitFor(() => expect(planner.data()?.exams).toHaveLength(1));
      const [exam] = planner.data()!.exams;
      expect(exam!.prediction!.cardCount).toBe(30);
      expect(exam!.prediction!.predictedRecall).toBe(0);
      // 30 new cards over the 12 days before the final pass.
      expect(exam!.prediction!.plan[0]?.newCards).toBe(3);

      const focus = await loadExamFocus(collection, exam!.plan.id);
      expect(focus.newPerDay).toBe(3);
      const session = createStudySession(
        collection,
        () => null,
        () => loadExamFocus(collection, exam!.plan.id),
      );
      await session.refresh();
      expect(session.counts()).toEqual({ new: 3, learning: 0, review: 0 });
      expect(session.card()?.deckId).toBe('alpha');
      session.reveal();
      await session.grade(Grade.Good);
      // The card started today still counts toward today's plan: two new cards are left, not three.
      await session.refresh();
      expect(session.counts()).toEqual({ new: 2, learning: 1, review: 0 });

      await vi.waitFor(() => expect(planner.data()?.exams[0]?.prediction?.unstudied).toBe(29));
      expect(planner.data()!.exams[0]!.prediction!.predictedRecall).toBeGreaterThan(0);
      expect(planner.data()!.exams[0]!.prediction!.plan[0]?.newCards).toBe(2);

      expect(await planner.remove(exam!.plan.id)).toBe(true);
      await expect(loadExamFocus(collection, exam!.plan.id)).rejects.toThrow('This exam no longer exists');
      dispose();
    });
  });
});
