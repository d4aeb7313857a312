/**
 * Which IndexedDB database holds the live collection. A restore writes a whole new database and then makes
 * it the live one by changing one record of a tiny database of its own (`sarcomet-pointer`), in one
 * transaction: IndexedDB cannot rename a database, and a pointer flip is atomic where copying a million
 * records into the live database is not. The database the pointer moved away from is kept as a restore
 * point (the newest `RESTORE_POINT_LIMIT`), and bringing one back is the same flip the other way.
 *
 * Everything that opens the collection asks `liveDbName()` first: the app's connection (src/state/app-db.ts),
 * the deck worker and the raw export. With no pointer record (every installation before the first restore)
 * the live database is `sarcomet`, as it always was.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DB_NAME } from './db';
import { StorageError, toStorageError } from './errors';

export const POINTER_DB_NAME = 'sarcomet-pointer';
/** Databases a restore creates are named `sarcomet-restore-<id>`; a name nothing points to is an orphan. */
export const RESTORED_DB_PREFIX = 'sarcomet-restore-';
/** How many earlier collections are kept to bring back; an older one is deleted. */
export const RESTORE_POINT_LIMIT = 2;

/** A collection that was live before a restore (or before a restore point was brought back). */
export interface RestorePoint {
  /** Its database. */
  name: string;
  /** Epoch ms when it stopped being live. */
  time: number;
  /** What the user sees, e.g. 'Before restoring the backup of 5 January 2026'. */
  label: string;
  counts: { decks: number; cards: number; reviews: number };
}

export interface LivePointer {
  /** The database of the live collection. */
  live: string;
  /** Newest first. */
  restorePoints: RestorePoint[];
}

interface PointerDB extends DBSchema {
  pointer: { key: string; value: LivePointer };
}

const KEY = 'live';

function openPointerDb(): Promise<IDBPDatabase<PointerDB>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new StorageError('unavailable'));
  return openDB<PointerDB>(POINTER_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('pointer');
    },
  });
}

async function withPointerDb<T>(body: (db: IDBPDatabase<PointerDB>) => Promise<T>): Promise<T> {
  let db: IDBPDatabase<PointerDB>;
  try {
    db = await openPointerDb();
  } catch (error) {
    throw toStorageError(error);
  }
  try {
    return await body(db);
  } catch (error) {
    throw error instanceof StorageError ? error : toStorageError(error);
  } finally {
    db.close();
  }
}

/** The pointer as stored, or the default (`sarcomet`, no restore points) when there is none yet. */
export async function readPointer(): Promise<LivePointer> {
  return withPointerDb(async (db) => (await db.get('pointer', KEY)) ?? { live: DB_NAME, restorePoints: [] });
}

/** The name of the database that holds the live collection. */
export async function liveDbName(): Promise<string> {
  return (await readPointer()).live;
}

/**
 * Makes `next` the live database in one transaction, keeping the database it replaces as the restore point
 * `previous` (its `name` must be the current live database: if another tab changed the pointer since, this
 * rejects and changes nothing). `next` leaves the restore points if it was one. Resolves with the names of the
 * restore points dropped beyond `RESTORE_POINT_LIMIT`, which the caller deletes.
 */
export async function flipLiveDb(next: string, previous: RestorePoint): Promise<string[]> {
  return withPointerDb(async (db) => {
    const tx = db.transaction('pointer', 'readwrite');
    // An abort below rejects `done`; the error thrown with it is what the caller sees.
    tx.done.catch(() => undefined);
    const current = (await tx.store.get(KEY)) ?? { live: DB_NAME, restorePoints: [] };
    if (current.live !== previous.name) {
      tx.abort();
      throw new StorageError(
        'aborted',
        'Another SarcoMet tab replaced the collection in the meantime, so nothing was changed. Reload and try again.',
      );
    }
    const points = [previous, ...current.restorePoints.filter((p) => p.name !== next)];
    await tx.store.put({ live: next, restorePoints: points.slice(0, RESTORE_POINT_LIMIT) }, KEY);
    await tx.done; // The flip: committed here, or not at all.
    return points.slice(RESTORE_POINT_LIMIT).map((p) => p.name);
  });
}

/**
 * Deletes a database, waiting at most `timeoutMs`: a deletion waits while another tab still has the database
 * open, and that tab is about to reload, so the deletion finishes then without us.
 */
export function deleteDatabase(name: string, timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, timeoutMs);
    const request = indexedDB.deleteDatabase(name);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onsuccess = done;
    request.onerror = done;
  });
}

/** The Web Locks API where there is one (Chromium, Safari 15.4+, Firefox; not Node 20). */
function locks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
}

/**
 * Runs `body` while holding the lock named after the database `name`, so `deleteOrphans` in another tab
 * leaves a restore in progress alone. Without the Web Locks API it simply runs `body`.
 */
export async function holdingLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (!manager) return body();
  return manager.request(name, body);
}

/**
 * Deletes the databases a restore started and never finished (the tab was closed mid-way, or the browser
 * crashed): every `sarcomet-restore-*` database that is neither live nor a restore point, unless a restore
 * in another tab is still writing it (it holds the lock named after it). Needs `indexedDB.databases()`
 * (Chromium 71, Safari 14, Firefox 126); without it, nothing is found and nothing deleted. Resolves with the
 * names deleted.
 */
export async function deleteOrphans(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const [pointer, all, held] = await Promise.all([
    readPointer(),
    indexedDB.databases(),
    locks()
      ?.query()
      .then((state) => new Set((state.held ?? []).map((lock) => lock.name))) ?? new Set<string>(),
  ]);
  const kept = new Set([pointer.live, ...pointer.restorePoints.map((p) => p.name)]);
  const orphans = all
    .map((info) => info.name ?? '')
    .filter((name) => name.startsWith(RESTORED_DB_PREFIX) && !kept.has(name) && !held.has(name));
  await Promise.all(orphans.map((name) => deleteDatabase(name)));
  return orphans;
}
