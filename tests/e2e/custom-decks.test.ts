/**
 * Custom decks as a learner makes and shares them, at phone size against the production build: create a
 * deck, write three cards in the editor, export the file, import it in a fresh browser and study it.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRecord, DeckRecord } from '../../src/domain/types';
import { answer } from './actions';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the Decks screen once the built-in decks are there. */
async function decksScreen(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}#/decks`);
  await page.getByRole('link', { name: 'MicroRNAs' }).waitFor();
}

async function fillNote(page: Page, type: string, front: string, back: string): Promise<void> {
  await page.getByLabel('Card type').selectOption({ label: type });
  await page.locator('#note-front').fill(front);
  await page.locator('#note-back').fill(back);
}

describe('custom decks', () => {
  it('are made in the editor, exported, imported in a fresh browser and studied', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await decksScreen(page);

    await page.getByRole('button', { name: 'New deck' }).tap();
    await page.getByLabel('Name').fill('Journal club');
    await page.getByRole('button', { name: 'Create deck' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Journal club' }).waitFor();
    await expect.poll(() => page.getByText('No cards yet').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Add card' }).tap();
    await fillNote(page, 'Basic', 'Which sarcoma is most common in **children**?', 'Rhabdomyosarcoma');
    // The preview shows the card as it will be saved.
    await expect.poll(() => page.locator('.preview-cards li').count()).toBe(1);
    await page.getByRole('button', { name: 'Save and add another' }).tap();
    await page.getByText('Saved 1 card. Add the next one.').waitFor();

    await fillNote(
      page,
      'Cloze',
      'SRS dose is {{c1::15-24 Gy}} for lesions up to {{c2::3 cm::size}}',
      'RTOG 90-05',
    );
    await expect.poll(() => page.locator('.preview-cards li').count()).toBe(2);
    await expect.poll(() => page.locator('.preview-cards li').first().innerText()).toContain('[...]');
    await page.getByRole('button', { name: 'Save', exact: true }).tap();

    await page.getByText('3 of 3 cards').waitFor();
    const decks = await readStore<DeckRecord>(page, 'decks');
    const deck = decks.find((d) => d.title === 'Journal club')!;
    expect(deck).toMatchObject({ builtIn: false, cardCount: 3 });

    await page.getByRole('button', { name: 'Export' }).tap();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download file' }).tap(),
    ]);
    expect(download.suggestedFilename()).toBe('journal-club.sarcomet.json');
    // The download goes away with its context: keep its bytes.
    const exported = await readFile(await download.path());
    expect(JSON.parse(exported.toString('utf8'))).toMatchObject({
      format: 'sarcomet-deck',
      title: 'Journal club',
    });
    expect(errors).toEqual([]);
    await context.close();

    // A fresh browser: import the file through the Import button's file picker.
    const other = await phoneContext(browser);
    const fresh = await other.newPage();
    const freshErrors = watchErrors(fresh);
    await decksScreen(fresh);
    const [chooser] = await Promise.all([
      fresh.waitForEvent('filechooser'),
      fresh.getByRole('button', { name: 'Import' }).tap(),
    ]);
    await chooser.setFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: exported,
    });
    const dialog = fresh.getByRole('dialog', { name: 'Import “Journal club”?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('3 cards');
    expect(await dialog.getByRole('list', { name: 'What the import changes' }).innerText()).toContain(
      '3 new',
    );
    await dialog.getByRole('button', { name: 'Import' }).tap();
    await fresh.getByText('3 cards added, 0 updated.').waitFor();
    await fresh.getByRole('button', { name: 'Open deck' }).tap();
    await fresh.getByText('3 of 3 cards').waitFor();

    await fresh.getByRole('button', { name: 'Study' }).tap();
    const front = await answer(fresh, 'Good');
    expect(front).toMatch(/children|SRS dose/);
    const cards = await readStore<CardRecord>(fresh, 'cards');
    expect(cards.filter((card) => card.deckId === deck.id)).toHaveLength(3);
    expect(freshErrors).toEqual([]);
    await other.close();
  });

  it('imports a deck file dropped on the Decks screen', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await decksScreen(page);
    const deck = {
      format: 'sarcomet-deck',
      version: 1,
      id: 'dropped',
      title: 'Dropped deck',
      description: '',
      language: 'en',
      tags: [],
      cards: [{ id: 'dropped:1', factId: 'dropped-1', kind: 'qa', front: 'Q?', back: 'A', tags: [] }],
    };
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.sarcomet.json', { type: 'application/json' }));
      return data;
    }, JSON.stringify(deck));
    const main = page.locator('main');
    await main.dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByText('Drop the file to import it').waitFor();
    await main.dispatchEvent('drop', { dataTransfer: transfer });
    const dialog = page.getByRole('dialog', { name: 'Import “Dropped deck”?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Import' }).tap();
    await page.getByText('1 card added, 0 updated.').waitFor();
    expect((await readStore<DeckRecord>(page, 'decks')).map((d) => d.id)).toContain('dropped');
    await context.close();
  });

  it('rejects a damaged file with a message and leaves the collection as it was', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await decksScreen(page);
    const before = await readStore<DeckRecord>(page, 'decks');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import' }).tap(),
    ]);
    await chooser.setFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"sarcomet-deck","version":1,"id":"x","cards":[{"id":'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/invalid or cut off/);
    await page.getByRole('button', { name: 'Close' }).tap();
    expect(await readStore<DeckRecord>(page, 'decks')).toEqual(before);
    await context.close();
  });
});
