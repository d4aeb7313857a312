import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors';
import { readRawDatabase } from '../../src/storage/raw-export';
import { NOW, makeCards, request, uniqueDbName } from './helpers';

describe('readRawDatabase', () => {
  it('reads every record of a database at its own version, without upgrading it', async () => {
    const name = uniqueDbName('raw');
    const [card] = makeCards('alpha', 1);
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('cards', { keyPath: 'id' });
      open.result.createObjectStore('meta');
    };
    const db = await request(open);
    const tx = db.transaction(['cards', 'meta'], 'readwrite');
    tx.objectStore('cards').put({ ...card!, fsrs: undefined });
    tx.objectStore('meta').put(NOW, 'when');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const raw = await readRawDatabase(name);
    expect(raw).toMatchObject({ format: 'sarcomet-raw-export', database: name, version: 1 });
    expect(raw.stores.cards).toEqual([{ key: card!.id, value: { ...card!, fsrs: undefined } }]);
    expect(raw.stores.meta).toEqual([{ key: 'when', value: NOW }]);
    const again = await request(indexedDB.open(name));
    expect(again.version).toBe(1);
    again.close();
  });

  it('says there is nothing to export when no database exists, and creates none', async () => {
    const name = uniqueDbName('raw-none');
    const error = await readRawDatabase(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(/no stored SarcoMet data/);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
