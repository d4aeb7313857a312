/**
 * One helper every store module uses to run a transaction: it waits for `tx.done` (so a write resolves only
 * once it is committed), aborts the transaction when the body fails (so nothing half-done is left behind)
 * and turns every failure into a `StorageError`.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { toStorageError } from './errors';
import type { AppDB } from './schema';

export type AppDatabase = IDBPDatabase<AppDB>;

/**
 * Runs `body` inside one transaction over `storeNames` and resolves with its result after the transaction
 * has committed. The body must only await IndexedDB requests of `tx` (anything else lets the transaction
 * auto-commit early). If the body throws or a request fails, the transaction is aborted and the promise
 * rejects with a `StorageError`.
 */
export async function runTransaction<
  Names extends ArrayLike<StoreNames<AppDB>>,
  Mode extends IDBTransactionMode,
  Result,
>(
  db: AppDatabase,
  storeNames: Names,
  mode: Mode,
  body: (tx: IDBPTransaction<AppDB, Names, Mode>) => Promise<Result>,
): Promise<Result> {
  let tx: IDBPTransaction<AppDB, Names, Mode>;
  try {
    tx = db.transaction(storeNames, mode);
  } catch (error) {
    // InvalidStateError here means the connection was closed (or is closing): see makeDbConnection.
    throw toStorageError(error);
  }
  // The failure is reported through `body` or the `await tx.done` below; this only keeps an aborted
  // transaction from also surfacing as an unhandled rejection.
  tx.done.catch(() => undefined);
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw toStorageError(error);
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted (a failed request aborts its transaction) or already finished: nothing to undo.
  }
}
