import { createRoot } from 'solid-js';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrateTo1 } from '../../src/storage/migrations';
import type { AppDB } from '../../src/storage/schema';
import { connection } from '../../src/state/app-db';
import { createCollection } from '../../src/state/create-collection';
import { freshIndexedDb, serveDecks } from './helpers';

beforeEach(freshIndexedDb);
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createCollection', () => {
  it('loads the built-in decks, with no notice when every deck is up to date', async () => {
    serveDecks(['alpha', 'beta']);
    await createRoot(async () => {
      const collection = createCollection();
      await collection.load();
      expect(collection.error()).toBe('');
      expect(collection.state()).toBe('ready');
      expect(collection.decks().map((d) => d.id)).toEqual(['alpha', 'beta']);
      expect(collection.notice()).toBe('');
    });
  });

  it('says so when a built-in deck cannot be updated, with what to do (issue 7, point 10)', async () => {
    serveDecks(['alpha', 'beta'], { fail: (file) => file === 'beta.json' });
    await createRoot(async () => {
      const collection = createCollection();
      await collection.load();
      expect(collection.state()).toBe('ready');
      expect(collection.decks().map((d) => d.id)).toEqual(['alpha']);
      expect(collection.notice()).toMatch(/Deck beta/);
      expect(collection.notice()).toMatch(/could not be (loaded|updated)/);
      expect(collection.notice()).toMatch(/online|reload/i);
    });
  });

  it('names a full disk as the reason when a deck update fails on quota (issue 7, point 10)', async () => {
    serveDecks(['alpha']);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await createRoot(async () => {
      const collection = createCollection();
      await collection.load();
      put.mockRestore();
      expect(collection.notice()).toMatch(/out of storage space/);
      expect(collection.notice()).toMatch(/Deck alpha/);
    });
  });
});

describe('the "close other tabs" banner', () => {
  it('clears once the upgrade it waited for has succeeded (issue 7, point 10)', async () => {
    const { blocked } = await import('../../src/state/app-db');
    // An "old tab" holds version 1 open, so this tab's upgrade is blocked until it closes.
    const old = await openDB<AppDB>('sarcomet', 1, { upgrade: (db) => migrateTo1(db) });
    const opening = connection.get();
    await vi.waitFor(() => expect(blocked()).toBe(true));
    old.close();
    await opening;
    expect(blocked()).toBe(false);
  });
});
