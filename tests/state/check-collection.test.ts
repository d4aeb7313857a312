import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/types';
import { checkCollection, repairCollection } from '../../src/state/check-collection';
import { seedStudied } from '../storage/helpers';

describe('checkCollection', () => {
  it('finds nothing wrong in a collection studied through commitGrade', async () => {
    const db = await seedStudied();
    const progress: number[] = [];
    const result = await checkCollection(db, DEFAULT_SETTINGS, 'UTC', (n) => progress.push(n));
    expect(result).toEqual({ cards: 5, logs: 16, problems: [] });
    expect(progress.at(-1)).toBe(5);
  });

  it('names a card whose stored state differs from the replay of its reviews', async () => {
    const db = await seedStudied();
    const card = (await db.get('cards', 'm.c2'))!;
    await db.put('cards', { ...card, fsrs: { ...card.fsrs, reps: 1 } });
    const result = await checkCollection(db, DEFAULT_SETTINGS, 'UTC');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ cardId: 'm.c2', front: card.front });
  });
});

describe('repairCollection', () => {
  const check = (db: Awaited<ReturnType<typeof seedStudied>>) => checkCollection(db, DEFAULT_SETTINGS, 'UTC');

  it('puts a damaged card back to the replay of its reviews', async () => {
    const db = await seedStudied();
    const card = (await db.get('cards', 'm.c2'))!;
    await db.put('cards', { ...card, fsrs: { ...card.fsrs, reps: 9, stability: 0.5 } });
    const { problems } = await check(db);
    expect(await repairCollection(db, DEFAULT_SETTINGS, 'UTC', problems)).toBe(1);
    expect(await db.get('cards', 'm.c2')).toEqual(card);
    expect((await check(db)).problems).toEqual([]);
  });

  it('rebuilds the states of a card whose review was stored twice, keeping every review', async () => {
    const db = await seedStudied();
    const second = (await db.get('review-logs', 'l-3-b'))!;
    await db.put('review-logs', { ...second, id: 'l-3-b-again', time: second.time + 60_000 });
    const { problems } = await check(db);
    expect(problems.map((p) => p.cardId)).toEqual(['m.c3']);
    expect(await repairCollection(db, DEFAULT_SETTINGS, 'UTC', problems)).toBe(1);
    expect((await check(db)).problems).toEqual([]);
    expect(await db.countFromIndex('review-logs', 'by-card', 'm.c3')).toBe(3);
    // The card now holds the state after the third review: one more repetition than before.
    expect((await db.get('cards', 'm.c3'))!.fsrs.reps).toBe(3);
  });

  it('leaves alone a card changed since the check, and one with no reviews to replay', async () => {
    const db = await seedStudied();
    const card = (await db.get('cards', 'm.c2'))!;
    await db.put('cards', { ...card, fsrs: { ...card.fsrs, reps: 9 } });
    const lonely = (await db.get('cards', 'm.c5'))!;
    const lonelyLogs = await db.getAllKeysFromIndex('review-logs', 'by-card', 'm.c5');
    for (const key of lonelyLogs) await db.delete('review-logs', key);
    const { problems } = await check(db);
    expect(problems.map((p) => p.cardId).sort()).toEqual(['m.c2', 'm.c5']);
    // Another tab studies m.c2 after the check.
    const changed = { ...card, fsrs: { ...card.fsrs, reps: 10 } };
    await db.put('cards', changed);
    expect(await repairCollection(db, DEFAULT_SETTINGS, 'UTC', problems)).toBe(0);
    expect(await db.get('cards', 'm.c2')).toEqual(changed);
    expect(await db.get('cards', 'm.c5')).toEqual(lonely);
  });
});
