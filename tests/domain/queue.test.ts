import { describe, expect, it } from 'vitest';
import { studyDay } from '../../src/domain/day';
import { buildQueue, doneToday, selectLowest, type QueueInput } from '../../src/domain/queue';
import { reviewSortKey } from '../../src/domain/review-order';
import { CardState, type CardRecord, type ReviewOrder } from '../../src/domain/types';

/** A queue input, where a review order stands for its key (as the study code passes it). */
type TestInput = Partial<QueueInput> & { reviewOrder?: ReviewOrder };
import { DAY, MINUTE, NOW, cardIn, logOf, newCard } from './fixtures';

const DAY_UTC = studyDay(NOW, 4, 'UTC');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function queue({ reviewOrder, ...partial }: TestInput): ReturnType<typeof buildQueue> {
  const now = partial.now ?? NOW.getTime();
  const day = partial.day ?? DAY_UTC;
  return buildQueue({
    now,
    day,
    dueCards: [],
    newCards: [],
    todayLogs: [],
    limits: { newPerDay: 20, reviewsPerDay: 200 },
    ...(reviewOrder ? { reviewKey: reviewSortKey(reviewOrder, now, day) } : {}),
    ...partial,
  });
}

/** Drains the queue by "answering" each card (it leaves the queue, a log is written), returning the order. */
function drain(input: TestInput, max = 100): string[] {
  const order: string[] = [];
  let due = [...(input.dueCards ?? [])];
  let fresh = [...(input.newCards ?? [])];
  const logs = [...(input.todayLogs ?? [])];
  for (let i = 0; i < max; i++) {
    const { next } = queue({ ...input, dueCards: due, newCards: fresh, todayLogs: logs });
    if (!next) break;
    order.push(next.id);
    logs.push(logOf(next, NOW));
    due = due.filter((c) => c.id !== next.id);
    fresh = fresh.filter((c) => c.id !== next.id);
  }
  return order;
}

describe('buildQueue', () => {
  it('is empty with an empty collection', () => {
    const q = queue({});
    expect(q.next).toBeNull();
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(q.nextLearningAt).toBeNull();
  });

  it('shows due learning cards first, then reviews and new cards', () => {
    const review = cardIn(CardState.Review, at(-DAY), 'r1');
    const learning = cardIn(CardState.Learning, at(-MINUTE), 'l1');
    const q = queue({ dueCards: [review, learning], newCards: [newCard('n1')] });
    expect(q.next?.id).toBe('l1');
    expect(q.counts).toEqual({ new: 1, learning: 1, review: 1 });
  });

  it('spreads new cards evenly among reviews', () => {
    const reviews = Array.from({ length: 6 }, (_, i) => cardIn(CardState.Review, at(-DAY + i), `r${i}`));
    const fresh = Array.from({ length: 2 }, (_, i) => newCard(`n${i}`));
    const order = drain({ dueCards: reviews, newCards: fresh });
    expect(order).toHaveLength(8);
    expect(order[0]).toBe('n0');
    const second = order.indexOf('n1');
    expect(second).toBeGreaterThan(2);
    expect(second).toBeLessThan(7);
  });

  it('holds new cards and reviews to the daily limits, counting what was done today', () => {
    const reviews = Array.from({ length: 5 }, (_, i) => cardIn(CardState.Review, at(-DAY), `r${i}`));
    const fresh = Array.from({ length: 5 }, (_, i) => newCard(`n${i}`));
    const limits = { newPerDay: 2, reviewsPerDay: 3 };
    expect(queue({ dueCards: reviews, newCards: fresh, limits }).counts).toEqual({
      new: 2,
      learning: 0,
      review: 3,
    });
    const earlier = [logOf(newCard('old-new'), at(-60 * MINUTE), 3, CardState.New)];
    expect(queue({ dueCards: reviews, newCards: fresh, limits, todayLogs: earlier }).counts.new).toBe(1);
    expect(drain({ dueCards: reviews, newCards: fresh, limits })).toHaveLength(5);
  });

  it('counts a new card once however often it was answered today', () => {
    const card = newCard('n-again');
    const logs = [
      logOf(card, at(-20 * MINUTE), 1, CardState.New),
      logOf(card, at(-5 * MINUTE), 1, CardState.Learning),
    ];
    expect(doneToday(logs)).toEqual({ newCards: 1, reviews: 0 });
  });

  it('counts reviews due later today, but not those due after the day boundary', () => {
    const laterToday = cardIn(CardState.Review, new Date(DAY_UTC.end - 1), 'r-today');
    const tomorrow = cardIn(CardState.Review, new Date(DAY_UTC.end), 'r-tomorrow');
    const q = queue({ dueCards: [laterToday, tomorrow] });
    expect(q.counts.review).toBe(1);
    expect(q.next?.id).toBe('r-today');
  });

  it('moves to the next study day at the day-start hour, not at midnight', () => {
    // 02:00 UTC on the 6th is still the study day of the 5th with a 4 am start.
    const lateNight = new Date('2026-01-06T02:00:00Z');
    const card = cardIn(CardState.Review, new Date('2026-01-06T03:00:00Z'), 'r-3am');
    const before = buildQueue({
      now: lateNight.getTime(),
      day: studyDay(lateNight, 4, 'UTC'),
      dueCards: [card],
      newCards: [],
      todayLogs: [],
      limits: { newPerDay: 20, reviewsPerDay: 200 },
    });
    expect(before.next?.id).toBe('r-3am');
    const withMidnight = studyDay(lateNight, 0, 'UTC');
    expect(withMidnight.start).toBe(new Date('2026-01-06T00:00:00Z').getTime());
  });

  it('buries siblings of an answered card until the next day', () => {
    const a = newCard('fact1:qa:fwd', { factId: 'fact1' });
    const b = newCard('fact1:qa:rev', { factId: 'fact1' });
    const c = newCard('fact2:qa', { factId: 'fact2' });
    expect(queue({ newCards: [a, b, c] }).counts.new).toBe(2);
    const logs = [logOf(a, at(-MINUTE), 3, CardState.New)];
    const after = queue({ newCards: [b, c], todayLogs: logs });
    expect(after.next?.id).toBe('fact2:qa');
    expect(after.counts.new).toBe(1);
    // The answered card itself, now in learning, is not buried by its own log.
    const aLearning = cardIn(CardState.Learning, at(-1), 'fact1:qa:fwd', { factId: 'fact1' });
    expect(queue({ dueCards: [aLearning], newCards: [b], todayLogs: logs }).next?.id).toBe('fact1:qa:fwd');
    // The next day, with no logs of today, the sibling comes back.
    expect(queue({ newCards: [b] }).next?.id).toBe('fact1:qa:rev');
  });

  it('skips suspended, buried, multiple-choice and other-deck cards', () => {
    const suspended = { ...cardIn(CardState.Review, at(-DAY), 's'), suspended: true };
    const buried = { ...cardIn(CardState.Review, at(-DAY), 'b'), buriedUntil: DAY_UTC.end };
    const mcq = newCard('m', { kind: 'mcq' });
    const other = newCard('o', { deckId: 'deck-b' });
    const mine = newCard('mine');
    const q = queue({
      dueCards: [suspended, buried],
      newCards: [mcq, other, mine],
      deckIds: new Set(['deck-a']),
    });
    expect(q.next?.id).toBe('mine');
    expect(q.counts).toEqual({ new: 1, learning: 0, review: 0 });
  });

  it('learns ahead within 20 minutes, and otherwise says when the next learning card is due', () => {
    const soon = cardIn(CardState.Learning, at(10 * MINUTE), 'soon');
    expect(queue({ dueCards: [soon] }).next?.id).toBe('soon');
    const later = cardIn(CardState.Relearning, at(45 * MINUTE), 'later');
    const q = queue({ dueCards: [later] });
    expect(q.next).toBeNull();
    expect(q.counts.learning).toBe(1);
    expect(q.nextLearningAt).toBe(at(45 * MINUTE).getTime());
    // Learning ahead never jumps over cards that are due now.
    const review = cardIn(CardState.Review, at(-DAY), 'review');
    expect(queue({ dueCards: [soon, review] }).next?.id).toBe('review');
  });

  it('works across time zones: the same instant is a different study day in Tokyo and Los Angeles', () => {
    const now = new Date('2026-01-05T20:00:00Z'); // 05:00 on the 6th in Tokyo, 12:00 on the 5th in Los Angeles
    const card = cardIn(CardState.Review, new Date('2026-01-06T12:00:00Z'), 'r');
    const run = (zone: string) =>
      buildQueue({
        now: now.getTime(),
        day: studyDay(now, 4, zone),
        dueCards: [card],
        newCards: [],
        todayLogs: [],
        limits: { newPerDay: 20, reviewsPerDay: 200 },
      }).counts.review;
    // Tokyo's day runs to 04:00 on the 7th (19:00Z on the 6th): the card is due today there.
    expect(run('Asia/Tokyo')).toBe(1);
    // Los Angeles' day ends at 04:00 on the 6th (12:00Z on the 6th): the card is due tomorrow.
    expect(run('America/Los_Angeles')).toBe(0);
  });

  it('never shows two cards of one fact in the same day, even as reviews', () => {
    const r1: CardRecord = cardIn(CardState.Review, at(-DAY), 'f:qa:fwd', { factId: 'f' });
    const r2: CardRecord = cardIn(CardState.Review, at(-DAY), 'f:qa:rev', { factId: 'f' });
    expect(drain({ dueCards: [r1, r2] })).toEqual(['f:qa:fwd']);
  });
});

describe('buildQueue: issue 7 defects', () => {
  it('does not bury a relearning card on its step when its sibling is answered (point 4)', () => {
    // The reverse card lapsed and waits on its 10-minute relearning step; then its sibling is answered.
    const relearning = cardIn(CardState.Relearning, at(10 * MINUTE), 'f:qa:rev', { factId: 'f' });
    const sibling = cardIn(CardState.Review, at(-DAY), 'f:qa:fwd', { factId: 'f' });
    const logs = [logOf(sibling, at(-MINUTE), 3, CardState.Review)];
    const q = queue({ dueCards: [relearning], todayLogs: logs });
    expect(q.counts.learning).toBe(1);
    expect(q.next?.id).toBe('f:qa:rev');
    // A learning card due now is shown even though a sibling was answered today.
    const learningNow = cardIn(CardState.Learning, at(-MINUTE), 'g:qa:rev', { factId: 'g' });
    const g = cardIn(CardState.Review, at(-DAY), 'g:qa:fwd', { factId: 'g' });
    expect(queue({ dueCards: [learningNow], todayLogs: [logOf(g, at(-MINUTE))] }).next?.id).toBe('g:qa:rev');
  });

  it('keeps burying new and review siblings (point 4)', () => {
    const review = cardIn(CardState.Review, at(-DAY), 'h:qa:rev', { factId: 'h' });
    const fresh = newCard('k:qa:rev', { factId: 'k' });
    const logs = [
      logOf(newCard('h:qa:fwd', { factId: 'h' }), at(-MINUTE), 3, CardState.New),
      logOf(newCard('k:qa:fwd', { factId: 'k' }), at(-MINUTE), 3, CardState.New),
    ];
    expect(queue({ dueCards: [review], newCards: [fresh], todayLogs: logs }).counts).toEqual({
      new: 0,
      learning: 0,
      review: 0,
    });
  });

  it("reserves facts only for the reviews that fit in today's room, so new cards are not starved (point 5)", () => {
    // 1,000 overdue forward cards whose reverse siblings are new, then 500 unrelated new facts.
    const reviews = Array.from({ length: 1000 }, (_, i) =>
      cardIn(CardState.Review, at(-DAY - i), `f${i}:fwd`, { factId: `f${i}` }),
    );
    const siblings = Array.from({ length: 1000 }, (_, i) => newCard(`f${i}:rev`, { factId: `f${i}` }));
    const q = queue({ dueCards: reviews, newCards: siblings });
    expect(q.counts.review).toBe(200);
    // The reviews past the limit wait for another day, so their facts' new cards may be studied today.
    expect(q.counts.new).toBe(20);
    const studied = drain({ dueCards: reviews, newCards: siblings }, 300);
    const facts = studied.map((id) => id.split(':')[0]);
    expect(new Set(facts).size).toBe(facts.length);
  });
});

describe('review order', () => {
  /** A review card due `overdueDays` ago, last reviewed `interval` days before it was due, stability `s`. */
  function overdue(id: string, overdueDays: number, interval: number, s: number): CardRecord {
    const due = at(-overdueDays * DAY);
    const card = cardIn(CardState.Review, due, id);
    return {
      ...card,
      fsrs: {
        ...card.fsrs,
        stability: s,
        scheduled_days: interval,
        last_review: new Date(due.getTime() - interval * DAY),
      },
    };
  }
  // Due order: a, b, c, d. Retrievability now: c (stability 1, 10 days since) is the most forgotten, then
  // d, a, b (stability 100: barely forgotten although due first).
  const b = overdue('b', 9, 100, 100);
  const a = overdue('a', 5, 10, 10);
  const c = overdue('c', 3, 7, 1);
  const d = overdue('d', 1, 5, 2);

  it('shows reviews by due date, earliest first, by default and with "due"', () => {
    expect(drain({ dueCards: [c, a, d, b] })).toEqual(['b', 'a', 'c', 'd']);
    expect(drain({ dueCards: [c, a, d, b], reviewOrder: 'due' })).toEqual(['b', 'a', 'c', 'd']);
  });

  it('shows the lowest retrievability first with "retrievability"', () => {
    const key = reviewSortKey('retrievability', NOW.getTime(), DAY_UTC);
    expect(key(c)).toBeLessThan(key(d));
    expect(key(d)).toBeLessThan(key(a));
    expect(key(a)).toBeLessThan(key(b));
    expect(drain({ dueCards: [b, a, d, c], reviewOrder: 'retrievability' })).toEqual(['c', 'd', 'a', 'b']);
  });

  it('keeps learning cards first, by due, whatever the review order', () => {
    const learning = cardIn(CardState.Learning, at(-MINUTE), 'l');
    expect(drain({ dueCards: [b, c, learning], reviewOrder: 'retrievability' })).toEqual(['l', 'c', 'b']);
  });

  it('with the review limit, takes the most forgotten reviews, not the first due', () => {
    const limits = { newPerDay: 20, reviewsPerDay: 2 };
    expect(drain({ dueCards: [a, b, c, d], limits, reviewOrder: 'retrievability' })).toEqual(['c', 'd']);
  });

  const many = Array.from({ length: 30 }, (_, i) => overdue(`r${String(i).padStart(2, '0')}`, 1 + i, 5, 5));

  it('shuffles reviews with "random", the same way all day whatever order they were read in', () => {
    const first = drain({ dueCards: many, reviewOrder: 'random' });
    expect([...first].sort()).toEqual(many.map((card) => card.id).sort());
    // Neither due order (r29 first) nor id order.
    expect(first).not.toEqual(drain({ dueCards: many }));
    expect(first).not.toEqual([...first].sort());
    // Later the same study day, with the cards read in another order: the same order.
    expect(
      drain({ dueCards: [...many].reverse(), reviewOrder: 'random', now: at(8 * 60 * MINUTE).getTime() }),
    ).toEqual(first);
  });

  it('shuffles again the next study day', () => {
    const today = drain({ dueCards: many, reviewOrder: 'random' });
    const tomorrow = studyDay(at(DAY), 4, 'UTC');
    expect(
      drain({ dueCards: many, reviewOrder: 'random', day: tomorrow, now: at(DAY).getTime() }),
    ).not.toEqual(today);
  });
});

describe('selectLowest', () => {
  const key = (card: CardRecord) => card.fsrs.stability;
  const withKey = (id: string, k: number, factId = `fact-${id}`) => {
    const card = cardIn(CardState.Review, NOW, id, { factId });
    return { ...card, fsrs: { ...card.fsrs, stability: k } };
  };

  it('keeps the lowest keys, lowest first, and says whether anything was left out', () => {
    const selection = selectLowest(3, key);
    for (const [id, k] of [
      ['a', 5],
      ['b', 1],
      ['c', 9],
      ['d', 3],
      ['e', 7],
      ['f', 2],
    ] as const)
      selection.offer(withKey(id, k));
    expect(selection.cards().map((card) => card.id)).toEqual(['b', 'f', 'd']);
    expect(selection.complete()).toBe(false);

    const roomy = selectLowest(10, key);
    for (const [id, k] of [
      ['a', 5],
      ['b', 1],
    ] as const)
      roomy.offer(withKey(id, k));
    expect(roomy.cards().map((card) => card.id)).toEqual(['b', 'a']);
    expect(roomy.complete()).toBe(true);
  });

  it('keeps one card per fact, the one with the lowest key', () => {
    const selection = selectLowest(2, key);
    selection.offer(withKey('x1', 4, 'x'));
    selection.offer(withKey('y', 6));
    selection.offer(withKey('x2', 1, 'x'));
    selection.offer(withKey('x3', 2, 'x'));
    expect(selection.cards().map((card) => card.id)).toEqual(['x2', 'y']);
    expect(selection.complete()).toBe(true);
  });
});
