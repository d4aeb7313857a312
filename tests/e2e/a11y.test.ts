/**
 * Accessibility on the production build: axe finds no WCAG 2.2 AA violation on any screen, in the light and
 * the dark theme (with the service worker's toast on screen), and studying works with the keyboard alone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/types';
import { violations } from './axe';
import { baseUrl, launch, phoneContext, readStore } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no violations on any screen in the ${scheme} theme`, async () => {
      const context = await phoneContext(browser, { colorScheme: scheme, serviceWorkers: 'allow' });
      const page = await context.newPage();
      const found: string[] = [];
      await page.goto(baseUrl());
      await page.getByRole('button', { name: /^Study all/ }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: 'Ready to work offline' })
        .waitFor({ timeout: 30_000 });
      found.push(...(await violations(page, 'home')));

      await page.getByRole('button', { name: /^Study all/ }).tap();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      found.push(...(await violations(page, 'study question')));
      await page.getByRole('button', { name: /^Show answer/ }).tap();
      await page.locator('details.source summary').tap();
      await page.locator('details.source blockquote').waitFor();
      found.push(...(await violations(page, 'study answer')));
      await page.getByRole('button', { name: /^Easy/ }).tap();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();

      await page.getByRole('link', { name: 'Decks' }).tap();
      await page.getByRole('heading', { name: 'Decks' }).waitFor();
      found.push(...(await violations(page, 'decks')));
      await page.locator('.deck-list a').first().tap();
      await page.getByRole('searchbox').waitFor();
      found.push(...(await violations(page, 'deck browser')));

      await page.getByRole('link', { name: 'Settings' }).tap();
      await page.getByRole('heading', { name: 'Storage' }).waitFor();
      await page.getByText(/^Used/).waitFor();
      found.push(...(await violations(page, 'settings')));

      // The done screen: no new cards today, and the one card studied is due in days.
      await page.getByLabel('New cards per day').fill('0');
      await page.getByRole('button', { name: 'Save settings' }).tap();
      await page.getByText('Settings saved.').waitFor();
      // "Ready to work offline" goes away by itself after a few seconds.
      await page.getByText('Ready to work offline').waitFor({ state: 'hidden', timeout: 15_000 });
      await page.getByRole('link', { name: 'Home' }).tap();
      await page.getByRole('button', { name: /^Study all/ }).tap();
      await page.getByText('All done for now').waitFor();
      found.push(...(await violations(page, 'done')));
      expect(found).toEqual([]);
      await context.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no violations in making and importing decks in the ${scheme} theme`, async () => {
      const context = await phoneContext(browser, { colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      await page.goto(`${baseUrl()}#/decks`);
      await page.getByRole('link', { name: 'MicroRNAs' }).waitFor();
      await page.getByRole('button', { name: 'New deck' }).tap();
      await page.getByLabel('Name').fill('Journal club');
      found.push(...(await violations(page, 'new deck dialog')));
      await page.getByRole('button', { name: 'Create deck' }).tap();
      await page.getByText('No cards yet').waitFor();
      found.push(...(await violations(page, 'empty custom deck')));

      await page.getByRole('button', { name: 'Add card' }).tap();
      await page.getByLabel('Card type').selectOption({ label: 'Multiple choice' });
      await page.getByLabel('Question').fill('Which **one**?');
      await page.getByLabel('Option 1', { exact: true }).fill('A');
      await page.getByLabel('Option 2', { exact: true }).fill('B');
      found.push(...(await violations(page, 'editor, multiple choice')));
      await page.getByLabel('Card type').selectOption({ label: 'Cloze' });
      await page.locator('#note-front').fill('{{c1::Osteosarcoma}} is most common');
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await page.getByText('1 of 1 cards').waitFor();
      found.push(...(await violations(page, 'custom deck with a card')));

      await page.getByRole('button', { name: 'Export' }).tap();
      found.push(...(await violations(page, 'export dialog')));
      await page.getByRole('button', { name: 'Cancel' }).tap();

      await page.getByRole('link', { name: 'Decks' }).tap();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Import' }).tap(),
      ]);
      await chooser.setFiles({
        name: 'bones.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Front\tBack\n'),
      });
      await page.getByRole('dialog', { name: 'Import “bones”?' }).waitFor();
      found.push(...(await violations(page, 'import preview')));
      await page.getByRole('button', { name: 'Cancel' }).tap();
      expect(found).toEqual([]);
      await context.close();
    });
  }

  it('axe finds no violations in the install hints and the update prompt', async () => {
    const found: string[] = [];
    const ios = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
      colorScheme: 'dark',
    });
    const page = await ios.newPage();
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Add to Home Screen' }).waitFor();
    found.push(...(await violations(page, 'ios hint (dark)')));
    await ios.close();

    const context = await phoneContext(browser);
    const chrome = await context.newPage();
    await chrome.goto(baseUrl());
    await chrome.getByRole('button', { name: /^Study all/ }).waitFor();
    await chrome.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => Promise.resolve(),
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      });
      window.dispatchEvent(event);
    });
    await chrome.getByRole('button', { name: 'Install app' }).waitFor();
    found.push(...(await violations(chrome, 'install prompt (light)')));
    await context.close();
    expect(found).toEqual([]);
  });

  it('studies with the keyboard alone: Tab to Study all, Space shows the answer, 1-4 grade', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let i = 0; i < 10 && (await focused()) !== 'Study all'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Study all');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();

    const grades = ['3', '4', '1', '2'];
    for (const [i, key] of grades.entries()) {
      await page.keyboard.press('Space');
      await page.getByRole('group', { name: 'Grade your answer' }).waitFor();
      await page.keyboard.press(key);
      await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(i + 1);
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    }
    const logs = (await readStore<ReviewLogRecord>(page, 'review-logs')).sort((a, b) => a.time - b.time);
    expect(logs.map((l) => l.grade)).toEqual([3, 4, 1, 2]);

    // Flipping the card is announced through the polite live region.
    await page.keyboard.press('Space');
    const live = page.locator('[aria-live="polite"]');
    await expect.poll(() => live.innerText()).toMatch(/^Answer: \S/);
    expect(await live.getAttribute('aria-atomic')).toBe('true');
    await context.close();
  });
});
