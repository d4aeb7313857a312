/**
 * The Stats screen's state (issue 13): the deck shown and its statistics, computed in a worker
 * (src/workers/stats.worker.ts) where the browser has workers, so a heavy collection never freezes the app;
 * on this thread otherwise. They are computed again whenever the collection changes.
 */
import { createResource, createSignal, type Accessor } from 'solid-js';
import { makeStatsFold, type Stats, type StatsContext } from '../domain/stats';
import type { StatsRequest, StatsResponse } from '../workers/stats-protocol';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';

export interface StatsState {
  /** The deck shown, or null for every deck. */
  deckId: Accessor<string | null>;
  setDeckId(deckId: string | null): void;
  stats: Accessor<Stats | undefined>;
  loading: Accessor<boolean>;
  /** Why the statistics could not be computed, with what to do. */
  error: Accessor<string>;
}

/** Thrown when the worker could not run at all, so the same work is done on this thread instead. */
class WorkerUnavailable extends Error {}

function computeInWorker(request: StatsRequest): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/stats.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<StatsResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.stats);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new WorkerUnavailable(event.message || 'The statistics worker could not start.'));
    };
    worker.postMessage(request);
  });
}

/** The statistics as of now, in the worker when it can run, else here. */
export async function computeCollectionStats(collection: Collection, context: StatsContext): Promise<Stats> {
  if (typeof Worker === 'function') {
    try {
      return await computeInWorker(context);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      // The worker could not run (an old browser, a blocked script): do the same work here.
    }
  }
  const { readIntoStatsFold } = await import('../storage/stats-read');
  const fold = makeStatsFold(context);
  await readIntoStatsFold(await collection.db(), fold);
  return fold.result();
}

export function createStats(collection: Collection): StatsState {
  const [deckId, setDeckId] = createSignal<string | null>(null);
  const [stats] = createResource(
    () => (collection.state() === 'ready' ? { revision: collection.revision(), deckId: deckId() } : false),
    ({ deckId: shown }) => {
      const settings = collection.settings();
      return computeCollectionStats(collection, {
        now: now().getTime(),
        dayStartHour: settings.dayStartHour,
        timeZone: timeZone(),
        desiredRetention: settings.retention,
        deckId: shown,
      });
    },
  );
  return {
    deckId,
    setDeckId,
    stats: () => (stats.error ? undefined : stats.latest),
    loading: () => stats.loading,
    error: () =>
      stats.error
        ? `Your statistics could not be computed: ${stats.error instanceof Error ? stats.error.message : String(stats.error)}. Reload SarcoMet to try again; your reviews are safe.`
        : '',
  };
}
