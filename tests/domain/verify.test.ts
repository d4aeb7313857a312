import { describe, expect, it } from 'vitest';
import { makeScheduler } from '../../src/domain/scheduler';
import { verifyCollection } from '../../src/domain/verify';
import { DEFAULT_SETTINGS, Grade, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { DAY, MINUTE, NOW, logOf, newCard } from './fixtures';

const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { fuzz: false });

/** Studies a card through the real scheduler: the final card and its logs. */
function study(card: CardRecord, grades: Grade[]): { card: CardRecord; logs: ReviewLogRecord[] } {
  const logs: ReviewLogRecord[] = [];
  let at = NOW;
  for (const [i, grade] of grades.entries()) {
    const next = scheduler.gradeCard(card, grade, at).fsrs;
    logs.push({ ...logOf(card, at, grade), id: `${card.id}-${i}` });
    card = { ...card, fsrs: next };
    at = new Date(Math.max(next.due.getTime(), at.getTime() + MINUTE));
  }
  return { card, logs };
}

describe('verifyCollection', () => {
  it('finds nothing wrong in a collection whose cards equal the replay of their logs', () => {
    const a = study(newCard('v-a'), [Grade.Good, Grade.Good, Grade.Again, Grade.Good]);
    const b = study(newCard('v-b'), [Grade.Easy]);
    const untouched = newCard('v-c');
    const report = verifyCollection([a.card, b.card, untouched], [...a.logs, ...b.logs], scheduler);
    expect(report).toMatchObject({ cards: 3, logs: 5, orphanLogs: 0, problems: [] });
  });

  it.each([
    ['a review lost', (logs: ReviewLogRecord[]) => logs.filter((_, i) => i !== 1)],
    ['a review stored twice', (logs: ReviewLogRecord[]) => [...logs, { ...logs[2]!, id: 'copy' }]],
  ])('reports %s', (_label, damage) => {
    const a = study(newCard('v-d'), [Grade.Good, Grade.Good, Grade.Good]);
    const report = verifyCollection([a.card], damage(a.logs), scheduler);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.cardId).toBe('v-d');
  });

  it('reports a card whose state was overwritten by a stale grade, and a studied card with no logs', () => {
    const a = study(newCard('v-e'), [Grade.Good, Grade.Good]);
    const stale = { ...a.card, fsrs: { ...a.card.fsrs, reps: 1, due: new Date(NOW.getTime() + DAY) } };
    const b = study(newCard('v-f'), [Grade.Good]);
    const report = verifyCollection([stale, b.card], a.logs, scheduler);
    expect(report.problems.map((p) => p.cardId).sort()).toEqual(['v-e', 'v-f']);
    expect(report.problems.find((p) => p.cardId === 'v-e')?.expected).toEqual(a.card.fsrs);
    // Logs of a card that a deck update removed are history, not a problem.
    expect(verifyCollection([], a.logs, scheduler)).toMatchObject({ orphanLogs: 2, problems: [] });
  });
});

describe('verifyCollection after settings change with due dates kept (issue 13)', () => {
  it('finds a card sound whose due date was kept, before and after its next review', () => {
    // Studied under 90% retention; the learner then chose 80% and kept due dates: the memory state is the
    // replay's under the new settings (the same here), the due date and interval the old ones.
    const a = study(newCard('v-k'), [Grade.Good, Grade.Good, Grade.Good]);
    const lighter = makeScheduler({ ...DEFAULT_SETTINGS, retention: 0.8, timeZone: 'UTC' }, { fuzz: false });
    const replayed = verifyCollection([a.card], a.logs, lighter);
    expect(replayed.problems).toEqual([]);

    // Its next review, graded from the kept state, still follows the replay.
    const at = new Date(a.card.fsrs.due.getTime() + DAY);
    const next = lighter.gradeCard(a.card, Grade.Good, at).fsrs;
    const logs = [...a.logs, { ...logOf(a.card, at, Grade.Good), id: 'v-k-next' }];
    expect(verifyCollection([{ ...a.card, fsrs: next }], logs, lighter).problems).toEqual([]);
  });

  it('still reports a card whose memory differs from the replay, whatever its due date', () => {
    const a = study(newCard('v-m'), [Grade.Good, Grade.Good]);
    const damaged = { ...a.card, fsrs: { ...a.card.fsrs, stability: a.card.fsrs.stability * 2 } };
    expect(verifyCollection([damaged], a.logs, scheduler).problems.map((p) => p.cardId)).toEqual(['v-m']);
  });
});
