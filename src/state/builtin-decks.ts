/**
 * Keeping the built-in decks (decks/index.json and one file per deck, precached by the service worker, so
 * this works offline after the first visit) in the collection. The import runs in a worker where the
 * browser has workers, so the main thread stays free to paint and answer; elsewhere it runs here.
 */
import { parseDeckIndex, type DeckIndex } from '../domain/deck-format';
import type { SyncSummary } from '../storage/builtin-sync';
import type { AppDatabase } from '../storage/transaction';
import { fetchDeckFile } from '../workers/deck-files';
import { fromTransport, type SyncRequest, type SyncResponse } from '../workers/deck-sync-protocol';

/** The shipped deck index; rejects when it cannot be loaded or is damaged. */
export async function fetchDeckIndex(): Promise<DeckIndex> {
  const index = parseDeckIndex(await fetchDeckFile('index.json'));
  if (!index.ok) throw new Error(`The built-in deck list is damaged: ${index.errors.join('; ')}`);
  return index.value;
}

function syncInWorker(index: DeckIndex, now: Date): Promise<SyncSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/deck-sync.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SyncResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(fromTransport(event.data.summary));
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The deck import could not start.'));
    };
    const request: SyncRequest = { index, now: now.getTime() };
    worker.postMessage(request);
  });
}

/**
 * Imports built-in decks that are new or changed since the last run, in a worker when the browser has
 * workers (falling back to this thread if the worker cannot start), and says which failed and why.
 */
export async function syncBuiltIns(db: AppDatabase, index: DeckIndex, now: Date): Promise<SyncSummary> {
  if (typeof Worker === 'function') {
    try {
      return await syncInWorker(index, now);
    } catch {
      // The worker could not run (an old browser, a blocked script): do the same work here.
    }
  }
  const { syncBuiltInDecks } = await import('../storage/builtin-sync');
  return syncBuiltInDecks(db, index, fetchDeckFile, now);
}

/**
 * A status line for built-in decks that could not be updated, saying why and what to do; empty when all
 * were. A full disk is named as such, since freeing space is the fix; anything else is retried on reload.
 */
export function syncNotice(summary: SyncSummary, index: DeckIndex): string {
  const failed = summary.failed;
  if (failed.length === 0) return '';
  const titles = new Map(index.decks.map((d) => [d.id, d.title]));
  const names = failed.map((f) => `“${titles.get(f.deckId) ?? f.deckId}”`).join(', ');
  const what =
    failed.length === 1
      ? `The deck ${names} could not be updated`
      : `The decks ${names} could not be updated`;
  if (failed.some((f) => f.error.kind === 'quota')) {
    return `${what}: your device is out of storage space. Free some space, then reload SarcoMet. Your reviews are safe.`;
  }
  return `${what}. Check that you are online, then reload SarcoMet to try again. Your reviews are safe.`;
}
