/**
 * Restoring a backup (docs/backup-format.md), all or nothing:
 *
 * 1. The file is read as a stream (`file.stream()` → gunzip → a count of the bytes actually unpacked, capped
 *    → UTF-8 → lines), so memory holds one batch of records whatever the size of the file.
 * 2. Every line is parsed and checked against its store's schema (backup-records.ts), and written, a batch
 *    per transaction, into a new database `sarcomet-restore-<id>` created at the backup's database version;
 *    the live collection is not touched. Opening it at the current version then runs the app's own
 *    migrations over the restored records, as an update would.
 * 3. Only when the whole file has been read, checked, counted against its trailer and written does one
 *    transaction point the app at the new database (live-db.ts). The collection it replaces is kept as a
 *    restore point.
 *
 * If anything fails the new database is deleted and nothing else has changed. If the tab is closed mid-way,
 * the pointer still names the old collection, and `deleteOrphans` deletes the half-written database at the
 * next start.
 */
import { openDB } from 'idb';
import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_STORES,
  BACKUP_VERSION,
  backupStore,
  describeIssues,
  HeaderSchema,
  HeaderV1Schema,
  LineSchema,
  OLDEST_RESTORABLE_DB_VERSION,
  TrailerSchema,
  type BackupHeader,
  type BackupLimits,
  type BackupStore,
  type BackupStoreName,
  type StoreCounts,
} from './backup-records';
import { countBackupStores, LAST_BACKUP_KEY } from './backup';
import { DB_VERSION, openAppDb } from './db';
import { StorageError } from './errors';
import { gunzipStream } from './gzip';
import {
  deleteDatabase,
  flipLiveDb,
  holdingLock,
  liveDbName,
  RESTORED_DB_PREFIX,
  type RestorePoint,
} from './live-db';
import { runMigrations } from './migrations';
import type { AppDB } from './schema';
import { runTransaction, type AppDatabase } from './transaction';

const UNCHANGED = 'Your collection was not changed.';

function invalid(message: string): StorageError {
  return new StorageError('invalid', `${message} ${UNCHANGED}`);
}

const number = (n: number) => n.toLocaleString('en-US');

interface ReadOptions {
  limits: BackupLimits;
  nativeGzip?: boolean;
  onBytes?(read: number): void;
}

/**
 * Calls `onLine` with every line of the backup file (without its newline) and its number from 1; when
 * `onLine` returns a promise, the next line waits for it. `onLine` returns false to stop reading. Rejects with
 * a `StorageError` a user can read when the file is too big, is not gzip, unpacks to too much, is not UTF-8
 * or has a line longer than the limit.
 */
async function readLines(
  file: Blob,
  options: ReadOptions,
  onLine: (line: string, n: number) => void | boolean | Promise<void>,
): Promise<void> {
  const { limits } = options;
  if (file.size > limits.fileBytes) {
    throw invalid(
      `This file is larger than ${formatSize(limits.fileBytes)}, more than any SarcoMet backup, so it was not read.`,
    );
  }
  let read = 0;
  let unpacked = 0;
  const countRead = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      read += chunk.byteLength;
      options.onBytes?.(read);
      controller.enqueue(chunk);
    },
  });
  // Counted on the bytes the decompressor actually produced, whatever the file claims about itself.
  const capUnpacked = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      unpacked += chunk.byteLength;
      if (unpacked > limits.unpackedBytes) {
        controller.error(
          invalid(
            `This file unpacks to more than ${formatSize(limits.unpackedBytes)}, more than any SarcoMet backup holds, so it was not restored.`,
          ),
        );
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const reader = file
    .stream()
    .pipeThrough(countRead)
    .pipeThrough(gunzipStream(options.nativeGzip))
    .pipeThrough(capUnpacked)
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as ReadableWritablePair<string, Uint8Array>)
    .getReader();

  let buffer = '';
  let n = 0;
  const tooLong = () =>
    invalid(
      `Line ${number(n + 1)} is longer than ${formatSize(limits.lineChars)}: this is not a SarcoMet backup, or it is damaged.`,
    );
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (error instanceof StorageError) throw error;
        throw invalid(
          n === 0
            ? 'This file is not a SarcoMet backup, or it is damaged: it could not be unpacked.'
            : `The file is damaged after line ${number(n)}: it could not be unpacked further.`,
        );
      }
      if (chunk.done) break;
      buffer += chunk.value;
      let start = 0;
      for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
        if (end - start > limits.lineChars) throw tooLong();
        n += 1;
        const result = onLine(buffer.slice(start, end), n);
        start = end + 1;
        if (result === false) return;
        if (result instanceof Promise) await result;
      }
      buffer = buffer.slice(start);
      if (buffer.length > limits.lineChars) throw tooLong();
    }
    if (buffer.length > 0) {
      n += 1;
      const result = onLine(buffer, n);
      if (result instanceof Promise) await result;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${number(bytes / 1024 ** 3)} GB` : `${number(bytes / 1024 ** 2)} MB`;
}

/** JSON.parse of a line, or a readable error naming it. */
function parseLine(line: string, n: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw invalid(`Line ${number(n)} is not valid JSON: the file is damaged.`);
  }
}

/** The header (first line), checked: the format, its version and the database version it was made at. */
function parseHeader(line: string): BackupHeader {
  let data: unknown;
  try {
    data = JSON.parse(line) as unknown;
  } catch {
    data = null;
  }
  const first = v.safeParse(HeaderSchema, data);
  if (!first.success || first.output.format !== BACKUP_FORMAT) {
    throw invalid('This file is not a SarcoMet backup.');
  }
  if (first.output.version !== BACKUP_VERSION) {
    throw invalid(
      `This backup has format version ${String(first.output.version)}, which this version of SarcoMet cannot read (it reads version ${BACKUP_VERSION}). Update SarcoMet, then restore it.`,
    );
  }
  const header = v.safeParse(HeaderV1Schema, data);
  if (!header.success)
    throw invalid(`The first line of the backup is damaged: ${describeIssues(header.issues)}.`);
  const { dbVersion } = header.output;
  if (dbVersion > DB_VERSION) {
    throw invalid(
      `This backup was made by a newer version of SarcoMet (database version ${dbVersion}; this one has ${DB_VERSION}). Update SarcoMet, then restore it.`,
    );
  }
  if (dbVersion < OLDEST_RESTORABLE_DB_VERSION) {
    throw invalid(
      `This backup was made by a SarcoMet too old to restore here (database version ${dbVersion}; the oldest this version restores is ${OLDEST_RESTORABLE_DB_VERSION}).`,
    );
  }
  return header.output;
}

/**
 * What a backup file says it holds (its first line), for the learner to confirm before restoring. Reads only
 * the start of the file. Rejects with a `StorageError` when it is not a backup this version can restore.
 */
export async function readBackupSummary(
  file: Blob,
  options: { limits?: Partial<BackupLimits>; nativeGzip?: boolean } = {},
): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  await readLines(
    file,
    { limits: { ...BACKUP_LIMITS, ...options.limits }, nativeGzip: options.nativeGzip },
    (line) => {
      header = parseHeader(line);
      return false;
    },
  );
  if (!header) throw invalid('This file is empty.');
  return header;
}

export interface RestoreOptions {
  now: Date;
  /** What the restore point of the replaced collection is called, e.g. 'Before restoring the backup of …'. */
  label: string;
  /** Names the new database `sarcomet-restore-<id>`; random by default. */
  id?: string;
  limits?: Partial<BackupLimits>;
  /** Records per staging transaction. */
  batchSize?: number;
  nativeGzip?: boolean;
  /** The share of the file read so far, 0 to 1. */
  onProgress?(fraction: number): void;
}

export interface RestoreResult {
  /** The database now live. */
  name: string;
  header: BackupHeader;
  /** Records restored per store. */
  counts: StoreCounts;
  /** Restore points dropped (their databases deleted). */
  dropped: string[];
}

/** Creates the staging database at `version` (the backup's), with the stores that version had. */
async function createStaging(name: string, version: number): Promise<AppDatabase> {
  let failure: unknown;
  const db = await openDB<AppDB>(name, version, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      transaction.done.catch(() => undefined);
      runMigrations(database, oldVersion, transaction, version).catch((error: unknown) => {
        failure = error;
        transaction.abort();
      });
    },
  }).catch((error: unknown) => {
    throw failure ?? error;
  });
  return db;
}

interface Batch {
  store: BackupStoreName;
  keys: IDBValidKey[];
  values: unknown[];
  firstLine: number;
}

/** Writes one batch into the staging database in one transaction; `add`, so a key given twice fails. */
async function writeBatch(db: AppDatabase, batch: Batch, lastLine: number): Promise<void> {
  const withKey = 'key' in BACKUP_STORES[batch.store];
  try {
    await runTransaction(db, [batch.store], 'readwrite', async (tx) => {
      const os = tx.objectStore(batch.store);
      const requests: Promise<unknown>[] = [];
      try {
        batch.values.forEach((value, i) =>
          requests.push(withKey ? os.add(value as never, batch.keys[i] as never) : os.add(value as never)),
        );
      } finally {
        // If one add throws at once, the transaction aborts and the others reject: that is reported once.
        for (const request of requests) request.catch(() => undefined);
      }
      await Promise.all(requests);
    });
  } catch (error) {
    if (error instanceof StorageError && error.kind === 'invalid') {
      throw invalid(
        `The file holds a ${batch.store} record twice (lines ${number(batch.firstLine)} to ${number(lastLine)}): it is damaged.`,
      );
    }
    throw error;
  }
}

/**
 * Restores the backup `file` as the new live collection, or rejects with a `StorageError` saying why and
 * leaves everything as it was. See the module comment for the steps.
 */
export async function restoreBackup(file: Blob, options: RestoreOptions): Promise<RestoreResult> {
  const limits = { ...BACKUP_LIMITS, ...options.limits };
  const id = options.id ?? `${options.now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const name = `${RESTORED_DB_PREFIX}${id}`;
  const previous = await liveDbName();

  return holdingLock(name, async () => {
    const state = new StagingState(name, options.batchSize ?? 2_000);
    try {
      await readLines(
        file,
        {
          limits,
          nativeGzip: options.nativeGzip,
          onBytes: (read) => options.onProgress?.(file.size > 0 ? Math.min(1, read / file.size) : 1),
        },
        (line, n) => state.line(line, n),
      );
      const { header, counts } = state.finish();

      // Written at the backup's version; opening it at the current one runs the app's migrations over it.
      state.close();
      const upgraded = await openAppDb(name);
      try {
        await runTransaction(upgraded, ['meta'], 'readwrite', (tx) =>
          tx.objectStore('meta').put(Date.parse(header.createdAt), LAST_BACKUP_KEY),
        );
      } finally {
        upgraded.close();
      }

      const replaced = await collectionCounts(previous);
      const dropped = await flipLiveDb(name, {
        name: previous,
        time: options.now.getTime(),
        label: options.label,
        counts: replaced,
      });
      await Promise.all(dropped.map((old) => deleteDatabase(old)));
      options.onProgress?.(1);
      return { name, header, counts, dropped };
    } catch (error) {
      state.close();
      await deleteDatabase(name, 10_000);
      throw error;
    }
  });
}

/** The restore's progress through the file: the header, the records counted and the batch being filled. */
class StagingState {
  private header: BackupHeader | null = null;
  private trailer: StoreCounts | null = null;
  private staging: AppDatabase | null = null;
  private batch: Batch | null = null;
  private writing: Promise<void> = Promise.resolve();
  private lastLine = 0;
  readonly counts: StoreCounts = {};

  constructor(
    private readonly name: string,
    private readonly batchSize: number,
  ) {}

  /** Checks line `n` and queues its record; returns a promise when a batch is being written. */
  line(line: string, n: number): Promise<void> | undefined {
    this.lastLine = n;
    if (!this.header) {
      const header = parseHeader(line);
      this.header = header;
      return createStaging(this.name, header.dbVersion).then((db) => {
        this.staging = db;
      });
    }
    if (this.trailer)
      throw invalid(`The file goes on after its last line (line ${number(n)}): it is damaged.`);
    if (line === '') throw invalid(`Line ${number(n)} is empty: the file is damaged.`);
    const data = parseLine(line, n);
    if (typeof data === 'object' && data !== null && 'end' in data) {
      const end = v.safeParse(TrailerSchema, data);
      if (!end.success) throw invalid(`The last line is damaged: ${describeIssues(end.issues)}.`);
      this.trailer = end.output.counts as StoreCounts;
      return this.drain();
    }
    const { store, key, value } = this.record(data, n);
    this.counts[store] = (this.counts[store] ?? 0) + 1;
    const pending = this.batch && this.batch.store !== store ? this.flush() : undefined;
    const batch: Batch = this.batch ?? { store, keys: [], values: [], firstLine: n };
    this.batch = batch;
    batch.values.push(value);
    if (key !== undefined) batch.keys.push(key);
    if (batch.values.length < this.batchSize) return pending;
    return pending ? pending.then(() => this.flush()) : this.flush();
  }

  /** A record line checked against its store's schemas. */
  private record(data: unknown, n: number): { store: BackupStoreName; key?: IDBValidKey; value: unknown } {
    const record = v.safeParse(LineSchema, data);
    if (!record.success)
      throw invalid(`Line ${number(n)} is not a record: ${describeIssues(record.issues)}.`);
    const store = backupStore(record.output.s);
    if (!store || BACKUP_STORES[store].since > (this.header?.dbVersion ?? 0)) {
      throw invalid(
        `Line ${number(n)} names a kind of record SarcoMet does not keep ("${record.output.s}").`,
      );
    }
    const spec: BackupStore = BACKUP_STORES[store];
    let key: IDBValidKey | undefined;
    if (spec.key) {
      const parsed = v.safeParse(spec.key, record.output.k);
      if (!parsed.success) {
        throw invalid(
          `Line ${number(n)} (${store}): its key is not valid: ${describeIssues(parsed.issues)}.`,
        );
      }
      key = parsed.output;
    } else if (record.output.k !== undefined) {
      throw invalid(`Line ${number(n)} (${store}) has a key of its own, which ${store} records never have.`);
    }
    const value = v.safeParse(spec.value, record.output.v);
    if (!value.success) {
      throw invalid(`Line ${number(n)} (${store}) is not valid: ${describeIssues(value.issues)}.`);
    }
    return { store, key, value: value.output };
  }

  /**
   * Starts writing the batch being filled, and waits for the write before it: one batch is written (by the
   * browser, in another process) while the next is parsed and checked, and no more than two are held.
   */
  private async flush(): Promise<void> {
    const batch = this.batch;
    if (!batch || !this.staging) return;
    this.batch = null;
    const previous = this.writing;
    const next = writeBatch(this.staging, batch, this.lastLine);
    // Reported by the next flush or by `drain`, whichever comes first.
    next.catch(() => undefined);
    this.writing = next;
    await previous;
  }

  /** Waits for every write started. */
  private async drain(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  /** After the last line: the header and the counts, once they match the trailer. */
  finish(): { header: BackupHeader; counts: StoreCounts } {
    if (!this.header) throw invalid('This file is empty.');
    if (!this.trailer) {
      throw invalid(
        `The file ends early, after line ${number(this.lastLine)}: it is incomplete, perhaps cut off while it was saved or copied.`,
      );
    }
    const stores = new Set([
      ...Object.keys(this.trailer),
      ...Object.keys(this.counts),
    ]) as Set<BackupStoreName>;
    for (const store of stores) {
      const expected = this.trailer[store] ?? 0;
      const actual = this.counts[store] ?? 0;
      if (expected !== actual) {
        throw invalid(
          `The file is incomplete: its last line says it holds ${number(expected)} ${store} records, but ${number(actual)} were read.`,
        );
      }
    }
    return { header: this.header, counts: this.counts };
  }

  close(): void {
    this.staging?.close();
    this.staging = null;
  }
}

/** Decks, cards and reviews of the collection in database `name`, for a restore point's description. */
async function collectionCounts(name: string): Promise<RestorePoint['counts']> {
  const db = await openAppDb(name);
  try {
    const counts = await countBackupStores(db);
    return { decks: counts.decks, cards: counts.cards, reviews: counts['review-logs'] };
  } finally {
    db.close();
  }
}

/**
 * Brings back the restore point `name`: the pointer flips to it, and the collection live until now becomes a
 * restore point itself (`label`), so this can be undone the same way.
 */
export async function bringBackRestorePoint(name: string, now: Date, label: string): Promise<string[]> {
  const current = await liveDbName();
  const counts = await collectionCounts(current);
  const dropped = await flipLiveDb(name, { name: current, time: now.getTime(), label, counts });
  await Promise.all(dropped.map((old) => deleteDatabase(old)));
  return dropped;
}
