import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withIndexKeys } from '../../src/domain/card-record';
import { CardState, Grade, LEECH_TAG } from '../../src/domain/types';
import { createCollection, type Collection } from '../../src/state/create-collection';
import { createStudySession, leechNotice, type StudySession } from '../../src/state/create-study-session';
import { commitGrade } from '../../src/storage/study-store';
import { DAY, makeGrade } from '../storage/helpers';
import { freshIndexedDb, serveDecks } from './helpers';

beforeEach(freshIndexedDb);
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A collection of one deck of `cards` cards, loaded, and a session over all decks (a "tab"). */
async function openTab(): Promise<{ collection: Collection; session: StudySession; dispose: () => void }> {
  return createRoot(async (dispose) => {
    const collection = createCollection();
    await collection.load();
    const session = createStudySession(collection, () => null);
    await session.refresh();
    return { collection, session, dispose };
  });
}

async function logs(collection: Collection) {
  return (await collection.db()).getAll('review-logs');
}

describe('createStudySession', () => {
  it('tells the learner when a grade made the card a leech, and Undo takes the leech back with the grade', async () => {
    serveDecks(['alpha'], { cards: { alpha: 3 } });
    const { collection, session, dispose } = await openTab();
    await collection.updateSettings({ ...collection.settings(), newPerDay: 0, leechThreshold: 3 });
    const db = await collection.db();
    // One card has lapsed twice and is due now.
    const stored = (await db.get('cards', session.card()!.id))!;
    const now = Date.now();
    const lapsed = withIndexKeys({
      ...stored,
      fsrs: {
        ...stored.fsrs,
        state: CardState.Review,
        due: new Date(now - DAY),
        last_review: new Date(now - 4 * DAY),
        stability: 3,
        difficulty: 7,
        scheduled_days: 3,
        reps: 9,
        lapses: 2,
      },
    });
    await db.put('cards', lapsed);
    await session.refresh();
    expect(session.card()?.id).toBe(lapsed.id);

    session.reveal();
    await session.grade(Grade.Again);
    expect(session.notice()).toBe(leechNotice(3));
    expect(session.announcement()).toBe(leechNotice(3));
    const leech = (await db.get('cards', lapsed.id))!;
    expect(leech).toMatchObject({ suspended: true, tags: [...lapsed.tags, LEECH_TAG] });
    expect(leech.fsrs.lapses).toBe(3);
    // Suspended, it is not shown again today.
    expect(session.phase()).toBe('done');

    await session.undo();
    expect(await db.get('cards', lapsed.id)).toEqual(lapsed);
    expect(session.card()?.id).toBe(lapsed.id);
    dispose();
  });

  it('grades, then Undo after Bury reverts the bury, and a second Undo the grade (point 8)', async () => {
    serveDecks(['alpha'], { cards: { alpha: 4 } });
    const { collection, session, dispose } = await openTab();
    expect(session.phase()).toBe('question');
    const first = session.card()!;
    session.reveal();
    await session.grade(Grade.Good);
    const second = session.card()!;
    expect(second.id).not.toBe(first.id);
    expect(await logs(collection)).toHaveLength(1);

    await session.bury();
    const db = await collection.db();
    expect((await db.get('cards', second.id))?.buriedUntil).toBeGreaterThan(Date.now());
    expect(session.card()?.id).not.toBe(second.id);

    await session.undo();
    expect((await db.get('cards', second.id))?.buriedUntil).toBe(0);
    expect(session.card()?.id).toBe(second.id);
    expect(await logs(collection)).toHaveLength(1);

    await session.undo();
    expect(await logs(collection)).toHaveLength(0);
    expect((await db.get('cards', first.id))?.fsrs).toEqual(first.fsrs);
    expect(session.card()?.id).toBe(first.id);
    expect(session.canUndo()).toBe(false);
    dispose();
  });

  it('a grade of a card another tab graded meanwhile writes nothing and shows the card as it now is (point 7)', async () => {
    serveDecks(['alpha'], { cards: { alpha: 3 } });
    const { collection, session, dispose } = await openTab();
    const shown = session.card()!;
    session.reveal();
    // Another tab answers the same card Again, without this tab hearing of it.
    const db = await collection.db();
    const other = makeGrade(shown, Grade.Again, new Date(), 'other-tab');
    await commitGrade(db, other);

    await session.grade(Grade.Easy);
    expect(session.notice()).toMatch(/another tab/);
    expect(session.phase()).toBe('question');
    expect(session.card()?.id).toBe(shown.id);
    expect(session.card()?.fsrs).toEqual(other.card.fsrs);
    expect((await logs(collection)).map((l) => l.id)).toEqual(['other-tab']);
    expect(session.canUndo()).toBe(false);
    dispose();
  });

  it('sees another tab grade the card on screen before its next action (tabs)', async () => {
    serveDecks(['alpha'], { cards: { alpha: 3 } });
    const tabA = await openTab();
    const tabB = await openTab();
    const shared = tabA.session.card()!;
    expect(tabB.session.card()?.id).toBe(shared.id);

    tabA.session.reveal();
    await tabA.session.grade(Grade.Good);
    await vi.waitFor(() => expect(tabB.session.card()?.id).not.toBe(shared.id));
    expect(tabB.session.notice()).toMatch(/another tab/);
    await vi.waitFor(() => expect(tabB.session.counts()).toEqual(tabA.session.counts()));
    tabA.dispose();
    tabB.dispose();
  });
});
