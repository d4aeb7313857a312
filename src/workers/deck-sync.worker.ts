/**
 * Imports the built-in decks off the main thread, so a first visit paints and answers at once while the
 * cards are validated and written (issue 9: the import used to block the main thread for 100-200 ms at a
 * time). It opens the app's database itself and answers with what it did, in plain, cloneable data.
 */
import type { DeckIndex } from '../domain/deck-format';
import { openAppDb } from '../storage/db';
import { liveDbName } from '../storage/live-db';
import { syncBuiltInDecks } from '../storage/builtin-sync';
import { fetchDeckFile } from './deck-files';
import { toTransport, type SyncRequest, type SyncResponse } from './deck-sync-protocol';
import { errorReason } from '../domain/error-reason';

self.onmessage = async (event: MessageEvent<SyncRequest>) => {
  const { index, now } = event.data;
  let response: SyncResponse;
  try {
    // A newer version opened elsewhere: let go at once, as the app's tabs do.
    const db = await openAppDb(await liveDbName(), { onVersionChange: () => undefined });
    try {
      const summary = await syncBuiltInDecks(db, index as DeckIndex, fetchDeckFile, new Date(now));
      response = { ok: true, summary: toTransport(summary) };
    } finally {
      db.close();
    }
  } catch (error) {
    response = { ok: false, message: errorReason(error) };
  }
  self.postMessage(response);
};
