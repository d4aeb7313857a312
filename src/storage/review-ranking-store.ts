/**
 * The day's ranking of the review backlog (issue 13's review orders other than due date), kept in `meta`
 * so that a reload later the same day does not read the whole backlog again. Only the rankings of one
 * study day are kept: saving one for a new day drops the others.
 */
import * as v from 'valibot';
import { runTransaction, type AppDatabase } from './transaction';

/** The reviews a scan of the backlog kept, in order, for one study day and scope (order and decks). */
export interface ReviewRanking {
  /** Epoch ms of the start of the study day it was made on. */
  dayStart: number;
  /** How many reviews the scan kept (today's room and the reserve then). */
  want: number;
  ids: string[];
  /** True when the scan kept every review due that day. */
  complete: boolean;
}

const RANKINGS_KEY = 'review-rankings';

const Rankings = v.record(
  v.string(),
  v.object({ dayStart: v.number(), want: v.number(), ids: v.array(v.string()), complete: v.boolean() }),
);

/** The ranking kept for `scope` on the study day starting at `dayStart`, if any. */
export async function getReviewRanking(
  db: AppDatabase,
  scope: string,
  dayStart: number,
): Promise<ReviewRanking | undefined> {
  const stored: unknown = await runTransaction(db, ['meta'], 'readonly', (tx) =>
    tx.objectStore('meta').get(RANKINGS_KEY),
  );
  const parsed = v.safeParse(Rankings, stored);
  const ranking = parsed.success ? parsed.output[scope] : undefined;
  return ranking?.dayStart === dayStart ? ranking : undefined;
}

/** Keeps `ranking` for `scope`, dropping rankings of other days; one transaction. */
export async function saveReviewRanking(
  db: AppDatabase,
  scope: string,
  ranking: ReviewRanking,
): Promise<void> {
  await runTransaction(db, ['meta'], 'readwrite', async (tx) => {
    const store = tx.objectStore('meta');
    const parsed = v.safeParse(Rankings, await store.get(RANKINGS_KEY));
    const kept = Object.entries(parsed.success ? parsed.output : {}).filter(
      ([key, other]) => key !== scope && other.dayStart === ranking.dayStart,
    );
    await store.put(Object.fromEntries([...kept, [scope, ranking]]), RANKINGS_KEY);
  });
}
