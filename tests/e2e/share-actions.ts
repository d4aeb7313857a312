/** What a user does with share links in the browser tests: opening one, importing it, studying the deck. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DeckFile } from '../../src/domain/deck-format';
import { encodeShareLink } from '../../src/domain/share-link';
import { baseUrl } from './browser';

/** The share link of `deck` at the app's address, as the app builds it. */
export function shareUrlOf(deck: DeckFile): string {
  const encoded = encodeShareLink(deck);
  if (!encoded.ok) throw new Error(`deck too large for a link: ${encoded.bytes}`);
  return new URL(encoded.fragment, baseUrl()).href;
}

/**
 * Opens a share link in `page`, checks the import preview names the deck, imports it and opens the deck.
 * Returns once the deck's screen is shown.
 */
export async function importFromLink(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor();
  await expect.poll(() => dialog.innerText()).toContain(title);
  // The fragment is gone as soon as the link is read: a reload does not offer the deck again.
  expect(new URL(page.url()).hash).toBe('#/decks');
  await dialog.getByRole('button', { name: 'Import', exact: true }).tap();
  await dialog.getByRole('button', { name: 'Open deck' }).tap();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/**
 * Records every CSP violation from the first script of every page on, with the script that caused it.
 * Chromium reports inline handlers and styles when untrusted HTML is merely parsed, even in the inert
 * document DOMPurify parses into (cure53/DOMPurify#900): nothing runs, but the report names the sanitizer.
 */
export async function watchScriptSigns(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: { directive: string; source: string }[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push({ directive: e.violatedDirective, source: e.sourceFile }),
    );
  });
}

/**
 * What `watchScriptSigns` recorded in `page` apart from the sanitizer's own parsing, the directives the
 * sanitizer's parsing was reported under, and whether any payload set `window.__xss`.
 */
export async function scriptSigns(
  page: Page,
): Promise<{ violations: string[]; sanitizerReports: string[]; xss: unknown }> {
  const { violations, xss } = await page.evaluate(() => {
    const w = window as unknown as { __violations: { directive: string; source: string }[]; __xss?: unknown };
    return { violations: w.__violations, xss: w.__xss };
  });
  const bySanitizer = (v: { source: string }) => /\/assets\/sanitize-[\w-]+\.js$/.test(v.source);
  return {
    violations: violations.filter((v) => !bySanitizer(v)).map((v) => `${v.directive} from ${v.source}`),
    sanitizerReports: violations.filter(bySanitizer).map((v) => v.directive),
    xss,
  };
}
