/** Issue 12: a deck out of daily study keeps its cards; turning it on or off changes only its record. */
import { describe, expect, it } from 'vitest';
import { Grade } from '../../src/domain/types';
import { importDeck } from '../../src/storage/deck-import';
import { getDeck, setDeckPaused } from '../../src/storage/deck-store';
import { StorageError } from '../../src/storage/errors';
import { commitGrade } from '../../src/storage/study-store';
import { DAY, NOW, deckFile, makeGrade, openTestDb } from './helpers';

describe('setDeckPaused', () => {
  it('pauses and resumes a deck without touching its cards or reviews', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('details', 3), { builtIn: true, hash: 'aaaa1111', now: NOW });
    const [first] = await db.getAll('cards');
    await commitGrade(db, makeGrade(first!, Grade.Good, NOW, 'log-1'));
    const cardsBefore = await db.getAll('cards');
    const logsBefore = await db.getAll('review-logs');

    const later = new Date(NOW.getTime() + DAY);
    expect((await setDeckPaused(db, 'details', true, later)).paused).toBe(true);
    expect((await getDeck(db, 'details'))?.paused).toBe(true);
    const resumed = await setDeckPaused(db, 'details', false, later);
    expect(resumed.paused).toBeUndefined();
    expect('paused' in resumed).toBe(false);
    expect(resumed.updatedAt).toBe(later.getTime());

    expect(await db.getAll('cards')).toEqual(cardsBefore);
    expect(await db.getAll('review-logs')).toEqual(logsBefore);
  });

  it('says what to do when the deck is gone', async () => {
    const db = await openTestDb();
    const error = await setDeckPaused(db, 'missing', true, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(/no longer exists\. Reload/);
  });
});
