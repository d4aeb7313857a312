import { describe, expect, it } from 'vitest';
import { withIndexKeys } from '../../src/domain/card-record';
import { dailyDeckIds } from '../../src/domain/queue';
import { reviewSortKey } from '../../src/domain/review-order';
import { CardState, DEFAULT_SETTINGS, Grade, type CardRecord, type Settings } from '../../src/domain/types';
import {
  RESERVE,
  applyGrade,
  loadDay,
  loadOverview,
  needsReload,
  queueOfDay,
} from '../../src/state/study-snapshot';
import type { AppDatabase } from '../../src/storage/transaction';
import { DAY, MINUTE, NOW, deckCard, makeGrade, openTestDb, seedCards } from '../storage/helpers';
import { makeCardRecord } from '../../src/domain/card-record';
import { newFsrsCard } from '../../src/domain/scheduler';
import { openAppDb } from '../../src/storage/db';
import { commitGrade } from '../../src/storage/study-store';
import { deckRecord } from './helpers';

const SETTINGS = { ...DEFAULT_SETTINGS, dayStartHour: 4 };

/** A new card record of `deckId` with the given id and fact, at `rank` in its deck. */
function card(deckId: string, id: string, factId: string, rank: number): CardRecord {
  return makeCardRecord(deckId, { ...deckCard(deckId, rank), id, factId }, rank, newFsrsCard(NOW), NOW);
}

/** The card as a review card due at `due`. */
function asReview(c: CardRecord, due: number): CardRecord {
  return withIndexKeys({
    ...c,
    fsrs: { ...c.fsrs, state: CardState.Review, due: new Date(due), reps: 3, stability: 5, difficulty: 5 },
  });
}

async function queueNow(db: AppDatabase, deckIds: string[], at = NOW, settings = SETTINGS) {
  return queueOfDay(await loadDay(db, deckIds.map(deckRecord), settings, at, 'UTC'));
}

describe('loadDay and queueOfDay through the real indexes', () => {
  it('pages through by-new past a backlog of siblings: 1,000 overdue reviews do not starve new cards (point 5)', async () => {
    const db = await openTestDb();
    const cards: CardRecord[] = [];
    // Reverse cards of 1,000 facts are new and come first in the deck; their forward siblings are overdue.
    for (let i = 0; i < 1000; i++) cards.push(card('alpha', `f${i}:rev`, `f${i}`, i));
    for (let i = 0; i < 1000; i++)
      cards.push(asReview(card('alpha', `f${i}:fwd`, `f${i}`, 1000 + i), NOW.getTime() - DAY - i));
    // Then 500 unrelated new facts.
    for (let i = 0; i < 500; i++) cards.push(card('alpha', `u${i}`, `u${i}`, 2000 + i));
    await seedCards(db, cards);

    const day = await loadDay(db, [deckRecord('alpha')], SETTINGS, NOW, 'UTC');
    const queue = queueOfDay(day);
    expect(queue.counts).toEqual({ new: 20, learning: 0, review: 200 });
    expect(queue.limited).toEqual({ new: true, review: true });
    // Only today's room and a small reserve were read, not the backlog of 1,000.
    expect(day.reviews).toHaveLength(200 + RESERVE);
    expect(day.newCards).toHaveLength(20 + RESERVE);
    // Studying one deck reads its reviews through by-deck-review, and finds the same.
    const alone = await loadDay(db, [deckRecord('alpha')], SETTINGS, NOW, 'UTC', {
      deckIds: new Set(['alpha']),
    });
    expect(queueOfDay(alone).counts).toEqual(queue.counts);
  });

  it('counts only logs of the current study day toward the limits (the day boundary of loadSnapshot)', async () => {
    const db = await openTestDb();
    const cards = Array.from({ length: 6 }, (_, i) => card('alpha', `n${i}`, `n${i}`, i));
    await seedCards(db, cards);
    // 03:59 UTC is still the previous study day with a 4 am start; 04:00 starts the next one.
    const lastNight = new Date('2026-01-05T03:59:00Z');
    await commitGrade(db, makeGrade(cards[0]!, Grade.Good, lastNight, 'log-night'));
    const morning = new Date('2026-01-05T04:00:00Z');
    await commitGrade(db, makeGrade(cards[1]!, Grade.Good, morning, 'log-morning'));

    const settings = { ...SETTINGS, newPerDay: 3 };
    const at = new Date('2026-01-05T05:00:00Z');
    const day = await loadDay(db, [deckRecord('alpha')], settings, at, 'UTC');
    expect(day.todayLogs.map((l) => l.id)).toEqual(['log-morning']);
    const queue = queueOfDay(day);
    expect(queue.counts.new).toBe(2);
    expect(queue.counts.learning).toBe(2);
  });

  it('says the new-card limit held cards back only when it did (point 5, done screen)', async () => {
    const db = await openTestDb();
    const a = card('alpha', 'a:fwd', 'a', 0);
    const b = card('alpha', 'a:rev', 'a', 1);
    await seedCards(db, [a, b]);
    await commitGrade(db, makeGrade(a, Grade.Easy, NOW, 'log-a'));
    // The only new card left is a buried sibling: no new card can come today, but not because of the limit.
    const later = new Date(NOW.getTime() + MINUTE);
    const buried = await queueNow(db, ['alpha'], later);
    expect(buried.counts.new).toBe(0);
    expect(buried.limited.new).toBe(false);

    const db2 = await openTestDb();
    const fresh = Array.from({ length: 3 }, (_, i) => card('beta', `b${i}`, `b${i}`, i));
    await seedCards(db2, fresh);
    expect((await queueNow(db2, ['beta'], NOW, { ...SETTINGS, newPerDay: 0 })).limited.new).toBe(true);
  });
});

describe('loadOverview (point 6)', () => {
  it('gives each deck what studying it would give now, and a total equal to Study all', async () => {
    const db = await openTestDb();
    const ids = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'];
    const cards = ids.flatMap((deckId) =>
      Array.from({ length: 30 }, (_, i) => card(deckId, `${deckId}.c${i}`, `${deckId}.f${i}`, i)),
    );
    // d2 has 5 reviews due; 15 new cards were already studied today in d1.
    for (let i = 0; i < 5; i++)
      cards.push(asReview(card('d2', `d2.r${i}`, `d2.rf${i}`, 100 + i), NOW.getTime() - DAY));
    await seedCards(db, cards);
    for (let i = 0; i < 15; i++) {
      await commitGrade(
        db,
        makeGrade(cards[i]!, Grade.Easy, new Date(NOW.getTime() - 60 * MINUTE + i), `log-${i}`),
      );
    }

    const decks = ids.map(deckRecord);
    const overview = await loadOverview(db, decks, SETTINGS, NOW, 'UTC');
    expect(overview.all).toEqual((await queueNow(db, ids)).counts);
    expect(overview.all).toEqual({ new: 5, learning: 0, review: 5 });
    for (const row of overview.decks) {
      const alone = await loadDay(db, decks, SETTINGS, NOW, 'UTC', { deckIds: new Set([row.deck.id]) });
      expect(row.counts).toEqual(queueOfDay(alone).counts);
      // The limit is shared: no deck offers more new cards than are left for the whole day.
      expect(row.counts.new).toBeLessThanOrEqual(overview.all.new);
    }
    expect(overview.decks.find((r) => r.deck.id === 'd2')?.counts).toEqual({
      new: 5,
      learning: 0,
      review: 5,
    });
    expect(overview.answeredToday).toBe(15);
  });

  it('leaves a paused deck out of Study all, and still counts it on its own (issue 12)', async () => {
    const db = await openTestDb();
    const cards = ['core', 'optional'].flatMap((deckId) => [
      ...Array.from({ length: 3 }, (_, i) => card(deckId, `${deckId}.c${i}`, `${deckId}.f${i}`, i)),
      asReview(card(deckId, `${deckId}.r`, `${deckId}.rf`, 10), NOW.getTime() - DAY),
    ]);
    await seedCards(db, cards);
    const decks = [deckRecord('core'), { ...deckRecord('optional'), paused: true }];
    expect(dailyDeckIds(decks)).toEqual(new Set(['core']));
    const overview = await loadOverview(db, decks, SETTINGS, NOW, 'UTC');
    expect(overview.all).toEqual({ new: 3, learning: 0, review: 1 });
    expect(overview.decks.find((r) => r.deck.id === 'optional')?.counts).toEqual({
      new: 3,
      learning: 0,
      review: 1,
    });
    // Turned on again, it is part of Study all with its cards as they were.
    const on = await loadOverview(
      db,
      decks.map(({ paused: _p, ...d }) => d),
      SETTINGS,
      NOW,
      'UTC',
    );
    expect(dailyDeckIds(decks.map(({ paused: _p, ...d }) => d))).toBeNull();
    expect(on.all).toEqual({ new: 6, learning: 0, review: 2 });
  });
});

describe('the day in memory', () => {
  it('after each grade, the patched day gives the same queue as a fresh load', async () => {
    const db = await openTestDb();
    const cards: CardRecord[] = [];
    for (let i = 0; i < 30; i++) cards.push(card('alpha', `a${i}:fwd`, `a${i}`, i));
    for (let i = 0; i < 30; i++) cards.push(card('alpha', `a${i}:rev`, `a${i}`, 30 + i));
    for (let i = 0; i < 40; i++)
      cards.push(asReview(card('alpha', `r${i}`, `a${i % 30}`, 100 + i), NOW.getTime() - DAY + i));
    await seedCards(db, cards);
    const settings = { ...SETTINGS, newPerDay: 10, reviewsPerDay: 25 };
    const decks = [deckRecord('alpha')];
    let day = await loadDay(db, decks, settings, NOW, 'UTC', { reserve: 5 });
    let at = NOW.getTime();
    const grades = [Grade.Good, Grade.Again, Grade.Easy, Grade.Hard];
    for (let i = 0; i < 40; i++) {
      const queue = queueOfDay(day, at);
      const fresh = queueOfDay(await loadDay(db, decks, settings, new Date(at), 'UTC', { reserve: 5 }), at);
      expect(queue.counts).toEqual(fresh.counts);
      expect(queue.next?.id).toBe(fresh.next?.id);
      if (!queue.next) break;
      const commit = makeGrade(queue.next, grades[i % 4]!, new Date(at), `log-${i}`);
      const result = await commitGrade(db, commit);
      if (result.status !== 'committed') throw new Error(result.status);
      day = applyGrade(day, result.card, commit.log);
      at += MINUTE;
      if (needsReload(day, queueOfDay(day, at), at))
        day = await loadDay(db, decks, settings, new Date(at), 'UTC', { reserve: 5 });
    }
  });
});

describe('paging through cards that share an index key', () => {
  it('reads past new cards of one rank (the first release ranked cards by the time they were added)', async () => {
    const db = await openTestDb();
    const rank = NOW.getTime();
    const tied = (id: string, factId: string) =>
      withIndexKeys({ ...card('alpha', id, factId, 0), position: rank });
    // 40 new cards whose siblings were answered today (buried), then 20 studyable ones: all of one rank.
    const buried = Array.from({ length: 40 }, (_, i) => tied(`b${i}:rev`, `b${i}`));
    const free = Array.from({ length: 20 }, (_, i) => tied(`z${i}`, `z${i}`));
    const answered = Array.from({ length: 40 }, (_, i) => card('beta', `b${i}:fwd`, `b${i}`, i));
    await seedCards(db, [...buried, ...free, ...answered]);
    for (const [i, c] of answered.entries()) {
      await commitGrade(db, makeGrade(c, Grade.Easy, new Date(NOW.getTime() - 60 * MINUTE + i), `a-${i}`));
    }
    const day = await loadDay(db, [deckRecord('alpha')], { ...SETTINGS, newPerDay: 60 }, NOW, 'UTC', {
      deckIds: new Set(['alpha']),
    });
    expect(day.newCards.map((c) => c.id).sort()).toEqual(free.map((c) => c.id).sort());
  });

  it('reads past reviews due at the same instant, page after page', async () => {
    const db = await openTestDb();
    const due = NOW.getTime() - DAY;
    const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(3, '0')}`;
    // 60 buried reviews sort first in the index (same due, ids "a000".."a059"), then 60 studyable ones.
    const buried = Array.from({ length: 60 }, (_, i) => ({
      ...asReview(card('alpha', id('a', i), id('fa', i), i), due),
      buriedUntil: NOW.getTime() + DAY,
    }));
    const free = Array.from({ length: 60 }, (_, i) =>
      asReview(card('alpha', id('b', i), id('fb', i), 60 + i), due),
    );
    await seedCards(db, [...buried, ...free]);
    const day = await loadDay(db, [deckRecord('alpha')], { ...SETTINGS, reviewsPerDay: 50 }, NOW, 'UTC', {
      reserve: 0,
    });
    expect(day.reviews.map((c) => c.id)).toEqual(free.slice(0, 50).map((c) => c.id));
    expect(queueOfDay(day).counts.review).toBe(50);
  });
});

describe('loadDay: review order over a backlog', () => {
  /** 1,000 overdue reviews of two decks, each with its own stability and last review. */
  async function seedBacklog(db: AppDatabase): Promise<CardRecord[]> {
    const cards = Array.from({ length: 1000 }, (_, i) => {
      const deckId = i % 2 === 0 ? 'alpha' : 'beta';
      const due = NOW.getTime() - (1 + (i % 37)) * DAY - i * MINUTE;
      const base = asReview(card(deckId, `${deckId}.r${i}`, `${deckId}.f${i}`, i), due);
      return withIndexKeys({
        ...base,
        fsrs: {
          ...base.fsrs,
          stability: 1 + ((i * 7919) % 97),
          scheduled_days: 3,
          last_review: new Date(due - 3 * DAY),
        },
      });
    });
    return seedCards(db, cards);
  }

  const settingsWith = (reviewOrder: Settings['reviewOrder']) => ({ ...SETTINGS, reviewOrder });

  it('reads the whole backlog and keeps the lowest retrievability: today’s room and the reserve', async () => {
    const db = await openTestDb();
    const cards = await seedBacklog(db);
    const settings = settingsWith('retrievability');
    const day = await loadDay(db, ['alpha', 'beta'].map(deckRecord), settings, NOW, 'UTC');
    const key = reviewSortKey('retrievability', NOW.getTime(), day.day);
    const expected = [...cards].sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : 1)).slice(0, 220);
    expect(day.reviews.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(day.reviewsExhausted).toBe(false);
    const queue = queueOfDay(day);
    expect(queue.counts.review).toBe(200);
    expect(queue.next?.id).toBe(expected[0]!.id);
    // Not what due order gives: its first card is the most overdue one.
    const byDue = await loadDay(db, ['alpha', 'beta'].map(deckRecord), SETTINGS, NOW, 'UTC');
    expect(queueOfDay(byDue).next?.id).not.toBe(expected[0]!.id);

    // One deck, through by-deck-review: that deck's lowest.
    const alpha = await loadDay(db, [deckRecord('alpha')], settings, NOW, 'UTC', {
      deckIds: new Set(['alpha']),
    });
    const alphaExpected = [...cards]
      .filter((c) => c.deckId === 'alpha')
      .sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : 1))
      .slice(0, 220);
    expect(alpha.reviews.map((c) => c.id)).toEqual(alphaExpected.map((c) => c.id));
  });

  it('says the backlog is exhausted when it fits in the room', async () => {
    const db = await openTestDb();
    await seedBacklog(db);
    const settings = { ...settingsWith('retrievability'), reviewsPerDay: 5000 };
    const day = await loadDay(db, ['alpha', 'beta'].map(deckRecord), settings, NOW, 'UTC');
    expect(day.reviews).toHaveLength(1000);
    expect(day.reviewsExhausted).toBe(true);
  });

  it('shuffles the whole backlog with "random", the same on a reload that day, anew the next day', async () => {
    const db = await openTestDb();
    const cards = await seedBacklog(db);
    const settings = settingsWith('random');
    const decks = ['alpha', 'beta'].map(deckRecord);
    const first = await loadDay(db, decks, settings, NOW, 'UTC');
    const ids = first.reviews.map((c) => c.id);
    expect(ids).toHaveLength(220);
    // Drawn from the whole backlog, not the 220 most overdue.
    const mostOverdue = new Set(
      [...cards]
        .sort((a, b) => a.fsrs.due.getTime() - b.fsrs.due.getTime())
        .slice(0, 220)
        .map((c) => c.id),
    );
    expect(ids.filter((id) => !mostOverdue.has(id)).length).toBeGreaterThan(100);
    const reload = await loadDay(db, decks, settings, new Date(NOW.getTime() + 3 * 60 * MINUTE), 'UTC');
    expect(reload.reviews.map((c) => c.id)).toEqual(ids);
    expect(queueOfDay(reload).next?.id).toBe(queueOfDay(first).next?.id);
    const tomorrow = await loadDay(db, decks, settings, new Date(NOW.getTime() + DAY), 'UTC');
    expect(tomorrow.reviews.map((c) => c.id)).not.toEqual(ids);
  });

  it('Home’s counts are the same whatever the order', async () => {
    const db = await openTestDb();
    await seedBacklog(db);
    const decks = ['alpha', 'beta'].map(deckRecord);
    const byDue = await loadOverview(db, decks, SETTINGS, NOW, 'UTC');
    const byRecall = await loadOverview(db, decks, settingsWith('retrievability'), NOW, 'UTC');
    expect(byRecall).toEqual(byDue);
  });
});

describe('loadDay: the day’s ranking of a backlog', () => {
  it('is reused the same day, showing grades, and made again when it runs short or the day changes', async () => {
    const db = await openTestDb();
    const decks = ['alpha'].map(deckRecord);
    const settings = { ...SETTINGS, reviewOrder: 'retrievability' as const, reviewsPerDay: 10 };
    // 100 reviews, due yesterday, all reviewed 3 days before with stabilities 2 to 101 days.
    const due = NOW.getTime() - DAY;
    const review = (i: number, stability: number) => {
      const base = asReview(card('alpha', `alpha.r${i}`, `alpha.f${i}`, i), due);
      return withIndexKeys({
        ...base,
        fsrs: { ...base.fsrs, stability, scheduled_days: 2, last_review: new Date(due - 2 * DAY) },
      });
    };
    await seedCards(
      db,
      Array.from({ length: 100 }, (_, i) => review(i, 2 + i)),
    );
    const first = await loadDay(db, decks, settings, NOW, 'UTC');
    expect(first.reviews.map((c) => c.id)).toEqual(Array.from({ length: 30 }, (_, i) => `alpha.r${i}`));

    // A grade takes its card out of the next load; a card put in behind the ranking's back (stability 1,
    // the least recalled of all) waits until the ranking is made again.
    const graded = makeGrade(first.reviews[0]!, Grade.Good, NOW, 'log-1');
    await commitGrade(db, graded);
    await seedCards(db, [review(500, 1)]);
    const later = new Date(NOW.getTime() + 10 * MINUTE);
    const again = await loadDay(db, decks, settings, later, 'UTC');
    expect(again.reviews.map((c) => c.id)).toEqual(Array.from({ length: 29 }, (_, i) => `alpha.r${i + 1}`));
    // After a reload (a new connection, nothing in memory) the ranking kept in the database serves.
    const reloaded = await openAppDb(db.name);
    const afterReload = await loadDay(reloaded, decks, settings, later, 'UTC');
    expect(afterReload.reviews.map((c) => c.id)).toEqual(again.reviews.map((c) => c.id));
    reloaded.close();
    // The next study day, the backlog is ranked anew: the new card comes first.
    const tomorrow = await loadDay(db, decks, settings, new Date(NOW.getTime() + DAY), 'UTC');
    expect(tomorrow.reviews[0]!.id).toBe('alpha.r500');

    // More room than the ranking kept: the backlog is read again, and the new card comes first.
    const roomier = await loadDay(db, decks, { ...settings, reviewsPerDay: 50 }, later, 'UTC');
    expect(roomier.reviews[0]!.id).toBe('alpha.r500');
    expect(roomier.reviews).toHaveLength(69);
  });
});
