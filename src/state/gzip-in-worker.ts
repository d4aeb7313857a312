/**
 * A gzip TransformStream whose compressing runs in a worker (src/workers/gzip.worker.ts), so a backup's
 * reading and encoding on the main thread and its compressing overlap on two cores. Each write resolves when
 * the worker has compressed the chunk before it, so at most two chunks wait there.
 */
import type { GzipRequest, GzipResponse } from '../workers/gzip.worker';

/** The stream, or null where workers cannot run (the caller then compresses on this thread). */
export function gzipInWorker(): TransformStream<Uint8Array, Uint8Array> | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('../workers/gzip.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let acked: () => void = () => undefined;
  let finished: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const send = (message: GzipRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, { transfer });
  const fail = (controller: TransformStreamDefaultController<Uint8Array>, message: string) => {
    const error = new Error(`The backup could not be compressed: ${message}`);
    controller.error(error);
    failed(error);
    worker.terminate();
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      worker.onmessage = (event: MessageEvent<GzipResponse>) => {
        const data = event.data;
        if ('ack' in data) acked();
        else if ('out' in data) controller.enqueue(data.out);
        else if ('done' in data) {
          worker.terminate();
          finished();
        } else fail(controller, data.error);
      };
      worker.onerror = (event) => fail(controller, event.message || 'the worker could not start');
    },
    transform(chunk) {
      return new Promise<void>((resolve, reject) => {
        acked = resolve;
        failed = reject;
        // A copy when the chunk is a view into a larger buffer, so only its own bytes are transferred.
        const own =
          chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
        send({ chunk: own }, [own.buffer]);
      });
    },
    flush() {
      return new Promise<void>((resolve, reject) => {
        finished = resolve;
        failed = reject;
        send({ end: true });
      });
    },
  });
}
