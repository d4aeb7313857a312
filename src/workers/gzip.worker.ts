/**
 * Gzips a backup off the main thread (issue 10): the main thread reads and encodes batches while this
 * compresses the previous ones, on another core. Protocol (src/state/gzip-in-worker.ts): the page sends
 * `{ chunk }` (transferred), each answered with `{ ack }` once the chunk before it is compressed, then
 * `{ end }`; this sends back `{ out }` chunks (transferred) and finally `{ done }`, or `{ error }`.
 */
import { gzipStream } from '../storage/gzip';

export type GzipRequest = { chunk: Uint8Array } | { end: true };
export type GzipResponse = { ack: true } | { out: Uint8Array } | { done: true } | { error: string };

const post = (message: GzipResponse, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });
const compressor = gzipStream();
const writer = compressor.writable.getWriter();

void (async () => {
  try {
    const reader = compressor.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      post({ out: value }, [value.buffer]);
    }
    post({ done: true });
  } catch (error) {
    post({ error: error instanceof Error ? error.message : String(error) });
  }
})();

/** The write of the chunk before the latest: a chunk is acknowledged once the one before it is compressed. */
let previous: Promise<void> = Promise.resolve();

self.onmessage = async (event: MessageEvent<GzipRequest>) => {
  try {
    if ('chunk' in event.data) {
      // So the page encodes the next chunk while this one is compressed, and no more than two wait here.
      const prior = previous;
      previous = writer.write(event.data.chunk);
      previous.catch(() => undefined);
      await prior;
      post({ ack: true });
    } else {
      await previous;
      await writer.close();
    }
  } catch (error) {
    post({ error: error instanceof Error ? error.message : String(error) });
  }
};
