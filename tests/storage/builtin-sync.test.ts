import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDecks } from '../../src/deckgen/generate';
import type { DeckCard, DeckFile, DeckIndex } from '../../src/domain/deck-format';
import { makeScheduler } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, Grade, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { verifyCollection } from '../../src/domain/verify';
import { syncBuiltInDecks } from '../../src/storage/builtin-sync';
import { buryCard, getCard, suspendCard } from '../../src/storage/card-store';
import { importDeck } from '../../src/storage/deck-import';
import { getDeck } from '../../src/storage/deck-store';
import { commitGrade } from '../../src/storage/study-store';
import type { AppDatabase } from '../../src/storage/transaction';
import { loadRealFacts } from '../deckgen/helpers';
import { hashCollection } from './backup-helpers';
import { DAY, NOW, deckFile, makeGrade, openTestDb } from './helpers';

const LATER = new Date(NOW.getTime() + 3 * DAY);
const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });

const index = (entries: [string, string][]): DeckIndex => ({
  format: 'sarcomet-deck-index',
  decks: entries.map(([id, hash]) => ({ id, title: `Deck ${id}`, file: `${id}.json`, hash, cardCount: 2 })),
});

/** A Q/A deck card `<fact>:qa`, or any card given in full by `overrides`. */
function qa(factId: string, overrides: Partial<DeckCard> = {}): DeckCard {
  return {
    id: `${factId}:qa`,
    factId,
    kind: 'qa',
    front: `What is ${factId}?`,
    back: `The answer of ${factId}.`,
    tags: ['test'],
    ...overrides,
  };
}

function cloze(factId: string, variant: string, front: string, previousIds?: string[]): DeckCard {
  return {
    id: `${factId}:cloze:${variant}`,
    ...(previousIds ? { previousIds } : {}),
    factId,
    kind: 'cloze',
    front,
    back: 'LMS 20%, MFH/UPS 10%.',
    tags: ['test'],
  };
}

/** Deck files served by a fake `fetchDeck`, and an index of them with the given hashes. */
function release(decks: DeckFile[], hashes: Record<string, string>) {
  const files = new Map(decks.map((deck) => [`${deck.id}.json`, deck]));
  const fetchDeck = vi.fn(async (file: string): Promise<unknown> => {
    const deck = files.get(file);
    if (!deck) throw new TypeError('Failed to fetch');
    return structuredClone(deck);
  });
  return { index: index(decks.map((deck) => [deck.id, hashes[deck.id]!])), fetchDeck };
}

async function sync(db: AppDatabase, decks: DeckFile[], hashes: Record<string, string>, now = NOW) {
  const { index: idx, fetchDeck } = release(decks, hashes);
  return { summary: await syncBuiltInDecks(db, idx, fetchDeck, now), fetchDeck };
}

/** Grades a stored card Good at `at` and returns its new record. */
async function study(db: AppDatabase, id: string, at: Date, logId: string): Promise<CardRecord> {
  const graded = makeGrade((await getCard(db, id))!, Grade.Good, at, logId);
  await commitGrade(db, graded);
  return graded.card;
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));

/** The fields a move or rename must carry over untouched. */
const kept = (card: CardRecord) => ({
  fsrs: card.fsrs,
  suspended: card.suspended,
  buriedUntil: card.buriedUntil,
  addedAt: card.addedAt,
  resetAt: card.resetAt,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('syncBuiltInDecks', () => {
  it('imports missing decks and re-imports only those whose hash changed', async () => {
    const db = await openTestDb();
    const first = await sync(db, [deckFile('alpha', 2), deckFile('beta', 2)], {
      alpha: 'aaaa1111',
      beta: 'bbbb1111',
    });
    expect(first.summary.imported.map((r) => r.deckId)).toEqual(['alpha', 'beta']);
    expect(first.summary.failed).toEqual([]);
    expect(first.fetchDeck).toHaveBeenCalledTimes(2);

    // beta changed (a third card); alpha did not.
    const second = await sync(
      db,
      [deckFile('alpha', 2), deckFile('beta', 3)],
      { alpha: 'aaaa1111', beta: 'bbbb2222' },
      LATER,
    );
    expect(second.fetchDeck.mock.calls).toEqual([['beta.json']]);
    expect(second.summary).toEqual({
      imported: [
        { deckId: 'beta', added: 1, updated: 0, unchanged: 2, removed: 0, reviews: 0, existed: true },
      ],
      unchanged: ['alpha'],
      failed: [],
      moved: 0,
      renamed: 0,
      removedDecks: [],
    });
    expect(await getDeck(db, 'beta')).toMatchObject({ hash: 'bbbb2222', builtIn: true, cardCount: 3 });
    expect(await getDeck(db, 'alpha')).toMatchObject({ hash: 'aaaa1111', updatedAt: NOW.getTime() });
  });

  it('does nothing at all when every hash matches: no fetch, no write', async () => {
    const db = await openTestDb();
    await sync(db, [deckFile('alpha', 2)], { alpha: 'aaaa1111' });
    const before = await hashCollection(db);
    const again = await sync(db, [deckFile('alpha', 2)], { alpha: 'aaaa1111' }, LATER);
    expect(again.fetchDeck).not.toHaveBeenCalled();
    expect(again.summary.imported).toEqual([]);
    expect(await hashCollection(db)).toBe(before);
  });

  it('a deck that cannot be loaded holds back the others: nothing is written, every changed deck reported', async () => {
    const db = await openTestDb();
    await sync(db, [deckFile('alpha', 2)], { alpha: 'aaaa1111' });
    const before = await hashCollection(db);
    const fetchDeck = async (file: string): Promise<unknown> => {
      if (file === 'alpha.json') return { ...deckFile('alpha', 2), cards: [] };
      if (file === 'gamma.json') throw new TypeError('Failed to fetch');
      return deckFile(file.replace('.json', ''), 2);
    };

    const summary = await syncBuiltInDecks(
      db,
      index([
        ['alpha', 'aaaa2222'],
        ['beta', 'bbbb1111'],
        ['gamma', 'cccc1111'],
      ]),
      fetchDeck,
      LATER,
    );
    expect(summary.imported).toEqual([]);
    expect(summary.failed.map((f) => [f.deckId, f.error.kind])).toEqual([
      ['alpha', 'invalid'],
      ['beta', 'invalid'],
      ['gamma', 'unavailable'],
    ]);
    expect(summary.failed[1]?.error.message).toMatch(/update together/);
    expect(await hashCollection(db)).toBe(before);
    expect(await getDeck(db, 'beta')).toBeUndefined();
  });

  it('a first visit imports the decks that loaded, and the others on the next start', async () => {
    const db = await openTestDb();
    const decks = [deckFile('alpha', 2), deckFile('beta', 2)];
    const hashes = { alpha: 'aaaa1111', beta: 'bbbb1111' };
    const { index: idx } = release(decks, hashes);
    const offline = async (file: string): Promise<unknown> => {
      if (file === 'beta.json') throw new TypeError('Failed to fetch');
      return deckFile('alpha', 2);
    };
    const first = await syncBuiltInDecks(db, idx, offline, NOW);
    expect(first.imported.map((r) => r.deckId)).toEqual(['alpha']);
    expect(first.failed.map((f) => [f.deckId, f.error.kind])).toEqual([['beta', 'unavailable']]);
    const second = await sync(db, decks, hashes, LATER);
    expect(second.fetchDeck.mock.calls).toEqual([['beta.json']]);
    expect(second.summary.imported.map((r) => r.deckId)).toEqual(['beta']);
    expect(await db.count('cards')).toBe(4);
  });

  it('rejects a file that holds a different deck than its index entry', async () => {
    const db = await openTestDb();
    const summary = await syncBuiltInDecks(
      db,
      index([['alpha', 'aaaa1111']]),
      async () => deckFile('beta', 1),
      NOW,
    );
    expect(summary.failed.map((f) => f.error.kind)).toEqual(['invalid']);
    expect(await db.count('decks')).toBe(0);
  });

  it('refuses a built-in card id that belongs to a custom deck, writing nothing', async () => {
    const db = await openTestDb();
    await sync(db, [deckFile('alpha', [qa('a0'), qa('a1')])], { alpha: 'aaaa1111' });
    await importDeck(db, deckFile('mine', [qa('shared')]), { builtIn: false, hash: 'mmmm1111', now: NOW });
    const before = await hashCollection(db);
    const { summary } = await sync(db, [deckFile('alpha', [qa('a0'), qa('shared')])], { alpha: 'aaaa2222' });
    expect(summary.failed.map((f) => [f.deckId, f.error.kind])).toEqual([['alpha', 'invalid']]);
    expect(summary.failed[0]?.error.message).toMatch(/"shared:qa" \(deck "mine"\)/);
    expect(await hashCollection(db)).toBe(before);
  });

  it('refuses ambiguous renames: a previous id claimed by cards of two decks', async () => {
    const db = await openTestDb();
    await sync(db, [deckFile('alpha', [qa('a0')]), deckFile('beta', [qa('b0')])], {
      alpha: 'aaaa1111',
      beta: 'bbbb1111',
    });
    const before = await hashCollection(db);
    const { summary } = await sync(
      db,
      [
        deckFile('alpha', [qa('a1', { previousIds: ['a0:qa'] })]),
        deckFile('beta', [qa('b0'), qa('b1', { previousIds: ['a0:qa'] })]),
      ],
      { alpha: 'aaaa2222', beta: 'bbbb2222' },
    );
    expect(summary.failed.map((f) => f.error.kind)).toEqual(['invalid', 'invalid']);
    expect(summary.failed[0]?.error.message).toMatch(/"a0:qa".*also claimed by "a1:qa"/);
    expect(await hashCollection(db)).toBe(before);
  });
});

/**
 * Issue 12: a learner with a studied collection receives reorganised decks. Version 1 has decks alpha, beta
 * and gamma; version 2 moves facts between them and into a new deck delta, retires gamma, inserts a cloze
 * blank, renames a fact and drops two facts.
 */
describe('a studied collection receives reorganised decks', () => {
  const v1 = [
    deckFile('alpha', [
      qa('a-studied'),
      qa('a-suspended'),
      qa('a-buried'),
      qa('a-to-delta'),
      qa('a-new'),
      qa('a-dropped'),
      qa('old-name'),
      cloze('pct', 'c1', '[...] for LMS, 10% for MFH/UPS.'),
      cloze('pct', 'c2', '20% for LMS, [...] for MFH/UPS.'),
    ]),
    deckFile('beta', [qa('b-studied'), qa('b-new')]),
    deckFile('gamma', [qa('g-studied'), qa('g-dropped')]),
  ];
  const v1Hashes = { alpha: 'aaaa1111', beta: 'bbbb1111', gamma: 'cccc1111' };
  const v2 = [
    deckFile('alpha', [
      qa('a-studied', { back: 'A corrected answer.' }),
      qa('a-new'),
      qa('new-name', { previousIds: ['old-name:qa'] }),
      cloze('pct', '20pct', '[...] for LMS, 9% for ASPS, 10% for MFH/UPS.', ['pct:cloze:c1']),
      // The inserted blank: a new card, which takes no other blank's schedule.
      cloze('pct', '9pct', '20% for LMS, [...] for ASPS, 10% for MFH/UPS.'),
      cloze('pct', '10pct', '20% for LMS, 9% for ASPS, [...] for MFH/UPS.', ['pct:cloze:c2']),
    ]),
    deckFile('beta', [qa('b-studied'), qa('a-suspended'), qa('b-new'), qa('a-buried'), qa('g-studied')]),
    deckFile('delta', [qa('a-to-delta'), qa('d-new')]),
  ];
  const v2Hashes = { alpha: 'aaaa2222', beta: 'bbbb2222', delta: 'dddd1111' };

  /** Version 1 synced, then studied: reviews on most cards, one suspended, one buried. */
  async function studiedCollection(): Promise<AppDatabase> {
    const db = await openTestDb();
    await sync(db, v1, v1Hashes);
    const ids = ['a-studied:qa', 'a-suspended:qa', 'a-to-delta:qa', 'a-dropped:qa', 'old-name:qa'];
    for (const [i, id] of [
      ...ids,
      'pct:cloze:c1',
      'pct:cloze:c2',
      'b-studied:qa',
      'g-studied:qa',
    ].entries()) {
      const at = new Date(NOW.getTime() + i * 60_000);
      await study(db, id, at, `log-${i}-a`);
      await study(db, id, new Date(at.getTime() + DAY), `log-${i}-b`);
    }
    await suspendCard(db, 'a-suspended:qa', true);
    await buryCard(db, 'a-buried:qa', LATER.getTime() + DAY);
    return db;
  }

  it('keeps every moved card’s id, state and reviews, renames with their reviews, and loses nothing', async () => {
    const db = await studiedCollection();
    const cardsBefore = byId(await db.getAll('cards'));
    const logsBefore = await db.getAll('review-logs');

    const { summary, fetchDeck } = await sync(db, v2, v2Hashes, LATER);

    expect(summary.failed).toEqual([]);
    expect(fetchDeck.mock.calls.map(([file]) => file).sort()).toEqual([
      'alpha.json',
      'beta.json',
      'delta.json',
    ]);
    expect(summary.removedDecks).toEqual(['gamma']);
    // a-suspended, a-buried, g-studied to beta; a-to-delta to delta.
    expect(summary.moved).toBe(4);
    // old-name -> new-name, c1 -> 20pct, c2 -> 10pct.
    expect(summary.renamed).toBe(3);

    const cards = byId(await db.getAll('cards'));
    // Nothing duplicated or lost: the collection holds exactly the cards of version 2, once each.
    expect([...cards.keys()].sort()).toEqual(v2.flatMap((deck) => deck.cards.map((c) => c.id)).sort());
    for (const deck of v2) {
      for (const card of deck.cards) expect(cards.get(card.id)?.deckId, card.id).toBe(deck.id);
      expect(await getDeck(db, deck.id)).toMatchObject({
        cardCount: deck.cards.length,
        hash: v2Hashes[deck.id as 'alpha'],
      });
      expect(await db.countFromIndex('cards', 'by-deck', deck.id)).toBe(deck.cards.length);
    }
    expect(await getDeck(db, 'gamma')).toBeUndefined();

    // Moved and kept cards: same id, same schedule, suspension, bury and time added.
    for (const id of [
      'a-studied:qa',
      'a-suspended:qa',
      'a-buried:qa',
      'a-to-delta:qa',
      'a-new:qa',
      'b-studied:qa',
      'b-new:qa',
      'g-studied:qa',
    ]) {
      expect(kept(cards.get(id)!), id).toEqual(kept(cardsBefore.get(id)!));
    }
    expect(cards.get('a-suspended:qa')).toMatchObject({ suspended: true, deckId: 'beta' });
    expect(cards.get('a-suspended:qa')?.newRank).toBeUndefined();
    expect(cards.get('a-buried:qa')?.buriedUntil).toBe(LATER.getTime() + DAY);
    expect(cards.get('a-studied:qa')?.back).toBe('A corrected answer.');
    // Renamed cards: the old card's state under the new id.
    for (const [from, to] of [
      ['old-name:qa', 'new-name:qa'],
      ['pct:cloze:c1', 'pct:cloze:20pct'],
      ['pct:cloze:c2', 'pct:cloze:10pct'],
    ] as const) {
      expect(kept(cards.get(to)!), to).toEqual(kept(cardsBefore.get(from)!));
      expect(cards.has(from)).toBe(false);
    }
    // The inserted blank and the new cards start new.
    for (const id of ['pct:cloze:9pct', 'd-new:qa']) {
      expect(cards.get(id)).toMatchObject({ fsrs: { reps: 0, state: 0 }, addedAt: LATER.getTime() });
    }

    // Every review is still there, once; a renamed card's reviews follow it, all others are untouched.
    const logs = byId(await db.getAll('review-logs'));
    expect(logs.size).toBe(logsBefore.length);
    const renamedTo: Record<string, string> = {
      'old-name:qa': 'new-name:qa',
      'pct:cloze:c1': 'pct:cloze:20pct',
      'pct:cloze:c2': 'pct:cloze:10pct',
    };
    for (const log of logsBefore) {
      const to = renamedTo[log.cardId];
      const expected: ReviewLogRecord = to ? { ...log, cardId: to, factId: cards.get(to)!.factId } : log;
      expect(logs.get(log.id)).toEqual(expected);
    }
    // The dropped cards are gone, their reviews kept as history; every card equals the replay of its reviews.
    expect(cards.has('a-dropped:qa')).toBe(false);
    const report = verifyCollection([...cards.values()], [...logs.values()], scheduler);
    expect(report.problems).toEqual([]);
    expect(report.orphanLogs).toBe(2);

    // alpha: a-studied reworded, a-new moved up, three renamed; beta: three moved in, b-new one place down.
    expect(summary.imported).toEqual([
      { deckId: 'alpha', added: 1, updated: 5, unchanged: 0, removed: 1, reviews: 0, existed: true },
      { deckId: 'beta', added: 0, updated: 4, unchanged: 1, removed: 0, reviews: 0, existed: true },
      { deckId: 'delta', added: 1, updated: 1, unchanged: 0, removed: 0, reviews: 0, existed: false },
    ]);
  });

  it('is one transaction: a write failing midway leaves the collection exactly as it was', async () => {
    const db = await studiedCollection();
    const before = await hashCollection(db);
    // The transaction is aborted once its 12th write has succeeded, as a browser aborts it when the disk
    // fills up: the deck records and some cards are written by then.
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      writes += 1;
      if (writes === 12) request.addEventListener('success', () => this.transaction.abort());
      return request;
    });

    const { summary } = await sync(db, v2, v2Hashes, LATER);

    expect(writes).toBeGreaterThan(12);
    expect(summary.imported).toEqual([]);
    expect(summary.failed.map((f) => [f.deckId, f.error.kind])).toEqual([
      ['alpha', 'aborted'],
      ['beta', 'aborted'],
      ['delta', 'aborted'],
    ]);
    expect(await hashCollection(db)).toBe(before);

    // The next start, with room again, applies the whole update.
    vi.restoreAllMocks();
    const retry = await sync(db, v2, v2Hashes, LATER);
    expect(retry.summary.failed).toEqual([]);
    expect(retry.summary.renamed).toBe(3);
  });

  it('a card that comes back after leaving the decks starts new, its old reviews kept as history', async () => {
    const db = await studiedCollection();
    await sync(db, v2, v2Hashes, LATER);
    // Version 3 brings a-dropped back (say, a fact restored from version control).
    const v3 = [deckFile('alpha', [...v2[0]!.cards, qa('a-dropped')]), v2[1]!, v2[2]!];
    const { summary } = await sync(
      db,
      v3,
      { ...v2Hashes, alpha: 'aaaa3333' },
      new Date(LATER.getTime() + DAY),
    );
    expect(summary.imported).toEqual([
      { deckId: 'alpha', added: 1, updated: 0, unchanged: 6, removed: 0, reviews: 0, existed: true },
    ]);
    const back = (await getCard(db, 'a-dropped:qa'))!;
    expect(back).toMatchObject({ fsrs: { reps: 0 }, resetAt: LATER.getTime() + DAY });
    const report = verifyCollection(await db.getAll('cards'), await db.getAll('review-logs'), scheduler);
    expect(report.problems).toEqual([]);
  });

  it('a card that exists keeps its own state; the old card it names is removed, its reviews kept', async () => {
    const db = await studiedCollection();
    // Both a-studied and old-name are stored: a-studied claims old-name but has a schedule of its own.
    const v2b = [deckFile('alpha', [qa('a-studied', { previousIds: ['old-name:qa'] })]), v1[1]!, v1[2]!];
    const before = (await getCard(db, 'a-studied:qa'))!;
    const logsBefore = await db.count('review-logs');
    const { summary } = await sync(db, v2b, { ...v1Hashes, alpha: 'aaaa2222' }, LATER);
    expect(summary.renamed).toBe(0);
    expect(kept((await getCard(db, 'a-studied:qa'))!)).toEqual(kept(before));
    expect(await getCard(db, 'old-name:qa')).toBeUndefined();
    expect(await db.count('review-logs')).toBe(logsBefore);
    expect((await db.getAllFromIndex('review-logs', 'by-card', 'old-name:qa')).length).toBe(2);
  });
});

/**
 * The switch from blank numbers to blank ids on the real decks: a collection synced from the decks as the
 * old generator named them (`<fact>:cloze:c1`...), studied, receives the decks of this build.
 */
describe('the switch to cloze blank ids', () => {
  const current = generateDecks(loadRealFacts());
  const legacy = /:cloze:c\d+$/;
  /** The same decks with every separate cloze card under its old blank-number id. */
  const old = current.map((deck) => ({
    ...deck,
    cards: deck.cards.map(({ previousIds, ...card }) => {
      const before = previousIds?.find((id) => legacy.test(id));
      return before === undefined ? card : { ...card, id: before };
    }),
  }));
  const hashes = (tag: string) =>
    Object.fromEntries(current.map((deck, i) => [deck.id, `${tag}${i}`.padEnd(16, '0')]));

  it('carries every blank-number card’s schedule, suspension and reviews to its blank id', async () => {
    const db = await openTestDb();
    await sync(db, old, hashes('a'));
    const oldIds = old.flatMap((deck) => deck.cards.map((card) => card.id)).filter((id) => legacy.test(id));
    expect(oldIds.length).toBeGreaterThanOrEqual(10);
    for (const [i, id] of oldIds.entries())
      await study(db, id, new Date(NOW.getTime() + i * 60_000), `old-${i}`);
    await suspendCard(db, oldIds[0]!, true);
    const before = byId(await db.getAll('cards'));

    const { summary } = await sync(db, current, hashes('b'), LATER);

    expect(summary.failed).toEqual([]);
    expect(summary.renamed).toBe(oldIds.length);
    const cards = byId(await db.getAll('cards'));
    expect(cards.size).toBe(current.reduce((n, deck) => n + deck.cards.length, 0));
    for (const card of current.flatMap((deck) => deck.cards)) {
      const from = card.previousIds?.find((id) => legacy.test(id));
      if (from === undefined) continue;
      expect(cards.has(from)).toBe(false);
      expect(kept(cards.get(card.id)!), card.id).toEqual(kept(before.get(from)!));
      expect((await db.getAllFromIndex('review-logs', 'by-card', card.id)).length, card.id).toBe(1);
    }
    expect(
      cards.get(current.flatMap((d) => d.cards).find((c) => c.previousIds?.includes(oldIds[0]!))!.id)
        ?.suspended,
    ).toBe(true);
    const report = verifyCollection([...cards.values()], await db.getAll('review-logs'), scheduler);
    expect(report).toMatchObject({ problems: [], orphanLogs: 0, logs: oldIds.length });
  });
});

describe('the optional deck (issue 12)', () => {
  const optionalRelease = (decks: DeckFile[], hashes: Record<string, string>, optional: string) => {
    const { index: idx, fetchDeck } = release(decks, hashes);
    return {
      index: { ...idx, decks: idx.decks.map((e) => (e.id === optional ? { ...e, optional: true } : e)) },
      fetchDeck,
    };
  };
  const core = (cards: DeckCard[]): DeckFile => ({ ...deckFile('core', 0), cards });
  const details = (cards: DeckCard[]): DeckFile => ({ ...deckFile('details', 0), cards });

  it('a new user gets it out of daily study; the learner’s choice survives the next release', async () => {
    const db = await openTestDb();
    let r = optionalRelease(
      [core([qa('a')]), details([qa('abbr')])],
      { core: 'aaaa0001', details: 'bbbb0001' },
      'details',
    );
    await syncBuiltInDecks(db, r.index, r.fetchDeck, NOW);
    expect((await getDeck(db, 'details'))?.paused).toBe(true);
    expect((await getDeck(db, 'core'))?.paused).toBeUndefined();

    // The learner turns it on; a release that changes it keeps it on.
    const { setDeckPaused } = await import('../../src/storage/deck-store');
    await setDeckPaused(db, 'details', false, NOW);
    r = optionalRelease(
      [core([qa('a')]), details([qa('abbr'), qa('abbr2')])],
      { core: 'aaaa0001', details: 'bbbb0002' },
      'details',
    );
    await syncBuiltInDecks(db, r.index, r.fetchDeck, LATER);
    expect((await getDeck(db, 'details'))?.paused).toBeUndefined();
    // And a deck the learner paused stays paused through a release.
    await setDeckPaused(db, 'core', true, LATER);
    r = optionalRelease(
      [core([qa('a'), qa('b')]), details([qa('abbr'), qa('abbr2')])],
      { core: 'aaaa0002', details: 'bbbb0002' },
      'details',
    );
    await syncBuiltInDecks(db, r.index, r.fetchDeck, LATER);
    expect((await getDeck(db, 'core'))?.paused).toBe(true);
  });

  it('a learner who studied the cards moved into it keeps it in daily study, cards and reviews intact', async () => {
    const db = await openTestDb();
    await sync(db, [core([qa('a'), qa('abbr')])], { core: 'aaaa0001' });
    const studied = await study(db, 'abbr:qa', NOW, 'log-abbr');
    const r = optionalRelease(
      [core([qa('a')]), details([qa('abbr')])],
      { core: 'aaaa0002', details: 'bbbb0001' },
      'details',
    );
    const summary = await syncBuiltInDecks(db, r.index, r.fetchDeck, LATER);
    expect(summary.moved).toBe(1);
    expect((await getDeck(db, 'details'))?.paused).toBeUndefined();
    const card = await getCard(db, 'abbr:qa');
    expect(card?.deckId).toBe('details');
    expect(kept(card!)).toEqual(kept(studied));
    expect((await db.getAll('review-logs')).map((l) => l.cardId)).toEqual(['abbr:qa']);
  });
});
