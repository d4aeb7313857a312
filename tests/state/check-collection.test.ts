import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/types';
import { checkCollection } from '../../src/state/check-collection';
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
