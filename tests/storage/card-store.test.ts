import { describe, expect, it } from 'vitest';
import { Grade, type CardRecord } from '../../src/domain/types';
import {
  buryCard,
  cardsOfDeck,
  cardsOfFact,
  dueCards,
  firstDueAfter,
  getCard,
  newCards,
  putCard,
  suspendCard,
} from '../../src/storage/card-store';
import { DAY, NOW, deckCard, makeCards, makeGrade, openTestDb, seedCards } from './helpers';
import { makeCardRecord } from '../../src/domain/card-record';
import { newFsrsCard } from '../../src/domain/scheduler';

/** A studied card (Review state via an Easy grade), due at `due`. */
function reviewCard(card: CardRecord, due: number): CardRecord {
  const { card: graded } = makeGrade(card, Grade.Easy, NOW, `log-${card.id}`);
  return { ...graded, fsrs: { ...graded.fsrs, due: new Date(due) }, due };
}

describe('card-store reads', () => {
  it('gets, puts (recomputing index keys) and lists cards of a deck and of a fact', async () => {
    const db = await openTestDb();
    await seedCards(db, [...makeCards('alpha', 3), ...makeCards('beta', 2)]);
    const [first] = makeCards('alpha', 1);

    expect(await getCard(db, 'alpha.c0')).toEqual(first);
    expect(await getCard(db, 'missing')).toBeUndefined();
    expect((await cardsOfDeck(db, 'beta')).map((c) => c.id)).toEqual(['beta.c0', 'beta.c1']);
    expect((await cardsOfFact(db, 'alpha.f2')).map((c) => c.id)).toEqual(['alpha.c2']);

    // A put with stale keys (a studied card still carrying newRank) is stored with the right ones.
    const studied = { ...reviewCard(first!, NOW.getTime() + DAY), newRank: 0 };
    delete studied.due;
    const stored = await putCard(db, studied);
    expect(stored.newRank).toBeUndefined();
    expect(stored.due).toBe(NOW.getTime() + DAY);
    expect(await getCard(db, 'alpha.c0')).toEqual(stored);
  });

  it('dueCards returns studied cards due up to a time, earliest first', async () => {
    const db = await openTestDb();
    const [a, b, c, d] = makeCards('alpha', 4);
    await seedCards(db, [
      reviewCard(a!, NOW.getTime() + 3 * DAY),
      reviewCard(b!, NOW.getTime() + DAY),
      reviewCard(c!, NOW.getTime() + 5 * DAY),
      d!,
    ]);
    expect((await dueCards(db, NOW.getTime() + 3 * DAY)).map((x) => x.id)).toEqual(['alpha.c1', 'alpha.c0']);
    expect(await dueCards(db, NOW.getTime())).toEqual([]);
  });

  it('newCards returns a deck’s new cards in rank order, up to the limit', async () => {
    const db = await openTestDb();
    // Stored in an order unlike their ranks, with another deck around them.
    const cards = [2, 0, 3, 1].map((rank) =>
      makeCardRecord('alpha', deckCard('alpha', rank), rank, newFsrsCard(NOW), NOW),
    );
    await seedCards(db, [...cards, ...makeCards('beta', 3), ...makeCards('alphb', 1)]);
    expect((await newCards(db, 'alpha', 10)).map((c) => c.id)).toEqual([
      'alpha.c0',
      'alpha.c1',
      'alpha.c2',
      'alpha.c3',
    ]);
    expect((await newCards(db, 'alpha', 2)).map((c) => c.id)).toEqual(['alpha.c0', 'alpha.c1']);
    expect(await newCards(db, 'alpha', 0)).toEqual([]);
    expect(await newCards(db, 'nothing', 5)).toEqual([]);
  });

  it('firstDueAfter finds the next due time, per deck, honouring bury', async () => {
    const db = await openTestDb();
    const [a, b, c] = makeCards('alpha', 3);
    const [x] = makeCards('beta', 1);
    await seedCards(db, [
      { ...reviewCard(a!, NOW.getTime() + DAY), buriedUntil: NOW.getTime() + 4 * DAY },
      reviewCard(b!, NOW.getTime() + 2 * DAY),
      c!,
      reviewCard(x!, NOW.getTime() + 0.5 * DAY),
    ]);
    expect(await firstDueAfter(db, NOW.getTime())).toBe(NOW.getTime() + 0.5 * DAY);
    expect(await firstDueAfter(db, NOW.getTime(), new Set(['alpha']))).toBe(NOW.getTime() + 2 * DAY);
    expect(await firstDueAfter(db, NOW.getTime() + 2 * DAY, new Set(['alpha']))).toBeNull();
  });
});

describe('suspend and bury', () => {
  it('a suspended card leaves by-due and by-new, and comes back when unsuspended', async () => {
    const db = await openTestDb();
    const [fresh, studied] = makeCards('alpha', 2);
    const review = reviewCard(studied!, NOW.getTime() + DAY);
    await seedCards(db, [fresh!, review]);

    const suspendedNew = await suspendCard(db, fresh!.id, true);
    const suspendedReview = await suspendCard(db, review.id, true);
    expect(suspendedNew.suspended).toBe(true);
    expect(await getCard(db, fresh!.id)).toEqual(suspendedNew);
    expect(await getCard(db, review.id)).toEqual(suspendedReview);
    expect(await db.getAllKeysFromIndex('cards', 'by-new')).toEqual([]);
    expect(await db.getAllKeysFromIndex('cards', 'by-due')).toEqual([]);
    expect(await newCards(db, 'alpha', 10)).toEqual([]);
    expect(await dueCards(db, NOW.getTime() + 2 * DAY)).toEqual([]);

    await suspendCard(db, fresh!.id, false);
    await suspendCard(db, review.id, false);
    expect((await newCards(db, 'alpha', 10)).map((c) => c.id)).toEqual([fresh!.id]);
    expect((await dueCards(db, NOW.getTime() + 2 * DAY)).map((c) => c.id)).toEqual([review.id]);
    const back = await getCard(db, review.id);
    expect(back?.fsrs).toEqual(review.fsrs);
    expect(back?.due).toBe(NOW.getTime() + DAY);
  });

  it('bury sets buriedUntil and keeps the index keys', async () => {
    const db = await openTestDb();
    const [fresh, studied] = makeCards('alpha', 2);
    const review = reviewCard(studied!, NOW.getTime() + DAY);
    await seedCards(db, [fresh!, review]);
    const until = NOW.getTime() + DAY;

    expect((await buryCard(db, fresh!.id, until)).buriedUntil).toBe(until);
    await buryCard(db, review.id, until);
    const buriedNew = await getCard(db, fresh!.id);
    expect(buriedNew).toEqual({ ...fresh, buriedUntil: until });
    expect(buriedNew?.newRank).toBe(0);
    expect((await getCard(db, review.id))?.due).toBe(NOW.getTime() + DAY);
    expect((await getCard(db, review.id))?.buriedUntil).toBe(until);

    await buryCard(db, fresh!.id, 0);
    expect((await getCard(db, fresh!.id))?.buriedUntil).toBe(0);
  });

  it('rejects with kind "invalid" for a card that does not exist', async () => {
    const db = await openTestDb();
    await expect(suspendCard(db, 'missing', true)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(buryCard(db, 'missing', 1)).rejects.toMatchObject({ kind: 'invalid' });
    expect(await db.count('cards')).toBe(0);
  });
});
