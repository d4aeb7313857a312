import { describe, expect, it } from 'vitest';
import { getReviewRanking, saveReviewRanking } from '../../src/storage/review-ranking-store';
import { DAY, NOW, openTestDb } from './helpers';

const TODAY = NOW.getTime();
const ranking = (dayStart: number, ids: string[]) => ({ dayStart, want: 3, ids, complete: false });

describe('review-ranking-store', () => {
  it('keeps one ranking per scope for the day, and drops other days’ when a new day’s is saved', async () => {
    const db = await openTestDb();
    await saveReviewRanking(db, 'retrievability\n*', ranking(TODAY, ['a', 'b']));
    await saveReviewRanking(db, 'random\n*', ranking(TODAY, ['c']));
    expect(await getReviewRanking(db, 'retrievability\n*', TODAY)).toEqual(ranking(TODAY, ['a', 'b']));
    expect(await getReviewRanking(db, 'random\n*', TODAY)).toEqual(ranking(TODAY, ['c']));
    // Asked for another day: none.
    expect(await getReviewRanking(db, 'random\n*', TODAY + DAY)).toBeUndefined();

    await saveReviewRanking(db, 'random\n*', ranking(TODAY + DAY, ['d']));
    expect(await getReviewRanking(db, 'retrievability\n*', TODAY)).toBeUndefined();
    expect(await getReviewRanking(db, 'random\n*', TODAY + DAY)).toEqual(ranking(TODAY + DAY, ['d']));
    expect(Object.keys((await db.get('meta', 'review-rankings')) as object)).toEqual(['random\n*']);
  });

  it('ignores a stored value of another shape, and replaces it on save', async () => {
    const db = await openTestDb();
    await db.put('meta', { 'random\n*': { dayStart: 'today' } }, 'review-rankings');
    expect(await getReviewRanking(db, 'random\n*', TODAY)).toBeUndefined();
    await saveReviewRanking(db, 'random\n*', ranking(TODAY, ['a']));
    expect(await getReviewRanking(db, 'random\n*', TODAY)).toEqual(ranking(TODAY, ['a']));
  });
});
