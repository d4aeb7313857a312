/**
 * Computes the Stats screen's numbers off the main thread (issue 13): a heavy collection's year of reviews
 * takes seconds to read and fold, and the app must keep answering meanwhile. It opens the app's database
 * itself and answers with plain numbers.
 */
import { makeStatsFold } from '../domain/stats';
import { openAppDb } from '../storage/db';
import { liveDbName } from '../storage/live-db';
import { readIntoStatsFold } from '../storage/stats-read';
import type { StatsRequest, StatsResponse } from './stats-protocol';

self.onmessage = async (event: MessageEvent<StatsRequest>) => {
  const context = event.data;
  let response: StatsResponse;
  try {
    // A newer version opened elsewhere: let go at once, as the app's tabs do.
    const db = await openAppDb(await liveDbName(), { onVersionChange: () => undefined });
    try {
      const fold = makeStatsFold(context);
      await readIntoStatsFold(db, fold);
      response = { ok: true, stats: fold.result() };
    } finally {
      db.close();
    }
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
