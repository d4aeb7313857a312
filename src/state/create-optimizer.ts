/**
 * "Optimize" in Settings: reads every card's reviews a batch at a time, fits FSRS weights to them in a
 * worker (fsrs-browser), shows the log loss and RMSE of the current and the new weights on the same reviews,
 * and applies the new ones, only if better, with a replay of every card (state/reschedule.ts). Loaded with
 * the Optimize panel, never with the first screen.
 */
import { createSignal, type Accessor } from 'solid-js';
import { addHistories, emptyHistories, REOPTIMIZE_AFTER } from '../domain/optimizer';
import { studyDayNumber } from '../domain/day';
import { forEachCardBatch } from '../storage/collection-check';
import { getMeta, OPTIMIZED_KEY } from '../storage/meta-store';
import { countLogs } from '../storage/review-log-store';
import {
  OptimizerCancelled,
  OptimizerInputError,
  runOptimizer,
  type OptimizeResult,
} from '../workers/optimizer-client';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';
import { applyWithReplay, replayedSummary } from './reschedule';
import { errorReason } from '../domain/error-reason';

export type OptimizerPhase = 'idle' | 'reading' | 'training' | 'result' | 'applying' | 'applied' | 'error';

export interface OptimizerHistory {
  /** Reviews in the collection now. */
  reviews: number;
  /** Reviews made since the last optimization (all of them when never optimized). */
  since: number;
  /** Epoch ms of the last optimization, if any. */
  at?: number;
  /** Optimizing again is worth it: REOPTIMIZE_AFTER or more reviews since. */
  suggested: boolean;
}

export interface Optimizer {
  phase: Accessor<OptimizerPhase>;
  /** 0-1 while a step with a known size runs, null otherwise. */
  progress: Accessor<number | null>;
  status: Accessor<string>;
  result: Accessor<OptimizeResult | null>;
  /** Reads the reviews and fits the weights. */
  run(): Promise<void>;
  /** Stops reading or fitting; nothing has been changed then. */
  cancel(): void;
  /** Applies the fitted weights (only when better) and replays every card; keeps due dates unless told. */
  apply(reschedule: boolean): Promise<void>;
  /** How many reviews there are and how many since the last optimization. */
  history(): Promise<OptimizerHistory>;
}

/** Cards read per transaction, as "Check collection" reads them. */
const BATCH = 2000;

const storedCount = (value: unknown): { reviews: number; at: number } | null =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { reviews?: unknown }).reviews === 'number' &&
  typeof (value as { at?: unknown }).at === 'number'
    ? (value as { reviews: number; at: number })
    : null;

export function createOptimizer(collection: Collection): Optimizer {
  const [phase, setPhase] = createSignal<OptimizerPhase>('idle');
  const [progress, setProgress] = createSignal<number | null>(null);
  const [status, setStatus] = createSignal('');
  const [result, setResult] = createSignal<OptimizeResult | null>(null);
  let running: AbortController | null = null;

  return {
    phase,
    progress,
    status,
    result,
    async history() {
      const db = await collection.db();
      const [reviews, stored] = await Promise.all([countLogs(db), getMeta(db, OPTIMIZED_KEY)]);
      const last = storedCount(stored);
      const since = Math.max(0, reviews - (last?.reviews ?? 0));
      return { reviews, since, ...(last ? { at: last.at } : {}), suggested: since >= REOPTIMIZE_AFTER };
    },
    cancel() {
      running?.abort();
    },
    async run() {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      setResult(null);
      setPhase('reading');
      setProgress(null);
      setStatus('Reading your reviews…');
      try {
        const settings = collection.settings();
        const zone = timeZone();
        const histories = emptyHistories();
        const dayOf = (instant: number) => studyDayNumber(instant, settings.dayStartHour, zone);
        let cards = 0;
        await forEachCardBatch(await collection.db(), BATCH, (batch) => {
          if (controller.signal.aborted) throw new OptimizerCancelled('Optimizing was cancelled.');
          addHistories(histories, batch.cards, batch.logs, dayOf);
          cards += batch.cards.length;
          setStatus(`Reading your reviews… ${cards.toLocaleString()} cards so far.`);
        });
        setPhase('training');
        setProgress(0);
        setStatus(`Optimizing on ${histories.grades.length.toLocaleString()} reviews…`);
        const fitted = await runOptimizer(
          { histories, ...(settings.parameters ? { current: settings.parameters } : {}) },
          (fraction) => setProgress(fraction),
          controller.signal,
        );
        setResult(fitted);
        setProgress(null);
        setPhase('result');
        setStatus(
          fitted.better
            ? 'The new parameters predict your reviews better than the current ones.'
            : fitted.keptDefaults
              ? `Not enough reviews to learn from yet: the optimizer kept the defaults. Try again after a few hundred reviews made on a later day than the card's review before (${fitted.before.reviews.toLocaleString()} so far).`
              : 'The current parameters already predict your reviews as well as the new ones: nothing to apply.',
        );
      } catch (error) {
        setProgress(null);
        if (error instanceof OptimizerCancelled) {
          setPhase('idle');
          setStatus('Optimizing cancelled. Nothing was changed.');
          return;
        }
        setPhase('error');
        setStatus(
          error instanceof OptimizerInputError ? error.message : `Optimizing failed: ${errorReason(error)}`,
        );
      } finally {
        if (running === controller) running = null;
      }
    },
    async apply(reschedule) {
      const fitted = result();
      if (!fitted?.better) return;
      setPhase('applying');
      setProgress(0);
      setStatus('Applying the new parameters: replaying every card…');
      try {
        const reviews = await countLogs(await collection.db());
        const changed = await applyWithReplay(
          collection,
          { ...collection.settings(), parameters: fitted.parameters },
          { reschedule, meta: { [OPTIMIZED_KEY]: { reviews, at: now().getTime() } } },
          (p) => {
            setProgress(p.total > 0 ? p.done / p.total : null);
            setStatus(`Applying the new parameters: ${p.done.toLocaleString()} cards replayed…`);
          },
        );
        setProgress(null);
        setPhase('applied');
        setStatus(`New parameters applied. ${replayedSummary(changed, reschedule)}`);
      } catch (error) {
        setProgress(null);
        setPhase('error');
        setStatus(
          `The new parameters could not be applied: ${errorReason(error)} If they were saved, the replay finishes the next time SarcoMet starts.`,
        );
      }
    },
  };
}
