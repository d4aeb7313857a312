/**
 * Backing up the whole collection into one gzip-compressed file of JSON lines (docs/backup-format.md):
 * a header, one line per record of every store in `BACKUP_STORES`, and a trailer with the counts.
 *
 * It streams: each store is read in key order, `batchSize` records per read-only transaction, and each batch
 * is encoded, compressed and handed on before the next is read, so memory holds one batch whatever the size
 * of the collection. The batches are separate transactions, so a grade made in another tab during a backup
 * may be in it or not; a restore checks the file against its trailer, not against the header's counts.
 */
import {
  BACKUP_FORMAT,
  BACKUP_STORE_NAMES,
  BACKUP_STORES,
  BACKUP_VERSION,
  encodeJson,
  type BackupHeader,
  type BackupStoreName,
  type StoreCounts,
} from './backup-records';
import { DB_VERSION } from './db';
import { toStorageError } from './errors';
import { LAST_BACKUP_KEY, setMeta } from './meta-store';
import { gzipStream } from './gzip';
import { runTransaction, type AppDatabase } from './transaction';

export { LAST_BACKUP_KEY };

export interface BackupProgress {
  /** Records written so far, of `total` (the counts at the start). */
  done: number;
  total: number;
}

export interface BackupOptions {
  now: Date;
  /** Records per read transaction. */
  batchSize?: number;
  /** The app's version, written in the header for whoever reads the file. */
  app?: string;
  onProgress?(progress: BackupProgress): void;
  /** False forces the fflate compressor (the fallback for browsers without CompressionStream). */
  nativeGzip?: boolean;
}

/** The number of records of every store a backup carries, in one transaction. */
export async function countBackupStores(db: AppDatabase): Promise<Record<BackupStoreName, number>> {
  return runTransaction(db, BACKUP_STORE_NAMES, 'readonly', async (tx) => {
    const counts = await Promise.all(BACKUP_STORE_NAMES.map((name) => tx.objectStore(name).count()));
    return Object.fromEntries(BACKUP_STORE_NAMES.map((name, i) => [name, counts[i] ?? 0])) as Record<
      BackupStoreName,
      number
    >;
  });
}

/**
 * One batch of a store: records after `after` (all when null), in key order, with their keys. A store with a
 * key path gives its keys through the values; only the others read them (`getAllKeys`) as well.
 */
async function readBatch(
  db: AppDatabase,
  store: BackupStoreName,
  after: IDBValidKey | null,
  size: number,
): Promise<{ keys: IDBValidKey[]; values: unknown[]; last: IDBValidKey | null }> {
  return runTransaction(db, [store], 'readonly', async (tx) => {
    const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const os = tx.objectStore(store);
    const keyPath = os.keyPath;
    if (typeof keyPath === 'string') {
      const values = (await os.getAll(range, size)) as Record<string, IDBValidKey>[];
      // Index access, not .at(-1): Safari 15.0-15.3 lacks it.
      return { keys: [], values, last: values[values.length - 1]?.[keyPath] ?? null };
    }
    const [keys, values] = await Promise.all([os.getAllKeys(range, size), os.getAll(range, size)]);
    return { keys, values: values as unknown[], last: keys[keys.length - 1] ?? null };
  });
}

/** The lines of one batch, each ending with a newline. */
function encodeBatch(store: BackupStoreName, keys: IDBValidKey[], values: unknown[]): string {
  const spec = BACKUP_STORES[store];
  const withKey = 'key' in spec;
  const encode = spec.dates ? encodeJson : (value: unknown) => JSON.stringify(value);
  const prefix = `{"s":${JSON.stringify(store)},`;
  let text = '';
  for (let i = 0; i < values.length; i++) {
    const key = withKey ? `"k":${encodeJson(keys[i])},` : '';
    text += `${prefix}${key}"v":${encode(values[i])}}\n`;
  }
  return text;
}

/**
 * The backup of `db` as a stream of gzip-compressed bytes. Nothing is read until the stream is pulled, and
 * each pull reads one batch. The stream errors with a `StorageError` if a read fails.
 */
export function backupStream(db: AppDatabase, options: BackupOptions): ReadableStream<Uint8Array> {
  const batchSize = options.batchSize ?? 2_000;
  const encoder = new TextEncoder();
  // Every store is listed in the trailer, an empty one with 0, as in the header.
  const written: StoreCounts = Object.fromEntries(BACKUP_STORE_NAMES.map((name) => [name, 0]));
  let total = 0;
  let done = 0;
  let storeIndex = 0;
  let after: IDBValidKey | null = null;
  let ahead: ReturnType<typeof readBatch> | null = null;
  let started = false;
  let finished = false;

  const pull = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
    try {
      if (!started) {
        started = true;
        const counts = await countBackupStores(db);
        total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: options.now.toISOString(),
          dbVersion: DB_VERSION,
          ...(options.app ? { app: options.app } : {}),
          counts,
        };
        controller.enqueue(encoder.encode(`${JSON.stringify(header)}\n`));
        options.onProgress?.({ done, total });
        return;
      }
      const store = BACKUP_STORE_NAMES[storeIndex];
      if (store === undefined) {
        if (!finished) {
          finished = true;
          controller.enqueue(encoder.encode(`${JSON.stringify({ end: BACKUP_FORMAT, counts: written })}\n`));
        }
        controller.close();
        return;
      }
      // The next batch is read while this one is encoded: IndexedDB works in another process.
      const { keys, values, last } = await (ahead ?? readBatch(db, store, after, batchSize));
      ahead = null;
      if (values.length < batchSize) {
        storeIndex += 1;
        after = null;
      } else {
        after = last;
        ahead = readBatch(db, store, after, batchSize);
        // If it fails, the await above reports it on the next pull.
        ahead.catch(() => undefined);
      }
      if (values.length === 0) {
        // A pull that enqueues nothing is not called again (streams spec): read the next store now.
        return pull(controller);
      }
      controller.enqueue(encoder.encode(encodeBatch(store, keys, values)));
      written[store] = (written[store] ?? 0) + values.length;
      done += values.length;
      options.onProgress?.({ done, total: Math.max(total, done) });
    } catch (error) {
      controller.error(toStorageError(error));
    }
  };
  const lines = new ReadableStream<Uint8Array>(
    { pull },
    // One batch at a time: the next is read only when the compressor has taken this one.
    { highWaterMark: 1 },
  );
  return lines.pipeThrough(gzipStream(options.nativeGzip));
}

/**
 * Collects a stream into a Blob without holding it in the JS heap: every `foldBytes` the chunks read so far
 * become part of a Blob (whose bytes the browser keeps outside the heap, on disk when large).
 */
export async function streamToBlob(
  stream: ReadableStream<Uint8Array>,
  type = 'application/gzip',
  foldBytes = 4 * 1024 * 1024,
): Promise<Blob> {
  let blob = new Blob([], { type });
  let parts: Uint8Array[] = [];
  let pending = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    pending += value.byteLength;
    if (pending >= foldBytes) {
      blob = new Blob([blob, ...(parts as BlobPart[])], { type });
      parts = [];
      pending = 0;
    }
  }
  return new Blob([blob, ...(parts as BlobPart[])], { type });
}

/** Remembers that the collection was backed up at `now` (the weekly reminder reads it). */
export async function markBackedUp(db: AppDatabase, now: Date): Promise<void> {
  await setMeta(db, LAST_BACKUP_KEY, now.getTime());
}
