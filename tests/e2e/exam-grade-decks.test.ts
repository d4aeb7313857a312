/**
 * Issue 12 as a learner meets it, in the production build on a phone: the optional deck "Tables, figures
 * and abbreviations" arrives out of daily study and can be turned on from Decks, and a cloze's answer side
 * highlights the words the front hid.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckRecord } from '../../src/domain/types';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const OPTIONAL = 'Tables, figures and abbreviations';

describe('exam-grade decks', () => {
  it('the optional deck starts out of daily study, and Decks turns it on', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();

    // Home lists it with a note that Study all leaves it out; no other deck has the note.
    const row = page.locator('.deck-row', { has: page.getByRole('heading', { name: OPTIONAL }) });
    await expect.poll(() => row.getByText('Not in Study all.').count()).toBe(1);
    expect(await page.getByText('Not in Study all.').count()).toBe(1);

    await page.getByRole('link', { name: 'Decks', exact: true }).tap();
    const optionalSwitch = page.getByRole('switch', { name: `In daily study: ${OPTIONAL}` });
    await optionalSwitch.waitFor();
    expect(await optionalSwitch.isChecked()).toBe(false);
    const others = page.getByRole('switch', { name: /^In daily study: / });
    expect(await others.count()).toBe(8);
    expect(
      await others.evaluateAll((inputs) => inputs.filter((i) => (i as HTMLInputElement).checked).length),
    ).toBe(7);
    let decks = await readStore<DeckRecord>(page, 'decks');
    expect(decks.filter((d) => d.paused).map((d) => d.title)).toEqual([OPTIONAL]);

    await optionalSwitch.tap();
    await page
      .getByRole('status')
      .filter({ hasText: `“${OPTIONAL}” is in daily study now.` })
      .waitFor();
    expect(await optionalSwitch.isChecked()).toBe(true);
    decks = await readStore<DeckRecord>(page, 'decks');
    expect(decks.filter((d) => d.paused)).toEqual([]);

    await page.getByRole('link', { name: 'Home', exact: true }).tap();
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await expect.poll(() => page.getByText('Not in Study all.').count()).toBe(0);

    // Paused again, Home offers to add it back in one tap.
    await page.getByRole('link', { name: 'Decks', exact: true }).tap();
    await optionalSwitch.tap();
    await page
      .getByRole('status')
      .filter({ hasText: `“${OPTIONAL}” is out of daily study.` })
      .waitFor();
    await page.getByRole('link', { name: 'Home', exact: true }).tap();
    await page.getByRole('button', { name: `Add ${OPTIONAL} to Study all` }).tap();
    await expect.poll(() => page.getByText('Not in Study all.').count()).toBe(0);
    decks = await readStore<DeckRecord>(page, 'decks');
    expect(decks.filter((d) => d.paused)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the answer side of a cloze highlights the words the front hid', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).tap();
    // The first new card of the first deck is a cloze (epidemiology's incidence).
    const front = page.locator('#card-front');
    await expect.poll(() => front.innerText()).toContain('[...]');
    const blanks = (await front.innerText()).split('[...]').length - 1;
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    const marks = page.locator('.back mark.cloze-answer');
    await expect.poll(() => marks.count()).toBe(blanks);
    for (const text of await marks.allInnerTexts()) expect(text.trim()).not.toBe('');
    const [markBg, cardBg] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('mark.cloze-answer')!).backgroundColor,
      getComputedStyle(document.querySelector('.flashcard')!).backgroundColor,
    ]);
    expect(markBg).not.toBe(cardBg);
    expect(errors).toEqual([]);
    await context.close();
  });
});
