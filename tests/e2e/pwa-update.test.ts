/**
 * The update flow: version 1 is installed and a review is in progress when version 2 is deployed on the same
 * origin. The app offers "Update available · Reload" without reloading by itself; the user finishes the card,
 * taps Reload, and version 2 runs with every review kept.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, readStore } from './browser';
import { openControlledApp } from './actions';
import { buildVersion, removeBuilds } from './builds';
import { startPreview, type PreviewServer } from './server';

const PORT = 4184;
const V1 = 'dist-e2e-v1';
const V2 = 'dist-e2e-v2';

let browser: Browser;
let server: PreviewServer | undefined;
beforeAll(async () => {
  buildVersion(V1, 'e2e-v1');
  buildVersion(V2, 'e2e-v2');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeBuilds(V1, V2);
});

async function versionShown(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Settings' }).tap();
  return page.getByText(/^Version /).innerText();
}

describe('updating to a new version', () => {
  it('offers Reload mid-review without reloading, and keeps every review after the update', async () => {
    server = await startPreview(V1, PORT);
    const { context, page, errors } = await openControlledApp(browser, server.url);
    expect(await versionShown(page)).toBe('Version e2e-v1');

    // One review done, the next card's answer on screen: the middle of a review.
    await page.goto(`${server.url}#/study`);
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    await page.getByRole('button', { name: /^Good/ }).tap();
    await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(1);
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    await page.locator('details.source summary').tap();
    const front = await page.locator('#card-front').innerText();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // Version 2 is deployed on the same origin; the app checks for updates (as on its hourly timer).
    await server.stop();
    server = await startPreview(V2, PORT);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Update available' }).count()).toBe(1);

    // Nothing was interrupted: same page, same card, answer and source still open.
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(await page.locator('#card-front').innerText()).toBe(front);
    expect(await page.getByRole('region', { name: 'Answer' }).isVisible()).toBe(true);
    expect(await page.locator('details.source').getAttribute('open')).not.toBeNull();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    await page.getByRole('button', { name: /^Good/ }).tap();
    await expect.poll(async () => (await readStore(page, 'review-logs')).length).toBe(2);

    await Promise.all([page.waitForEvent('load'), reload.tap()]);
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      undefined,
    );
    expect(await versionShown(page)).toBe('Version e2e-v2');
    expect(await page.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    const logs = await readStore(page, 'review-logs');
    expect(logs).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
