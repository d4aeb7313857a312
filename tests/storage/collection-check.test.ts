import { describe, expect, it } from 'vitest';
import { forEachCardBatch } from '../../src/storage/collection-check';
import { seedStudied } from './helpers';

describe('forEachCardBatch', () => {
  it.each([1, 2, 3, 5, 100])('visits every card once and every log once, in batches of %i', async (size) => {
    const db = await seedStudied();
    const cards: string[] = [];
    const logs: string[] = [];
    let batches = 0;
    await forEachCardBatch(db, size, (batch) => {
      batches += 1;
      expect(batch.cards.length).toBeLessThanOrEqual(size);
      cards.push(...batch.cards.map((c) => c.id));
      logs.push(...batch.logs.map((l) => l.id));
    });
    expect(cards).toEqual(['m.c1', 'm.c2', 'm.c3', 'm.c5', 'm.c6']);
    expect(logs.sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => [`l-${i}-a`, `l-${i}-b`])
        .flat()
        .sort(),
    );
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(5 / size));
  });
});
