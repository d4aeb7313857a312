/**
 * The Content-Security-Policy holds in the browser: a listener installed before any script records every
 * `securitypolicyviolation`, and a walk through every screen (with the service worker registering) records none.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../vite.config';
import { baseUrl, launch, phoneContext, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type CspWindow = Window & { __cspViolations: string[] };

const violations = (page: Page) => page.evaluate(() => (window as unknown as CspWindow).__cspViolations);

describe('content security policy', () => {
  it('the built index.html carries the policy and no inline script or style', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CSP.replaceAll("'", '&#39;')}">`,
    );
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'"])
      expect(CSP).toContain(directive);
    // sql.js may compile WebAssembly; nothing may eval JavaScript or run inline code.
    expect(CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="/);
    expect(html).not.toContain('registerSW.js');
  });

  it('no securitypolicyviolation on any screen', async () => {
    const context = await phoneContext(browser, { serviceWorkers: 'allow' });
    await context.addInitScript(() => {
      const w = window as unknown as CspWindow;
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    // The listener works: an inline script is blocked and recorded (then the list is reset).
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await expect.poll(() => violations(page)).toHaveLength(1);
    expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
    await page.evaluate(() => ((window as unknown as CspWindow).__cspViolations = []));

    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.getByRole('button', { name: /^Study all/ }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    await page.locator('details.source summary').tap();
    await page.getByRole('button', { name: /^Good/ }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await page.getByRole('link', { name: 'Decks' }).tap();
    await page.locator('.deck-list a').first().tap();
    await page.getByRole('searchbox').fill('sarcoma');
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Save settings' }).tap();
    await page.getByText('Settings saved.').waitFor();
    await page.getByText(/^Used/).waitFor();
    await page.getByRole('link', { name: 'Home' }).tap();
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });
});
