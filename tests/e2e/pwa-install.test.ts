/**
 * Installing: iOS Safari gets a one-time Add to Home Screen hint with the steps (and nothing once installed);
 * Chromium's `beforeinstallprompt` becomes an "Install app" button that opens the browser's dialog.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phoneContext, IPHONE_SAFARI } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const iphone = () => phoneContext(browser, { userAgent: IPHONE_SAFARI });

describe('install', () => {
  it('iOS Safari shows the Add to Home Screen steps once; dismissing is remembered', async () => {
    const context = await iphone();
    const page = await context.newPage();
    await page.goto(baseUrl());
    const hint = page.getByRole('complementary', { name: 'Add to Home Screen' });
    await hint.waitFor();
    const steps = await hint.getByRole('listitem').allInnerTexts();
    expect(steps[0]).toMatch(/Tap Share/);
    expect(steps[1]).toMatch(/Add to Home Screen/);
    expect(await page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
    await hint.getByRole('button', { name: 'Got it' }).tap();
    await expect.poll(() => hint.count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    expect(await hint.count()).toBe(0);
    await context.close();
  });

  it('iOS shows no hint when the app already runs from the Home Screen', async () => {
    const context = await iphone();
    await context.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('complementary', { name: 'Add to Home Screen' }).count()).toBe(0);
    await context.close();
  });

  it('beforeinstallprompt shows "Install app", which opens the browser prompt', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
    expect(await page.getByRole('complementary', { name: 'Add to Home Screen' }).count()).toBe(0);
    const defaultPrevented = await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => {
          (window as unknown as { prompted: boolean }).prompted = true;
        },
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(defaultPrevented).toBe(true);
    await page.getByRole('button', { name: 'Install app' }).tap();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted))
      .toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
    await context.close();
  });
});
