import { describe, expect, it } from 'vitest';
import type { NoteSource } from '../../src/domain/deck-format';
import { makeScheduler } from '../../src/domain/scheduler';
import { CardState, DEFAULT_SETTINGS, Grade } from '../../src/domain/types';
import { verifyCollection } from '../../src/domain/verify';
import { cardsOfDeck } from '../../src/storage/card-store';
import {
  createDeck,
  deleteNotes,
  renameDeck,
  resetCards,
  saveCardText,
  saveNote,
} from '../../src/storage/custom-deck-store';
import { importDeck } from '../../src/storage/deck-import';
import { getDeck } from '../../src/storage/deck-store';
import { deleteDeck, listSnapshots, restoreSnapshot } from '../../src/storage/snapshot-store';
import { commitGrade } from '../../src/storage/study-store';
import type { AppDatabase } from '../../src/storage/transaction';
import { DAY, NOW, deckFile, makeGrade, openTestDb } from './helpers';

const LATER = new Date(NOW.getTime() + DAY);
const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });

async function deckWithNote(note: NoteSource): Promise<AppDatabase> {
  const db = await openTestDb();
  await createDeck(db, { id: 'mine', title: ' Mine ', description: '' }, NOW);
  await saveNote(db, 'mine', { noteId: 'n1', note, tags: ['t'] }, NOW);
  return db;
}

/** Every store's records, to compare a collection before and after. */
async function everything(db: AppDatabase) {
  return {
    decks: await db.getAll('decks'),
    cards: await db.getAll('cards'),
    logs: await db.getAll('review-logs'),
  };
}

describe('custom decks', () => {
  it('creates, renames and refuses a second deck with the same id or an empty name', async () => {
    const db = await openTestDb();
    const deck = await createDeck(db, { id: 'mine', title: ' Mine ', description: 'd' }, NOW);
    expect(deck).toMatchObject({ id: 'mine', title: 'Mine', builtIn: false, cardCount: 0 });
    await expect(createDeck(db, { id: 'mine', title: 'Again', description: '' }, NOW)).rejects.toThrow(
      /exists/,
    );
    await expect(createDeck(db, { id: 'other', title: '  ', description: '' }, NOW)).rejects.toThrow(/name/);
    await renameDeck(db, 'mine', 'Journal club', 'Papers', LATER);
    expect(await getDeck(db, 'mine')).toMatchObject({ title: 'Journal club', description: 'Papers' });
  });

  it('edits a cloze note: kept deletions keep their schedule and reviews, a removed one goes, a new one is added', async () => {
    const db = await deckWithNote({ type: 'cloze', front: '{{c1::A}} {{c2::B}}', back: '' });
    const [c1] = await cardsOfDeck(db, 'mine');
    expect(c1!.id).toBe('n1:cloze:c1');
    const graded = makeGrade(c1!, Grade.Good, NOW, 'log-n1-c1');
    await commitGrade(db, graded);

    const result = await saveNote(
      db,
      'mine',
      { noteId: 'n1', note: { type: 'cloze', front: '{{c1::A!}} {{c3::C}}', back: '' }, tags: ['t'] },
      LATER,
    );
    expect(result).toMatchObject({ added: 1, updated: 1, removed: 1 });
    const cards = await cardsOfDeck(db, 'mine');
    expect(cards.map((c) => c.id).sort()).toEqual(['n1:cloze:c1', 'n1:cloze:c3']);
    const edited = cards.find((c) => c.id === 'n1:cloze:c1')!;
    expect(edited.front).toBe('[...] C');
    expect(edited.fsrs).toEqual(graded.card.fsrs);
    expect(await db.count('review-logs')).toBe(1);
    expect((await getDeck(db, 'mine'))?.cardCount).toBe(2);
  });

  it('refuses an incomplete note and a built-in deck, writing nothing', async () => {
    const db = await deckWithNote({ type: 'basic', front: 'Q', back: 'A' });
    await importDeck(db, deckFile('builtin', 1), { builtIn: true, hash: 'aaaa1111', now: NOW });
    const before = await everything(db);
    await expect(
      saveNote(db, 'mine', { noteId: 'n2', note: { type: 'basic', front: 'Q', back: '' }, tags: [] }, NOW),
    ).rejects.toThrow('Write the back.');
    await expect(
      saveNote(
        db,
        'builtin',
        { noteId: 'n3', note: { type: 'basic', front: 'Q', back: 'A' }, tags: [] },
        NOW,
      ),
    ).rejects.toThrow(/deck of your own/);
    await expect(deleteNotes(db, 'builtin', ['builtin.f0'], NOW)).rejects.toThrow(/suspend them/);
    expect(await everything(db)).toEqual(before);
  });

  it('deletes a note with all its cards and their reviews', async () => {
    const db = await deckWithNote({ type: 'reversed', front: 'Q', back: 'A' });
    const [card] = await cardsOfDeck(db, 'mine');
    await commitGrade(db, makeGrade(card!, Grade.Good, NOW, 'log-del'));
    expect(await deleteNotes(db, 'mine', ['n1'], LATER)).toBe(2);
    expect(await cardsOfDeck(db, 'mine')).toEqual([]);
    expect(await db.count('review-logs')).toBe(0);
    expect((await getDeck(db, 'mine'))?.cardCount).toBe(0);
  });

  it('resets a card to new, keeps its reviews, and a replay still agrees with it', async () => {
    const db = await deckWithNote({ type: 'basic', front: 'Q', back: 'A' });
    const [card] = await cardsOfDeck(db, 'mine');
    const first = makeGrade(card!, Grade.Good, NOW, 'log-r1');
    await commitGrade(db, first);
    expect(await resetCards(db, [card!.id], LATER)).toBe(1);
    const [reset] = await cardsOfDeck(db, 'mine');
    expect(reset!.fsrs.state).toBe(CardState.New);
    expect(reset!.newRank).toBe(reset!.position);
    expect(await db.count('review-logs')).toBe(1);
    const again = makeGrade(reset!, Grade.Easy, new Date(LATER.getTime() + 1000), 'log-r2');
    await commitGrade(db, again);
    const report = verifyCollection(await db.getAll('cards'), await db.getAll('review-logs'), scheduler);
    expect(report.problems).toEqual([]);
  });
});

describe('saveCardText', () => {
  it('changes an imported card’s text and tags, keeping its markup, schedule and reviews', async () => {
    const db = await openTestDb();
    const file = deckFile('shared', 1);
    file.cards[0]!.markup = 'html';
    await importDeck(db, file, { builtIn: false, hash: '', now: NOW });
    const [card] = await cardsOfDeck(db, 'shared');
    const graded = makeGrade(card!, Grade.Good, NOW, 'log-text');
    await commitGrade(db, graded);
    await saveCardText(
      db,
      card!.id,
      { front: ' New <b>front</b> ', back: 'New back', tags: ['x'], sourceNote: 'p. 3' },
      LATER,
    );
    const [edited] = await cardsOfDeck(db, 'shared');
    expect(edited).toMatchObject({
      front: 'New <b>front</b>',
      back: 'New back',
      tags: ['x'],
      sourceNote: 'p. 3',
      markup: 'html',
    });
    expect(edited!.fsrs).toEqual(graded.card.fsrs);
    expect(await db.count('review-logs')).toBe(1);
  });

  it('refuses an empty side and a built-in card, writing nothing', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('builtin', 1), { builtIn: true, hash: 'aaaa1111', now: NOW });
    const before = await everything(db);
    const text = { front: 'F', back: 'B', tags: [], sourceNote: '' };
    await expect(saveCardText(db, 'builtin.c0', text, NOW)).rejects.toThrow(/built-in/);
    await expect(saveCardText(db, 'builtin.c0', { ...text, back: ' ' }, NOW)).rejects.toThrow(/both/);
    expect(await everything(db)).toEqual(before);
  });
});

describe('snapshots', () => {
  it('a deleted deck comes back exactly, with its cards and reviews', async () => {
    const db = await deckWithNote({ type: 'reversed', front: 'Q', back: 'A' });
    const [card] = await cardsOfDeck(db, 'mine');
    await commitGrade(db, makeGrade(card!, Grade.Good, NOW, 'log-s1'));
    const before = await everything(db);
    await deleteDeck(db, 'mine', 'snap-1', LATER);
    expect(await getDeck(db, 'mine')).toBeUndefined();
    expect(await db.count('cards')).toBe(0);
    expect((await listSnapshots(db))[0]).toMatchObject({ id: 'snap-1', cardCount: 2, reviewCount: 1 });
    await restoreSnapshot(db, 'snap-1');
    expect(await everything(db)).toEqual(before);
  });

  it('an import is undone: a new deck disappears, an updated deck is as it was', async () => {
    const db = await openTestDb();
    await importDeck(db, deckFile('shared', 2), { builtIn: false, hash: '', now: NOW });
    const before = await everything(db);
    const next = deckFile('shared', 3, { title: 'Shared v2' });
    next.cards[0]!.front = 'Changed?';
    const result = await importDeck(db, next, {
      builtIn: false,
      hash: '',
      now: LATER,
      snapshot: { id: 'snap-import', label: 'Before importing' },
    });
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1, existed: true });
    await restoreSnapshot(db, 'snap-import');
    expect(await everything(db)).toEqual(before);

    await importDeck(db, deckFile('brand-new', 2), {
      builtIn: false,
      hash: '',
      now: LATER,
      snapshot: { id: 'snap-new', label: 'Before importing' },
    });
    await restoreSnapshot(db, 'snap-new');
    expect(await everything(db)).toEqual(before);
  });

  it('keeps only the newest ten', async () => {
    const db = await openTestDb();
    for (let i = 0; i < 12; i += 1) {
      await importDeck(db, deckFile(`d${i}`, 1), {
        builtIn: false,
        hash: '',
        now: new Date(NOW.getTime() + i),
        snapshot: { id: `s${String(i).padStart(2, '0')}`, label: 'x' },
      });
    }
    const ids = (await listSnapshots(db)).map((s) => s.id);
    expect(ids).toHaveLength(10);
    expect(ids[0]).toBe('s11');
    expect(ids).not.toContain('s00');
  });
});
