import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAST_BACKUP_KEY } from '../../src/storage/meta-store';
import { liveDbName, readPointer } from '../../src/storage/live-db';
import { connection } from '../../src/state/app-db';
import { createBackup } from '../../src/state/create-backup';
import type { Collection } from '../../src/state/create-collection';
import { downloadBlob } from '../../src/state/download';
import { makeCards, seedCards } from '../storage/helpers';
import { freshIndexedDb } from './helpers';

vi.mock('../../src/state/download', () => ({ downloadBlob: vi.fn() }));

beforeEach(freshIndexedDb);
afterEach(() => vi.clearAllMocks());

/** The parts of the collection the backup state uses. */
function fakeCollection() {
  return {
    db: () => connection.get(),
    changed: vi.fn(),
    replaced: vi.fn(() => connection.close()),
  };
}

describe('createBackup', () => {
  it('backs up to a download, remembers when, and restores the file after showing what it holds', async () => {
    const collection = fakeCollection();
    await seedCards(await connection.get(), makeCards('alpha', 3));
    await createRoot(async () => {
      const backup = createBackup(collection as unknown as Collection);
      await backup.backUp();
      expect(backup.error()).toBe('');
      expect(backup.status()).toMatch(/^Backed up: sarcomet-\d{4}-\d{2}-\d{2}\.sarcomet-backup\.gz\.$/);
      expect(backup.busy()).toBeNull();
      const [blob, name] = vi.mocked(downloadBlob).mock.calls[0]!;
      expect(name).toMatch(/\.sarcomet-backup\.gz$/);
      expect(await (await connection.get()).get('meta', LAST_BACKUP_KEY)).toEqual(expect.any(Number));
      await vi.waitFor(() => expect(backup.lastBackup()).toEqual(expect.any(Number)));

      await backup.choose(new File(['hello'], 'notes.txt'));
      expect(backup.error()).toMatch(/not a SarcoMet backup, or it is damaged/);
      expect(backup.pending()).toBeNull();

      await backup.choose(new File([blob], name));
      expect(backup.error()).toBe('');
      expect(backup.pending()?.header.counts).toMatchObject({ cards: 3, decks: 0, 'review-logs': 0 });
      await backup.confirm();
      expect(backup.error()).toBe('');
      expect(collection.replaced).toHaveBeenCalledTimes(1);
      expect(await liveDbName()).toMatch(/^sarcomet-restore-/);
      expect((await readPointer()).restorePoints[0]?.label).toMatch(/^Before restoring the backup of /);
    });
  });
});
