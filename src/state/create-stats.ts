/**
 * The Stats screen's state (issue 13): the deck shown and its statistics, computed in a worker
 * (src/workers/stats.worker.ts) where the browser has workers, so a heavy collection never freezes the app;
 * on this thread otherwise. The numbers arrive as the worker reads (newest reviews first) and are computed
 * again whenever the collection changes.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { makeStatsFold, type Stats, type StatsContext } from '../domain/stats';
import type { StatsRequest, StatsResponse } from '../workers/stats-protocol';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';
import { errorReason } from '../domain/error-reason';

/**
 * `stale`: the numbers shown (if any) are of before a change, new ones are on their way; `partial`: the
 * newest reviews are in, older ones are still being read; `done`: complete.
 */
export type StatsProgress = 'stale' | 'partial' | 'done';

export interface StatsState {
  /** The deck shown, or null for every deck. */
  deckId: Accessor<string | null>;
  setDeckId(deckId: string | null): void;
  stats: Accessor<Stats | undefined>;
  progress: Accessor<StatsProgress>;
  /** Why the statistics could not be computed, with what to do. */
  error: Accessor<string>;
}

/** Thrown when the worker could not run at all, so the same work is done on this thread instead. */
class WorkerUnavailable extends Error {}

/** A computation under way; `stop` ends it (its numbers are no longer wanted). */
interface Computation {
  done: Promise<Stats>;
  stop(): void;
}

function computeInWorker(request: StatsRequest, onPartial: (stats: Stats) => void): Computation {
  const worker = new Worker(new URL('../workers/stats.worker.ts', import.meta.url), { type: 'module' });
  const done = new Promise<Stats>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<StatsResponse>) => {
      const response = event.data;
      if (response.ok && !response.complete) {
        onPartial(response.stats);
        return;
      }
      worker.terminate();
      if (response.ok) resolve(response.stats);
      else reject(new Error(response.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new WorkerUnavailable(event.message || 'The statistics worker could not start.'));
    };
  });
  worker.postMessage(request);
  return { done, stop: () => worker.terminate() };
}

/**
 * The statistics as of `context.now`, in a worker when it can run, else on this thread; `onPartial` gets
 * the numbers as they stand while the worker reads, and `onStart` a function that stops the worker.
 */
export async function computeCollectionStats(
  collection: Collection,
  context: StatsContext,
  onPartial: (stats: Stats) => void,
  onStart: (stop: () => void) => void = () => undefined,
): Promise<Stats> {
  if (typeof Worker === 'function') {
    try {
      const computation = computeInWorker(context, onPartial);
      onStart(computation.stop);
      return await computation.done;
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

function message(error: unknown): string {
  const reason = errorReason(error);
  return `Your statistics could not be computed: ${reason} Reload SarcoMet to try again; your reviews are safe.`;
}

export function createStats(collection: Collection): StatsState {
  const [deckId, setDeckId] = createSignal<string | null>(null);
  const [stats, setStats] = createSignal<Stats>();
  const [progress, setProgress] = createSignal<StatsProgress>('stale');
  const [error, setError] = createSignal('');
  /** Increases with every computation started: an older one's numbers are dropped. */
  let generation = 0;
  let stop = () => {};
  onCleanup(() => {
    generation += 1;
    stop();
  });

  createEffect(
    on(
      () => (collection.state() === 'ready' ? [collection.revision(), deckId()] : null),
      (key) => {
        if (!key) return;
        stop();
        const mine = ++generation;
        const current = () => mine === generation;
        setProgress('stale');
        setError('');
        const settings = collection.settings();
        const context: StatsContext = {
          now: now().getTime(),
          dayStartHour: settings.dayStartHour,
          timeZone: timeZone(),
          desiredRetention: settings.retention,
          deckId: deckId(),
        };
        computeCollectionStats(
          collection,
          context,
          (partial) => {
            if (!current()) return;
            setStats(partial);
            setProgress('partial');
          },
          (stopWorker) => (stop = stopWorker),
        ).then(
          (complete) => {
            if (!current()) return;
            setStats(complete);
            setProgress('done');
          },
          (err: unknown) => {
            if (!current()) return;
            setError(message(err));
            setProgress('done');
          },
        );
      },
    ),
  );

  return { deckId, setDeckId, stats, progress, error };
}
