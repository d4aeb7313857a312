/**
 * Helpers for backup tests: a hash of everything a database holds, the live database and its pointer,
 * backup files built by hand (gzip of given lines) and read back into lines.
 */
import { createHash } from 'node:crypto';
import { encodeJson } from '../../src/storage/backup-records';
import { backupStream, streamToBlob } from '../../src/storage/backup';
import { openAppDb } from '../../src/storage/db';
import { deleteDatabase, liveDbName, POINTER_DB_NAME } from '../../src/storage/live-db';
import type { AppDatabase } from '../../src/storage/transaction';
import { NOW, request } from './helpers';

/** JSON with object keys sorted and Dates as `{ $date }`: equal data, equal text, whatever the key order. */
function canonical(value: unknown): string {
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return encodeJson(value);
}

/**
 * SHA-256 of every record of every object store of `db` (`stores` to limit it), with its key, in key order.
 * Two databases with equal hashes hold the same data, Dates included.
 */
export async function hashCollection(db: AppDatabase, stores?: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const names = [...db.objectStoreNames].filter((name) => !stores || stores.includes(name)).sort();
  for (const name of names) {
    const tx = db.transaction(name as 'meta', 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    hash.update(`${name}\n`);
    keys.forEach((key, i) => hash.update(`${canonical(key)}\t${canonical(values[i])}\n`));
  }
  return hash.digest('hex');
}

/** The hash of the live collection, opened and closed here. */
export async function hashLive(stores?: readonly string[]): Promise<string> {
  const db = await openAppDb(await liveDbName());
  try {
    return await hashCollection(db, stores);
  } finally {
    db.close();
  }
}

/** Every database name fake-indexeddb holds. */
export async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '').sort();
}

/** Forgets the pointer, so `sarcomet` is live again, and deletes every database a test made. */
export async function resetDatabases(): Promise<void> {
  await Promise.all((await databaseNames()).map((name) => deleteDatabase(name)));
  await deleteDatabase(POINTER_DB_NAME);
}

/** The backup of `db` as a Blob. */
export async function backupBlob(db: AppDatabase, nativeGzip?: boolean): Promise<Blob> {
  return streamToBlob(backupStream(db, { now: NOW, batchSize: 7, nativeGzip }));
}

/** A gzip file of `text` as is. */
export async function gzipText(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

/** The lines of a backup file (unpacked), without the final empty one. */
export async function linesOf(file: Blob): Promise<string[]> {
  const text = await new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return text.split('\n').slice(0, -1);
}

/** A backup file of these lines. */
export function fileOf(lines: readonly string[]): Promise<Blob> {
  return gzipText(lines.map((line) => `${line}\n`).join(''));
}

/** Opens a raw IndexedDB database (no upgrade) to read its version. */
export async function versionOf(name: string): Promise<number> {
  const db = await request(indexedDB.open(name));
  const { version } = db;
  db.close();
  return version;
}
