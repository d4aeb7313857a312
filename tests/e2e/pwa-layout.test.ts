/**
 * Mobile-first layout on the production build: no horizontal overflow from 320 px phones to a desktop, grade
 * buttons at least 44 px square, no layout shift while the app starts, reduced motion respected, the theme
 * following the system unless overridden, and system fonts only.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phoneContext } from './browser';

const WIDTHS = [320, 360, 390, 430, 768, 1280];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Elements wider than the viewport, or sticking out of it (text that does not wrap, fixed widths). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page ${document.documentElement.scrollWidth}`);
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.closest('.visually-hidden, .skip-link')) continue;
      if (box.right > width + 0.5 || box.left < -0.5)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}..${Math.round(box.right)}`,
        );
    }
    return out;
  });
}

async function checkWidths(page: Page, screen: string, problems: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 700 ? 740 : 900 });
    for (const p of await overflow(page)) problems.push(`${screen} @${width}: ${p}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

describe('layout', () => {
  it('nothing overflows horizontally at 320-430 px, tablet and desktop widths; grade buttons are ≥ 44 px', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await checkWidths(page, 'home', problems);
    await page.getByRole('button', { name: /^Study all/ }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await checkWidths(page, 'study question', problems);
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    await page.locator('details.source summary').tap();
    await checkWidths(page, 'study answer', problems);

    const grades = page.getByRole('group', { name: 'Grade your answer' }).getByRole('button');
    expect(await grades.count()).toBe(4);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 740 });
      for (const button of await grades.all()) {
        const box = await button.boundingBox();
        expect(box?.width, `grade button width @${width}`).toBeGreaterThanOrEqual(44);
        expect(box?.height, `grade button height @${width}`).toBeGreaterThanOrEqual(44);
      }
    }
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByRole('link', { name: 'Decks' }).tap();
    await page.locator('.deck-list a').first().waitFor();
    await checkWidths(page, 'decks', problems);
    await page.locator('.deck-list a').first().tap();
    await page.getByRole('searchbox').waitFor();
    await checkWidths(page, 'deck browser', problems);
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByText(/^Used/).waitFor();
    await checkWidths(page, 'settings', problems);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starting the app and showing the first card shifts nothing', async () => {
    const context = await phoneContext(browser, { serviceWorkers: 'allow' });
    await context.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
          w.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/study`);
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
    // Again with the service worker serving the app.
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
    await context.close();
  });

  it('respects prefers-reduced-motion', async () => {
    const duration = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(baseUrl());
      const button = page.getByRole('button', { name: /^Study all/ });
      const value = await button.evaluate((el) => getComputedStyle(el).transitionDuration);
      await context.close();
      return value;
    };
    expect(await duration('no-preference')).not.toMatch(/^0s(, 0s)*$/);
    expect(await duration('reduce')).toMatch(/^0s(, 0s)*$/);
  });

  it('follows the system theme unless Settings overrides it, with system fonts and no web fonts', async () => {
    const context = await phoneContext(browser, { colorScheme: 'dark' });
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'font') fonts.push(r.url());
    });
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(18, 20, 26)');
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByLabel('Theme').selectOption('light');
    await page.getByRole('button', { name: 'Save settings' }).tap();
    await expect.poll(background).toBe('rgb(246, 247, 251)');
    await page.reload();
    await expect.poll(background).toBe('rgb(246, 247, 251)');
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family.startsWith('system-ui')).toBe(true);
    expect(fonts).toEqual([]);
    await context.close();
  });
});
