/**
 * Computes the Stats screen's numbers off the main thread (issue 13): a heavy collection's year of reviews
 * takes seconds to read and fold, and the app must keep answering meanwhile. It opens the app's database
 * itself and answers with plain numbers: first as they stand once the newest week is read, then every
 * second or so while older weeks are added, and finally complete.
 */
import { makeStatsFold } from '../domain/stats';
import { openAppDb } from '../storage/db';
import { liveDbName } from '../storage/live-db';
import { readIntoStatsFold } from '../storage/stats-read';
import type { StatsRequest, StatsResponse } from './stats-protocol';
import { errorReason } from '../domain/error-reason';

/** Least time between two partial answers: each one is cloned and painted on the main thread. */
const PROGRESS_MS = 1000;

const post = (response: StatsResponse) => self.postMessage(response);

self.onmessage = async (event: MessageEvent<StatsRequest>) => {
  const context = event.data;
  try {
    // A newer version opened elsewhere: let go at once, as the app's tabs do.
    const db = await openAppDb(await liveDbName(), { onVersionChange: () => undefined });
    try {
      const fold = makeStatsFold(context);
      let posted = -Infinity;
      await readIntoStatsFold(db, fold, () => {
        if (performance.now() - posted < PROGRESS_MS) return;
        posted = performance.now();
        post({ ok: true, stats: fold.result(), complete: false });
      });
      post({ ok: true, stats: fold.result(), complete: true });
    } finally {
      db.close();
    }
  } catch (error) {
    post({ ok: false, message: errorReason(error) });
  }
};
