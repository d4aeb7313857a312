/**
 * Sharing a deck: the share dialog's link (copied, and as a QR code), the file (share sheet, download, with
 * and without scheduling; the only offer for a deck too large for a link), and the link opened on another
 * device (a fresh browser context), imported and studied there.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECK_LIMITS, type DeckFile } from '../../src/domain/deck-format';
import type { CardRecord, ReviewLogRecord } from '../../src/domain/types';
import { incompressibleText } from '../domain/fixtures';
import { answer } from './actions';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';
import { importFromLink, shareUrlOf } from './share-actions';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DECK: DeckFile = {
  format: 'sarcomet-deck',
  version: 1,
  id: 'shared-pathology',
  title: 'Shared pathology',
  description: 'A small deck passed between two phones.',
  language: 'en',
  tags: ['shared'],
  cards: [
    {
      id: 'gbm:qa',
      factId: 'gbm',
      kind: 'qa',
      markup: 'markdown',
      front: 'Which **marker** is stained?',
      back: 'GFAP, in *most* cases',
      tags: [],
    },
    {
      id: 'os:qa',
      factId: 'os',
      kind: 'qa',
      front: 'Most common primary bone sarcoma?',
      back: 'Osteosarcoma',
      tags: [],
    },
  ],
};

/** Saves the file the dialog offers and returns its name and deck. */
async function download(page: Page): Promise<{ name: string; deck: DeckFile }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog').getByRole('button', { name: 'Download file' }).tap(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), deck: JSON.parse(await readFile(path, 'utf8')) as DeckFile };
}

describe('sharing a deck', () => {
  it('gives a link that another device opens, imports and studies', async () => {
    const sender = await phoneContext(browser);
    await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
    // A share sheet that takes only text files, as some Android targets do, and records what it got.
    await sender.addInitScript(() => {
      const w = window as unknown as { __shared: unknown[] };
      w.__shared = [];
      navigator.canShare = (data?: ShareData) => (data?.files ?? []).every((f) => f.type === 'text/plain');
      navigator.share = async (data?: ShareData) => {
        const files = await Promise.all(
          (data?.files ?? []).map(async (f) => ({ name: f.name, type: f.type, text: await f.text() })),
        );
        w.__shared.push({ files, url: data?.url });
      };
    });
    const page = await sender.newPage();
    const errors = watchErrors(page);
    await importFromLink(page, shareUrlOf(DECK), DECK.title);
    // Study one card here, so the sender has scheduling to include or leave out.
    await page.getByRole('button', { name: 'Study', exact: true }).tap();
    await answer(page, 'Good');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: DECK.title }).waitFor();

    const shareButton = page.getByRole('button', { name: 'Share', exact: true });
    await shareButton.tap();
    const dialog = page.getByRole('dialog', { name: `Share “${DECK.title}”` });
    const linkBox = dialog.getByRole('textbox', { name: 'Share link' });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(/#deck=1\.[A-Za-z0-9_-]+$/);
    await dialog.getByRole('img', { name: `QR code of the link to “${DECK.title}”` }).waitFor();

    await dialog.getByRole('button', { name: 'Copy link' }).tap();
    await dialog.getByText('Link copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The file, without and then with the sender's scheduling.
    const plain = await download(page);
    expect(plain.name).toBe('shared-pathology.sarcomet.json');
    expect(plain.deck.cards.map((c) => c.id).sort()).toEqual(['gbm:qa', 'os:qa']);
    expect(plain.deck.cards.some((c) => c.schedule || c.history)).toBe(false);
    await dialog.getByRole('checkbox', { name: /Include my scheduling/ }).tap();
    await expect.poll(async () => (await download(page)).deck.cards.every((c) => c.schedule)).toBe(true);

    // The share sheet refuses JSON here, so the file goes as text, with the same deck.
    await dialog.getByRole('checkbox', { name: /Include my scheduling/ }).tap();
    await dialog.getByRole('button', { name: 'Share…' }).tap();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length))
      .toBe(1);
    const [shared] = await page.evaluate(
      () =>
        (window as unknown as { __shared: { files: { name: string; type: string; text: string }[] }[] })
          .__shared,
    );
    expect(shared!.files.map((f) => [f.name, f.type])).toEqual([
      ['shared-pathology.sarcomet.txt', 'text/plain'],
    ]);
    expect((JSON.parse(shared!.files[0]!.text) as DeckFile).cards).toEqual(plain.deck.cards);

    // Escape closes the dialog and gives focus back to Share.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await shareButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);

    // Another phone opens the link: the preview, the import, the deck, a review.
    const receiver = await phoneContext(browser);
    const other = await receiver.newPage();
    const otherErrors = watchErrors(other);
    await importFromLink(other, link, DECK.title);
    // The sender's scheduling did not travel with the link: every card is new here.
    const received = (await readStore<CardRecord>(other, 'cards')).filter((c) => c.deckId === DECK.id);
    expect(received.map((c) => [c.id, c.fsrs.reps, c.fsrs.state])).toEqual(
      expect.arrayContaining([
        ['gbm:qa', 0, 0],
        ['os:qa', 0, 0],
      ]),
    );
    expect(received).toHaveLength(2);
    await other.getByRole('button', { name: 'Study', exact: true }).tap();
    const front = await answer(other, 'Good');
    expect(['Which marker is stained?', 'Most common primary bone sarcoma?']).toContain(front.trim());
    const logs = await readStore<ReviewLogRecord>(other, 'review-logs');
    expect(logs.map((l) => l.cardId)).toHaveLength(1);
    expect(['gbm:qa', 'os:qa']).toContain(logs[0]!.cardId);

    // A reload does not offer the deck again: the fragment was replaced.
    await other.reload();
    await other.getByRole('heading', { level: 1 }).first().waitFor();
    expect(new URL(other.url()).hash).not.toContain('deck=');
    expect(await other.getByRole('dialog').count()).toBe(0);
    expect(otherErrors).toEqual([]);
    await sender.close();
    await receiver.close();
  });

  it('says plainly when a link is damaged, and changes nothing', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const link = shareUrlOf(DECK);
    await page.goto(link.slice(0, -12));
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').innerText()).toBe(
      'This share link is damaged or incomplete — ask for the link again, or for the deck file.',
    );
    await dialog.getByText('Your collection was not changed.').waitFor();
    expect(new URL(page.url()).hash).toBe('#/decks');
    await context.close();
  });

  it('offers the file, plainly, when a deck is too large for a link', async () => {
    const big: DeckFile = {
      ...DECK,
      id: 'big-atlas',
      title: 'Big atlas',
      // Text that does not compress, in words short enough to wrap on a phone.
      cards: Array.from({ length: 130 }, (_, i) => ({
        id: `atlas-${i}:qa`,
        factId: `atlas-${i}`,
        kind: 'qa' as const,
        front: incompressibleText(DECK_LIMITS.maxTextLength, i + 1)
          .replace(/(.{9})/g, '$1 ')
          .slice(0, DECK_LIMITS.maxTextLength),
        back: `Plate ${i}`,
        tags: [],
      })),
    };
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/decks`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import' }).tap(),
    ]);
    await chooser.setFiles({
      name: 'big.sarcomet.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(big)),
    });
    const importDialog = page.getByRole('dialog');
    await importDialog.getByRole('button', { name: 'Import', exact: true }).tap();
    await importDialog.getByRole('button', { name: 'Open deck' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Big atlas' }).waitFor();

    await page.getByRole('button', { name: 'Share', exact: true }).tap();
    const dialog = page.getByRole('dialog', { name: 'Share “Big atlas”' });
    await dialog.getByRole('heading', { name: 'File' }).waitFor();
    await dialog
      .getByText(/^This deck is too large for a link: it would be about \d\.\d MB long\./)
      .waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Share link' }).count()).toBe(0);
    expect(await dialog.getByRole('img', { name: /^QR code/ }).count()).toBe(0);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download file' }).tap(),
    ]);
    expect(file.suggestedFilename()).toBe('big-atlas.sarcomet.json');
    const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as DeckFile;
    expect(saved.cards).toHaveLength(130);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the share dialog and a formatted card pass axe in the ${scheme} theme`, async () => {
      const context = await phoneContext(browser, { colorScheme: scheme });
      const page = await context.newPage();
      await importFromLink(page, shareUrlOf(DECK), DECK.title);
      await page.getByRole('button', { name: 'Share', exact: true }).tap();
      const dialog = page.getByRole('dialog', { name: `Share “${DECK.title}”` });
      await dialog.getByRole('img', { name: /^QR code/ }).waitFor();
      const axe = () =>
        new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const summary = (result: Awaited<ReturnType<typeof axe>>) =>
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.waitForTimeout(200);
      expect(summary(await axe())).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Study', exact: true }).tap();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      await page.getByRole('button', { name: /^Show answer/ }).tap();
      await page.waitForTimeout(200);
      expect(summary(await axe())).toEqual([]);
      await context.close();
    });
  }
});
