import { describe, expect, it } from 'vitest';
import { CardState, Grade, type CardRecord } from '../../src/domain/types';
import { getCard, newCards, suspendCard, buryCard } from '../../src/storage/card-store';
import { importDeck } from '../../src/storage/deck-import';
import { getDeck, listDecks } from '../../src/storage/deck-store';
import { StorageError } from '../../src/storage/errors';
import { countLogs, logsOfCard } from '../../src/storage/review-log-store';
import { restoreSnapshot } from '../../src/storage/snapshot-store';
import { commitGrade } from '../../src/storage/study-store';
import type { AppDatabase } from '../../src/storage/transaction';
import { DAY, NOW, deckCard, deckFile, makeGrade, openTestDb } from './helpers';

const LATER = new Date(NOW.getTime() + 3 * DAY);

/** Everything stored in decks and cards, to compare before and after a rejected import. */
async function snapshot(db: AppDatabase): Promise<{ decks: unknown[]; cards: CardRecord[] }> {
  return { decks: await db.getAll('decks'), cards: await db.getAll('cards') };
}

describe('importDeck', () => {
  it('imports a new deck: the deck record and new cards in file order', async () => {
    const db = await openTestDb();
    const file = deckFile('alpha', 3, { topic: 'Biology' });

    const result = await importDeck(db, file, { builtIn: true, hash: 'aaaa1111', now: NOW });

    expect(result).toEqual({
      deckId: 'alpha',
      added: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
      reviews: 0,
      existed: false,
    });
    expect(await getDeck(db, 'alpha')).toEqual({
      id: 'alpha',
      title: 'Deck alpha',
      description: 'Cards of alpha.',
      language: 'en',
      tags: ['test'],
      topic: 'Biology',
      builtIn: true,
      hash: 'aaaa1111',
      cardCount: 3,
      importedAt: NOW.getTime(),
      updatedAt: NOW.getTime(),
    });
    const fresh = await newCards(db, 'alpha', 10);
    expect(fresh.map((c) => [c.id, c.newRank, c.fsrs.state])).toEqual([
      ['alpha.c0', 0, CardState.New],
      ['alpha.c1', 1, CardState.New],
      ['alpha.c2', 2, CardState.New],
    ]);
    expect(fresh[0]).toMatchObject({
      front: 'Question 0 of alpha?',
      addedAt: NOW.getTime(),
      suspended: false,
    });
  });

  it('re-import keeps FSRS state, suspension, bury and history; adds, updates and removes cards', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('alpha', 4), { builtIn: true, hash: 'aaaa1111', now: NOW });
    const c0 = (await getCard(db, 'alpha.c0'))!;
    const graded = makeGrade(c0, Grade.Good, NOW, 'log-1');
    await commitGrade(db, graded);
    await suspendCard(db, 'alpha.c1', true);
    await buryCard(db, 'alpha.c2', NOW.getTime() + DAY);
    await commitGrade(db, makeGrade((await getCard(db, 'alpha.c3'))!, Grade.Easy, NOW, 'log-3'));

    // New version: c0 reworded, c1 and c2 unchanged but moved, c3 gone, a new card first.
    const next = deckFile('alpha', [
      deckCard('alpha', 9),
      deckCard('alpha', 0, { back: 'A better answer.', tags: ['test', 'revised'] }),
      deckCard('alpha', 1),
      deckCard('alpha', 2),
    ]);
    const result = await importDeck(db, next, { builtIn: true, hash: 'bbbb2222', now: LATER });
    // c0 reworded and moved, c1 (suspended) and c2 moved one place down: all three updated.
    expect(result).toEqual({
      deckId: 'alpha',
      added: 1,
      updated: 3,
      unchanged: 0,
      removed: 1,
      reviews: 0,
      existed: true,
    });

    const s0 = await getCard(db, 'alpha.c0');
    expect(s0?.back).toBe('A better answer.');
    expect(s0?.tags).toEqual(['test', 'revised']);
    expect(s0?.fsrs).toEqual(graded.card.fsrs);
    expect(s0?.due).toBe(graded.card.due);
    expect((await getCard(db, 'alpha.c1'))?.suspended).toBe(true);
    const s2 = await getCard(db, 'alpha.c2');
    expect(s2?.buriedUntil).toBe(NOW.getTime() + DAY);
    expect(s2?.newRank).toBe(3);
    expect(await getCard(db, 'alpha.c3')).toBeUndefined();
    const added = await getCard(db, 'alpha.c9');
    expect(added).toMatchObject({ fsrs: { state: CardState.New }, newRank: 0, addedAt: LATER.getTime() });

    // History stays, including the logs of the removed card.
    expect((await logsOfCard(db, 'alpha.c0')).map((l) => l.id)).toEqual(['log-1']);
    expect((await logsOfCard(db, 'alpha.c3')).map((l) => l.id)).toEqual(['log-3']);
    expect(await countLogs(db)).toBe(2);

    expect((await newCards(db, 'alpha', 10)).map((c) => c.id)).toEqual(['alpha.c9', 'alpha.c2']);
    expect(await getDeck(db, 'alpha')).toMatchObject({
      hash: 'bbbb2222',
      cardCount: 4,
      importedAt: NOW.getTime(),
      updatedAt: LATER.getTime(),
    });
    expect(await db.count('cards')).toBe(4);
  });

  it('rejects a card id that belongs to another deck and leaves the database unchanged', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('alpha', 2), { builtIn: true, hash: 'aaaa1111', now: NOW });
    await importDeck(db, deckFile('beta', 2), { builtIn: false, hash: 'cccc3333', now: NOW });
    const before = await snapshot(db);

    // beta's new version steals alpha.c1 (and also changes its own cards).
    const stealing = deckFile('beta', [
      deckCard('beta', 0, { front: 'Changed?' }),
      deckCard('alpha', 1),
      deckCard('beta', 5),
    ]);
    const error = await importDeck(db, stealing, { builtIn: false, hash: 'dddd4444', now: LATER }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('invalid');
    expect((error as StorageError).message).toContain('alpha.c1');
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects an invalid deck file with messages, touching nothing', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('alpha', 2), { builtIn: false, hash: 'aaaa1111', now: NOW });
    const before = await snapshot(db);
    const broken = { ...deckFile('alpha', 3), cards: [deckCard('alpha', 0), { id: 'Bad Id', front: '' }] };

    const error = await importDeck(db, broken, { builtIn: false, hash: 'bbbb2222', now: LATER }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'StorageError', kind: 'invalid' });
    expect((error as StorageError).details.length).toBeGreaterThan(0);
    expect((error as StorageError).message).toMatch(/not a valid deck/);
    expect(await snapshot(db)).toEqual(before);
    await expect(importDeck(db, 'not a deck', { builtIn: false, hash: 'x', now: NOW })).rejects.toMatchObject(
      {
        kind: 'invalid',
      },
    );
  });

  it('does not let a custom file replace a built-in deck', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('alpha', 2), { builtIn: true, hash: 'aaaa1111', now: NOW });
    const before = await snapshot(db);
    await expect(
      importDeck(db, deckFile('alpha', 1), { builtIn: false, hash: 'ffff0000', now: LATER }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('lists decks by title', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('zeta', 1, { title: 'Alpha topics' }), {
      builtIn: true,
      hash: 'aaaa1111',
      now: NOW,
    });
    await importDeck(db, deckFile('alpha', 1, { title: 'Zeta topics' }), {
      builtIn: true,
      hash: 'aaaa1111',
      now: NOW,
    });
    expect((await listDecks(db)).map((d) => d.id)).toEqual(['zeta', 'alpha']);
  });
});

describe('importDeck with previousIds', () => {
  it('carries a renamed card’s schedule, suspension and reviews to its new id, and undo brings the old one back', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('mine', 2), { builtIn: false, hash: 'aaaa1111', now: NOW });
    const studied = makeGrade((await getCard(db, 'mine.c0'))!, Grade.Good, NOW, 'log-a');
    await commitGrade(db, studied);
    await suspendCard(db, 'mine.c0', true);
    const before = (await getCard(db, 'mine.c0'))!;

    const renamed = deckFile('mine', [
      deckCard('mine', 7, { previousIds: ['mine.c0'] }),
      deckCard('mine', 1),
    ]);
    const result = await importDeck(db, renamed, {
      builtIn: false,
      hash: 'bbbb2222',
      now: LATER,
      snapshot: { id: 'snap-1', label: 'Before' },
    });

    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 1, removed: 0 });
    expect(await getCard(db, 'mine.c0')).toBeUndefined();
    expect(await getCard(db, 'mine.c7')).toMatchObject({
      fsrs: before.fsrs,
      suspended: true,
      addedAt: before.addedAt,
      front: 'Question 7 of mine?',
    });
    expect((await logsOfCard(db, 'mine.c7')).map((log) => [log.id, log.factId])).toEqual([
      ['log-a', 'mine.f7'],
    ]);
    expect(await countLogs(db)).toBe(1);
    expect(await getDeck(db, 'mine')).toMatchObject({ cardCount: 2 });

    await restoreSnapshot(db, 'snap-1');
    expect(await getCard(db, 'mine.c0')).toEqual(before);
    expect(await getCard(db, 'mine.c7')).toBeUndefined();
    expect((await logsOfCard(db, 'mine.c0')).map((log) => log.id)).toEqual(['log-a']);
  });

  it('never takes a card of another deck: the renamed card is added new', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('theirs', 1), { builtIn: false, hash: 'aaaa1111', now: NOW });
    await commitGrade(db, makeGrade((await getCard(db, 'theirs.c0'))!, Grade.Good, NOW, 'log-t'));
    const theirs = await getCard(db, 'theirs.c0');
    const result = await importDeck(
      db,
      deckFile('mine', [deckCard('mine', 0, { previousIds: ['theirs.c0'] })]),
      {
        builtIn: false,
        hash: 'bbbb1111',
        now: LATER,
      },
    );
    expect(result).toMatchObject({ added: 1, updated: 0 });
    expect(await getCard(db, 'theirs.c0')).toEqual(theirs);
    expect((await getCard(db, 'mine.c0'))?.fsrs.reps).toBe(0);
    expect((await logsOfCard(db, 'theirs.c0')).length).toBe(1);
  });
});
