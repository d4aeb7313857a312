/**
 * The app's entry to the FSRS optimizer: import this module with `import()` when the learner presses
 * Optimize. The optimizer runs in a worker (src/workers/optimizer.worker.ts), never on this thread: training
 * takes seconds to minutes and would freeze the page.
 */
import type { OptimizeRequest, OptimizeResult, OptimizerMessage } from './optimizer-protocol';

export type { OptimizeResult };

/** Thrown when the reviews cannot be optimized; the message is for the learner. */
export class OptimizerInputError extends Error {}

/** Thrown when the learner cancelled: the worker was stopped, nothing was changed. */
export class OptimizerCancelled extends Error {}

/**
 * Fits FSRS weights to `request.histories` in a worker; `onProgress` gets the training's fraction done.
 * Aborting `signal` stops the worker at once (fsrs-rs cannot be interrupted otherwise) and rejects with
 * `OptimizerCancelled`.
 */
export function runOptimizer(
  request: OptimizeRequest,
  onProgress: (fraction: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<OptimizeResult> {
  if (signal?.aborted) return Promise.reject(new OptimizerCancelled('Optimizing was cancelled.'));
  if (typeof Worker !== 'function') {
    return Promise.reject(new Error('This browser cannot run the optimizer (it has no Web Workers).'));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
    const cancel = () => {
      worker.terminate();
      reject(new OptimizerCancelled('Optimizing was cancelled.'));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<OptimizerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.fraction);
        return;
      }
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
      if (message.type === 'done') resolve(message.result);
      else reject(message.userError ? new OptimizerInputError(message.message) : new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
      reject(new Error(event.message || 'The optimizer could not start.'));
    };
    worker.postMessage(request);
  });
}
