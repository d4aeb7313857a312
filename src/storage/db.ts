/**
 * Opening the database: the version, the upgrade (see migrations.ts), and what happens when another tab
 * needs a newer version or the browser drops the connection.
 */
import { openDB, unwrap } from 'idb';
import { StorageError, toStorageError } from './errors';
import { LATEST_VERSION, runMigrations } from './migrations';
import type { AppDatabase } from './transaction';

export const DB_NAME = 'sarcomet';
export const DB_VERSION = LATEST_VERSION;

export interface DbHandlers {
  /**
   * Another tab opened a newer version of the database. This connection has already been closed so that tab
   * can upgrade; the UI should ask the user to reload.
   */
  onVersionChange?(): void;
  /**
   * The browser closed the connection abnormally (e.g. Safari after a long time in the background, or site
   * data cleared). `makeDbConnection` reopens on the next `get()`.
   */
  onTerminated?(): void;
  /** This tab wants to upgrade but an older tab still holds the database open: ask to close other tabs. */
  onBlocked?(): void;
}

/**
 * Opens (creating or upgrading as needed) the app's database.
 * Rejects with a `StorageError`: `unavailable` when IndexedDB is missing or refuses to open, `version` when
 * the stored database is newer than this code (an old tab after an update), `aborted` when an upgrade failed
 * (the database then stays at its previous version).
 */
export async function openAppDb(name: string = DB_NAME, handlers: DbHandlers = {}): Promise<AppDatabase> {
  if (typeof indexedDB === 'undefined') {
    throw new StorageError('unavailable');
  }
  let migrationError: unknown;
  try {
    return await openDB(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        // A failed upgrade is reported by openDB's rejection; keep idb's `done` from rejecting unhandled.
        transaction.done.catch(() => undefined);
        // idb does not wait for an async upgrade; abort explicitly so a failed migration is not committed.
        runMigrations(db, oldVersion, transaction).catch((error: unknown) => {
          migrationError = error;
          try {
            transaction.abort();
          } catch {
            // The transaction already ended because of the failure itself.
          }
        });
      },
      blocked() {
        handlers.onBlocked?.();
      },
      blocking(_currentVersion, _blockedVersion, event) {
        // Close at once, or the other tab's upgrade waits for us (and its `blocked` fires).
        (event.target as IDBDatabase).close();
        handlers.onVersionChange?.();
      },
      terminated() {
        handlers.onTerminated?.();
      },
    });
  } catch (error) {
    if (migrationError !== undefined) {
      throw new StorageError(
        'aborted',
        'Updating the stored data failed, so nothing was changed. Reload the app.',
        {
          cause: migrationError,
        },
      );
    }
    throw toStorageError(error);
  }
}

export interface DbConnection {
  /** The open database, opening it on first use and reopening it after it was closed or terminated. */
  get(): Promise<AppDatabase>;
  /** Closes the connection; a later `get()` opens a new one. */
  close(): void;
}

/**
 * A lazily opened connection that heals itself: after the browser terminated the connection, after
 * `close()`, or after the connection was closed under us, the next `get()` opens a fresh one.
 * After a version change (another tab upgraded) the reopen fails with a `StorageError` of kind `version`.
 * `name` may be a function, asked on every open: which database is live can change (see live-db.ts).
 */
export function makeDbConnection(
  name: string | (() => Promise<string>) = DB_NAME,
  handlers: DbHandlers = {},
): DbConnection {
  let pending: Promise<AppDatabase> | null = null;

  const forget = (db: Promise<AppDatabase>) => {
    if (pending === db) pending = null;
  };

  const open = (): Promise<AppDatabase> => {
    const resolved = typeof name === 'string' ? Promise.resolve(name) : name();
    const opening: Promise<AppDatabase> = resolved.then((dbName) =>
      openAppDb(dbName, {
        onBlocked: () => handlers.onBlocked?.(),
        onVersionChange: () => {
          forget(opening);
          handlers.onVersionChange?.();
        },
        onTerminated: () => {
          forget(opening);
          handlers.onTerminated?.();
        },
      }),
    );
    // A failed open is not cached: the next get() tries again.
    opening.catch(() => forget(opening));
    return opening;
  };

  return {
    async get() {
      const current = pending;
      if (current) {
        const db = await current;
        if (isUsable(db)) return db;
        forget(current);
      }
      pending ??= open();
      return pending;
    },
    close() {
      const current = pending;
      pending = null;
      void current?.then((db) => db.close()).catch(() => undefined);
    },
  };
}

/**
 * True while a connection still accepts transactions. There is no `closed` property on IDBDatabase; starting a
 * transaction throws InvalidStateError once `close()` was called (or the browser closed it).
 */
function isUsable(db: AppDatabase): boolean {
  try {
    // The raw transaction, not idb's wrapper: it has no `done` promise to reject. Unused, it simply completes.
    unwrap(db).transaction('meta');
    return true;
  } catch {
    return false;
  }
}
