/**
 * Installability: the web app manifest's fields, its icons (every URL answers 200 with a PNG of the declared
 * size), the iOS tags in index.html, and Chromium's own installability check.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phoneContext } from './browser';

interface Manifest {
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function fetchPng(url: string) {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^image\/png/);
  return pngSize(new Uint8Array(await response.arrayBuffer()));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('web app manifest', () => {
  it('is linked from index.html and has the fields an installable app needs', async () => {
    const html = await (await fetch(baseUrl())).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const url = new URL(href ?? '', baseUrl());
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'SarcoMet',
      short_name: 'SarcoMet',
      display: 'standalone',
      theme_color: '#f6f7fb',
      background_color: '#f6f7fb',
    });
    expect(manifest.description.length).toBeGreaterThan(10);
    // start_url and scope resolve to the app's root.
    expect(new URL(manifest.start_url, url).href).toBe(baseUrl());
    expect(new URL(manifest.scope, url).href).toBe(baseUrl());

    const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort();
    expect(purposes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(icon.type).toBe('image/png');
      expect(await fetchPng(new URL(icon.src, url).href)).toEqual({ width, height });
    }
  });

  it('index.html has the apple-touch-icon, the iOS tags and theme colours for both schemes', async () => {
    const html = await (await fetch(baseUrl())).text();
    const meta = (name: string) => new RegExp(`<meta name="${name}" content="([^"]+)"`).exec(html)?.[1];
    expect(meta('apple-mobile-web-app-capable')).toBe('yes');
    expect(meta('apple-mobile-web-app-status-bar-style')).toBe('default');
    expect(meta('apple-mobile-web-app-title')).toBe('SarcoMet');
    expect(html).toMatch(
      /<meta name="theme-color" content="#f6f7fb" media="\(prefers-color-scheme: light\)"/,
    );
    expect(html).toMatch(/<meta name="theme-color" content="#12141a" media="\(prefers-color-scheme: dark\)"/);
    const touchIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(touchIcon).toBeDefined();
    expect(await fetchPng(new URL(touchIcon ?? '', baseUrl()).href)).toEqual({ width: 180, height: 180 });
  });

  it('Chromium reports no installability errors', async () => {
    const context = await phoneContext(browser, { serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are off-the-record; that is the browser profile, not the app.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
    expect(errors).toEqual([]);
    await context.close();
  });
});
