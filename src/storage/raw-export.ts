/**
 * Reading every record of the database as it is on disk, at whatever version it has, without upgrading it:
 * the way out when the app cannot open its data, so nothing is ever trapped.
 */
import { StorageError, toStorageError } from './errors';
import { DB_NAME } from './db';

export interface RawExport {
  format: 'sarcomet-raw-export';
  database: string;
  version: number;
  /** Every store's records with their keys. */
  stores: Record<string, { key: IDBValidKey; value: unknown }[]>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Every record of every store of the database `name`, read at its current version (no upgrade runs).
 * Rejects with a `StorageError` when there is no such database or it cannot be read.
 */
export async function readRawDatabase(name: string = DB_NAME): Promise<RawExport> {
  if (typeof indexedDB === 'undefined') throw new StorageError('unavailable');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => {
      // No database yet: opening without a version would create an empty one; abort so nothing is made.
      open.transaction?.abort();
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    open.onblocked = () =>
      reject(new StorageError('unavailable', 'Close other SarcoMet tabs, then try again.'));
  }).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw new StorageError('invalid', 'There is no stored SarcoMet data on this device to export.');
    }
    throw toStorageError(error);
  });
  try {
    const names = [...db.objectStoreNames];
    const stores: RawExport['stores'] = {};
    if (names.length > 0) {
      const tx = db.transaction(names, 'readonly');
      await Promise.all(
        names.map(async (store) => {
          const [keys, values] = await Promise.all([
            request(tx.objectStore(store).getAllKeys()),
            request(tx.objectStore(store).getAll()),
          ]);
          stores[store] = keys.map((key, i) => ({ key, value: values[i] as unknown }));
        }),
      );
    }
    return { format: 'sarcomet-raw-export', database: name, version: db.version, stores };
  } catch (error) {
    throw toStorageError(error);
  } finally {
    db.close();
  }
}
