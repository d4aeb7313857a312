/**
 * Export then import gives back the same deck: a property test over random deck files (fast-check), with
 * and without the learner's scheduling.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECK_FORMAT,
  parseDeckFile,
  type CardSchedule,
  type DeckCard,
  type DeckFile,
  type HistoryEntry,
} from '../../src/domain/deck-format';
import { exportDeck } from '../../src/storage/deck-export-store';
import { importDeck } from '../../src/storage/deck-import';
import { NOW, openTestDb } from './helpers';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,15}$/);
const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
const shortText = text.filter((s) => s.trim() === s && s.length > 0);
const tag = fc.stringMatching(/^[a-z0-9][a-z0-9/-]{0,10}$/);
const tags = fc.uniqueArray(tag, { maxLength: 4 });
const epoch = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
const state = fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const);

const schedule: fc.Arbitrary<CardSchedule> = fc.record(
  {
    due: epoch,
    stability: fc.double({ min: 0, max: 1000, noNaN: true }),
    difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
    elapsedDays: fc.integer({ min: 0, max: 400 }),
    scheduledDays: fc.integer({ min: 0, max: 400 }),
    learningSteps: fc.nat(3),
    reps: fc.nat(50),
    lapses: fc.nat(10),
    state,
    lastReview: epoch,
    suspended: fc.constant(true as const),
    resetAt: epoch,
  },
  {
    requiredKeys: [
      'due',
      'stability',
      'difficulty',
      'elapsedDays',
      'scheduledDays',
      'learningSteps',
      'reps',
      'lapses',
      'state',
    ],
  },
);

const history = (cardIndex: number): fc.Arbitrary<HistoryEntry[]> =>
  fc
    .uniqueArray(epoch, { maxLength: 3 })
    .map((times) => times.sort((a, b) => a - b))
    .chain((times) =>
      fc.tuple(
        ...times.map((time, i) =>
          fc.record({
            id: fc.constant(`log${cardIndex}x${i}xxxx`),
            time: fc.constant(time),
            grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
            prev: fc.tuple(
              epoch,
              fc.double({ min: 0, max: 100, noNaN: true }),
              fc.double({ min: 0, max: 10, noNaN: true }),
              fc.nat(100),
              fc.nat(100),
              fc.nat(3),
              fc.nat(20),
              fc.nat(5),
              state,
              epoch,
            ),
          }),
        ),
      ),
    );

function card(index: number, withScheduling: boolean): fc.Arbitrary<DeckCard> {
  const base = fc.record(
    {
      factId: id,
      kind: fc.constantFrom('qa' as const, 'cloze' as const, 'ordered' as const),
      front: text,
      back: text,
      tags,
      markup: fc.constantFrom('markdown' as const, 'html' as const),
      sourceNote: text,
      note: fc.record({
        type: fc.constantFrom('basic' as const, 'reversed' as const, 'cloze' as const),
        front: text,
        back: fc.string({ maxLength: 20 }),
      }),
      source: fc.record(
        {
          section: shortText,
          table: shortText,
          refs: fc.array(fc.integer({ min: 1, max: 999 }), { maxLength: 3 }),
          quote: text,
        },
        { requiredKeys: ['section', 'refs', 'quote'] },
      ),
    },
    { requiredKeys: ['factId', 'kind', 'front', 'back', 'tags'] },
  );
  const withId = base.map((c) => ({ ...c, id: `c${index}` }) as DeckCard);
  if (!withScheduling) return withId;
  return fc
    .tuple(withId, schedule, history(index))
    .map(([c, s, h]) => (h.length > 0 ? { ...c, schedule: s, history: h } : { ...c, schedule: s }));
}

function deck(withScheduling: boolean): fc.Arbitrary<DeckFile> {
  return fc
    .integer({ min: 1, max: 6 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => card(i, withScheduling))))
    .chain((cards) =>
      fc.record(
        {
          format: fc.constant(DECK_FORMAT),
          version: fc.constant(1 as const),
          id,
          title: shortText,
          description: fc.string({ maxLength: 40 }),
          language: fc.constant('en'),
          tags,
          topic: shortText,
          cards: fc.constant(cards),
        },
        { requiredKeys: ['format', 'version', 'id', 'title', 'description', 'language', 'tags', 'cards'] },
      ),
    );
}

describe('deck files round trip', () => {
  it.each([false, true])('export(import(file)) equals the file (scheduling %s)', async (withScheduling) => {
    await fc.assert(
      fc.asyncProperty(deck(withScheduling), async (file) => {
        const parsed = parseDeckFile(JSON.parse(JSON.stringify(file)));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        const db = await openTestDb();
        await importDeck(db, file, { builtIn: false, hash: '', now: NOW, scheduling: 'keep' });
        const exported = await exportDeck(db, file.id, { scheduling: withScheduling });
        expect(exported).toEqual(file);
        // And a second import of the export into another collection gives the same records.
        const other = await openTestDb();
        await importDeck(other, exported, { builtIn: false, hash: '', now: NOW, scheduling: 'keep' });
        expect(await other.getAll('cards')).toEqual(await db.getAll('cards'));
        expect(await other.getAll('review-logs')).toEqual(await db.getAll('review-logs'));
        db.close();
        other.close();
      }),
      { numRuns: 40 },
    );
  });

  it('re-importing the same file changes nothing and stores no review twice', async () => {
    await fc.assert(
      fc.asyncProperty(deck(true), async (file) => {
        const db = await openTestDb();
        await importDeck(db, file, { builtIn: false, hash: '', now: NOW, scheduling: 'keep' });
        const cards = await db.getAll('cards');
        const logs = await db.getAll('review-logs');
        const again = await importDeck(db, file, { builtIn: false, hash: '', now: NOW, scheduling: 'keep' });
        expect(again).toMatchObject({ added: 0, updated: 0, reviews: 0 });
        expect(await db.getAll('cards')).toEqual(cards);
        expect(await db.getAll('review-logs')).toEqual(logs);
        db.close();
      }),
      { numRuns: 20 },
    );
  });
});
