/**
 * Settings → Backup on a phone: study, back up (the downloaded file), then restore it on a fresh device
 * (a new browser context) and find the same collection there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from './actions';
import { baseUrl, launch, phoneContext, watchErrors } from './browser';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'sarcomet-backup-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Counts of the live collection, read from the page through the pointer as the app does. */
function liveCounts(page: Page): Promise<{ name: string; cards: number; logs: number }> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const pointerDb = await request(indexedDB.open('sarcomet-pointer'));
    const pointer = pointerDb.objectStoreNames.contains('pointer')
      ? ((await request(pointerDb.transaction('pointer').objectStore('pointer').get('live'))) as
          { live: string } | undefined)
      : undefined;
    pointerDb.close();
    const name = pointer?.live ?? 'sarcomet';
    const db = await request(indexedDB.open(name));
    const tx = db.transaction(['cards', 'review-logs']);
    const [cards, logs] = await Promise.all([
      request(tx.objectStore('cards').count()),
      request(tx.objectStore('review-logs').count()),
    ]);
    db.close();
    return { name, cards, logs };
  });
}

/** A phone without the File System Access save picker, as on Android and iOS: the backup downloads. */
async function phone(colorScheme: 'light' | 'dark' = 'light') {
  const context = await phoneContext(browser, { colorScheme });
  await context.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

describe('backup and restore', () => {
  it('backs up after studying, and a fresh device restored from the file holds the same collection, in every tab', async () => {
    const a = await phone();
    await a.page.goto(`${baseUrl()}#/study`);
    await answer(a.page, 'Good');
    await answer(a.page, 'Again');
    const before = await liveCounts(a.page);
    expect(before.logs).toBe(2);

    // Home reminds: there are reviews and never a backup.
    await a.page.goto(baseUrl());
    await a.page.getByText('Back up your collection.').waitFor();
    await a.page.getByRole('button', { name: 'Back up now' }).tap();
    await expect.poll(() => a.page.evaluate(() => location.hash)).toBe('#/settings');
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.textContent)).toBe('Back up now');
    const downloading = a.page.waitForEvent('download');
    await a.page.getByRole('button', { name: 'Back up now' }).tap();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^sarcomet-\d{4}-\d{2}-\d{2}\.sarcomet-backup\.gz$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await a.page
      .getByRole('status')
      .filter({ hasText: /^Backed up: / })
      .waitFor();
    await expect.poll(() => a.page.getByText(/^.*Last backup: /).count()).toBe(1);

    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { format: string; counts: Record<string, number> };
    expect(header.format).toBe('sarcomet-backup');
    expect(header.counts).toMatchObject({ cards: before.cards, 'review-logs': 2 });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: 'sarcomet-backup', counts: header.counts });

    // Backed up: Home no longer reminds.
    await a.page.getByRole('link', { name: 'Home' }).tap();
    await a.page.getByRole('button', { name: /^Study all/ }).waitFor();
    expect(await a.page.getByText('Back up your collection.').count()).toBe(0);
    expect(a.errors).toEqual([]);
    await a.context.close();

    // A fresh device: the built-in decks, no reviews.
    const b = await phone('dark');
    await b.page.goto(baseUrl());
    await b.page.getByText('Nothing studied yet today.').waitFor();
    await b.page.getByRole('link', { name: 'Settings' }).tap();

    // A file that is not a backup is refused in words, and nothing changes.
    const junk = join(dir, 'notes.txt');
    writeFileSync(junk, 'my notes');
    let chooser = b.page.waitForEvent('filechooser');
    await b.page.getByRole('button', { name: 'Restore from backup' }).tap();
    await (await chooser).setFiles(junk);
    await b.page.getByRole('alert').filter({ hasText: 'This file is not a SarcoMet backup' }).waitFor();

    chooser = b.page.waitForEvent('filechooser');
    await b.page.getByRole('button', { name: 'Restore from backup' }).tap();
    await (await chooser).setFiles(file);
    await b.page.getByRole('heading', { name: 'Restore this backup?' }).waitFor();
    const facts = await b.page.locator('.backup-confirm dd').allInnerTexts();
    expect(facts.slice(1)).toEqual(['8', before.cards.toLocaleString('en-US'), '2']);
    // The section with its confirmation passes axe in the dark theme.
    const axe = await new AxeBuilder({ page: b.page })
      .include('.backup-panel')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    // Another tab of the same device, on Home: it is told and reloads onto the restored collection too.
    const other = await b.context.newPage();
    const otherErrors = watchErrors(other);
    await other.goto(baseUrl());
    await other.getByText('Nothing studied yet today.').waitFor();
    await b.page.getByRole('button', { name: 'Replace my collection' }).tap();

    // The page reloads onto the restored collection, still in Settings, which lists the one it replaced.
    const restorePoint = b.page.getByRole('button', { name: /^Bring back: Before restoring the backup of / });
    await restorePoint.waitFor();
    await expect.poll(() => b.page.locator('.restore-points').innerText()).toMatch(/0 reviews/);
    const after = await liveCounts(b.page);
    expect(after).toMatchObject({ cards: before.cards, logs: 2 });
    expect(after.name).toMatch(/^sarcomet-restore-/);
    await b.page.getByRole('link', { name: 'Home' }).tap();
    await b.page.getByText('2 answers so far today.').waitFor();
    await other.getByText('2 answers so far today.').waitFor();
    expect(otherErrors).toEqual([]);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
});
