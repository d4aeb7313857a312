/**
 * The FSRS optimizer's worker: loads fsrs-browser's WebAssembly (about 1.7 MB, only when the learner presses
 * Optimize), fits the weights and reports progress. fsrs-rs trains synchronously, so progress is read at
 * the moments it logs (after each epoch, through console.info) from the Progress record in its memory.
 */
import init, { Fsrs, getProgress, Progress } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import type { OptimizeRequest, OptimizerMessage } from './optimizer-protocol';
import { NotEnoughReviews, optimize } from './optimizer/run-optimizer';
import { errorReason } from '../domain/error-reason';

const post = (message: OptimizerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<OptimizeRequest>) => {
  const info = console.info;
  try {
    const wasm = await init({ module_or_path: wasmUrl });
    const progress = Progress.new();
    const pointer = progress.pointer();
    console.info = () => {
      const { itemsProcessed, itemsTotal } = getProgress(wasm.memory.buffer, pointer);
      if (itemsTotal > 0 && itemsProcessed <= itemsTotal)
        post({ type: 'progress', fraction: itemsProcessed / itemsTotal });
    };
    const result = optimize({ Fsrs }, event.data, progress);
    console.info = info;
    post({ type: 'done', result });
  } catch (error) {
    console.info = info;
    post({
      type: 'error',
      message: errorReason(error),
      userError: error instanceof NotEnoughReviews,
    });
  }
};
