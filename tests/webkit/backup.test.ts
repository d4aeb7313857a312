/**
 * Backup and restore in WebKit, at phone size against the production build: "Back up now" streams the
 * collection through WebKit's gzip into a file; after one more review, "Restore from backup" with that file
 * replaces the collection (a new database made live by the pointer flip) and the extra review is gone.
 */
import { describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/types';
import { answer, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tapRole, type Browser } from './webkit';

const url = baseUrl();
const session = useSessions();

/** Keeps every Blob the page offers as a download, so the test can hand the backup back to the app. */
async function captureDownloads(b: Browser): Promise<void> {
  await b.execute(() => {
    const w = window as unknown as { __downloads: Blob[] };
    w.__downloads = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) w.__downloads.push(blob);
      return original(blob);
    };
  });
}

const logCount = async (b: Browser) => (await readStore<ReviewLogRecord>(b, 'review-logs')).length;

describe('backup in WebKit', () => {
  it('backs up, and a restore brings the collection back as it was at the backup', async () => {
    const b = await session();
    await openApp(b, url);
    await tapRole(b, 'button', /^Study all/);
    await answer(b, 'Good');
    await answer(b, 'Again');
    expect(await logCount(b)).toBe(2);

    await b.url(`${url}#/settings`);
    await getByRole(b, 'button', 'Back up now');
    await captureDownloads(b);
    await tapRole(b, 'button', 'Back up now');
    await getByText(b, 'Last backup:');
    const size = await b.execute(
      () => (window as unknown as { __downloads: Blob[] }).__downloads[0]?.size ?? 0,
    );
    expect(size).toBeGreaterThan(1000);

    // One more review after the backup: the restore must take it away again.
    await b.url(`${url}#/study`);
    await answer(b, 'Good');
    expect(await logCount(b)).toBe(3);

    await b.url(`${url}#/settings`);
    await getByRole(b, 'button', 'Restore from backup');
    await b.execute(() => {
      const blob = (window as unknown as { __downloads: Blob[] }).__downloads[0]!;
      const input = document.querySelector<HTMLInputElement>('.backup-actions input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'sarcomet.sarcomet-backup.gz', { type: 'application/gzip' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await getByRole(b, 'heading', 'Restore this backup?');
    expect((await b.$('.backup-confirm dl').getText()).replace(/\s+/g, ' ')).toMatch(/Reviews\s*2(?!\d)/);
    await tapRole(b, 'button', 'Replace my collection');
    await getByRole(b, 'button', /^Bring back: /);
    await b.waitUntil(async () => (await logCount(b)) === 2, {
      timeout: 30_000,
      timeoutMsg: 'the restored collection does not hold the 2 reviews of the backup',
    });
    expect(await pageErrors(b)).toEqual([]);
  });
});
