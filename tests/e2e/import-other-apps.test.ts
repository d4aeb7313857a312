/**
 * Importing from other apps through the Decks screen's Import button, at phone size against the production
 * build: an Anki package (read in a worker with sql.js; media skipped, scheduling kept) and a Quizlet-style
 * tab-separated export.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../../src/domain/types';
import { buildApkg, SAMPLE } from '../fixtures/apkg';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.goto(`${baseUrl()}#/decks`);
  await page.getByRole('link', { name: 'MicroRNAs' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import' }).tap(),
  ]);
  await chooser.setFiles({ name, mimeType, buffer });
}

describe('import from other apps', () => {
  it('imports an Anki package with its media skipped and its reviews kept', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const bytes = await buildApkg(SAMPLE, {
      format: 'anki21b',
      media: { 'map.png': new Uint8Array([1, 2, 3]) },
    });
    await importFile(page, 'Pharm.apkg', 'application/octet-stream', Buffer.from(bytes));

    const dialog = page.getByRole('dialog', { name: /^Import “/ });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('From an Anki package');
    expect(text).toMatch(/media file/);
    // The package holds reviews: the learner chooses to keep them (the default).
    const keep = dialog.getByRole('checkbox', { name: /Keep the scheduling/ });
    expect(await keep.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Import' }).tap();
    await page.getByText(/cards? added/).waitFor();
    expect(workers.some((url) => /apkg/.test(url))).toBe(true);

    const decks = await readStore<DeckRecord>(page, 'decks');
    const imported = decks.find((deck) => !deck.builtIn)!;
    const cards = (await readStore<CardRecord>(page, 'cards')).filter((card) => card.deckId === imported.id);
    expect(cards.length).toBe(imported.cardCount);
    expect(cards.every((card) => card.markup === 'html')).toBe(true);
    const logs = await readStore<ReviewLogRecord>(page, 'review-logs');
    expect(logs.length).toBeGreaterThan(0);
    expect(cards.some((card) => card.fsrs.reps > 0)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a Quizlet export (term, tab, definition) and re-importing it duplicates nothing', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const tsv = 'Osteosarcoma\tMost common primary bone sarcoma\nEwing sarcoma\tt(11;22) translocation\n';
    await importFile(page, 'Bone sarcomas.txt', 'text/plain', Buffer.from(tsv));
    const dialog = page.getByRole('dialog', { name: 'Import “Bone sarcomas”?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('list', { name: 'What the import changes' }).innerText()).toContain(
      '2 new',
    );
    await dialog.getByRole('button', { name: 'Import' }).tap();
    await page.getByText('2 cards added, 0 updated.').waitFor();
    await page.getByRole('button', { name: 'Close' }).tap();

    await importFile(page, 'Bone sarcomas.txt', 'text/plain', Buffer.from(tsv));
    const again = page.getByRole('dialog', { name: 'Import “Bone sarcomas”?' });
    await again.waitFor();
    expect(await again.getByRole('list', { name: 'What the import changes' }).innerText()).toMatch(
      /0 new\s*0 updated\s*2 unchanged/,
    );
    await again.getByRole('button', { name: 'Import' }).tap();
    await page.getByText('0 cards added, 0 updated.').waitFor();
    const cards = (await readStore<CardRecord>(page, 'cards')).filter((card) =>
      card.front.includes('sarcoma'),
    );
    expect(cards.filter((card) => card.front === 'Osteosarcoma')).toHaveLength(1);

    // An imported card has no editor note: Edit changes its text and keeps it the same card.
    await page.getByRole('button', { name: 'Open deck' }).tap();
    await page.getByRole('button', { name: 'Edit: Osteosarcoma' }).tap();
    await page.getByLabel('Back', { exact: true }).fill('Most common primary malignant bone tumour');
    await page.getByRole('button', { name: 'Save' }).tap();
    await page.getByText('Most common primary malignant bone tumour').waitFor();
    const edited = (await readStore<CardRecord>(page, 'cards')).filter(
      (card) => card.front === 'Osteosarcoma',
    );
    expect(edited.map((card) => [card.id, card.back])).toEqual([
      [cards.find((card) => card.front === 'Osteosarcoma')!.id, 'Most common primary malignant bone tumour'],
    ]);
    await context.close();
  });
});
