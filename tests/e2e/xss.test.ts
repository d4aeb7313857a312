/**
 * Cards with markup cannot run script: a deck whose fields hold script payloads, as Anki HTML, as Markdown
 * and as plain text, arrives through a share link, is imported and studied card by card. No payload runs
 * (each would set `window.__xss`), the CSP reports nothing but the sanitizer's own parsing (a handler that
 * reached the page would be reported from elsewhere), no dialog opens, and no media, link or form element reaches a card, while the formatting the card editor
 * allows is rendered.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckCard, DeckFile } from '../../src/domain/deck-format';
import { launch, phoneContext, watchErrors } from './browser';
import { importFromLink, scriptSigns, shareUrlOf, watchScriptSigns } from './share-actions';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HTML: [string, string][] = [
  [
    `<img src=x onerror="window.__xss='img'">Which <b>bold</b> fact?`,
    `<svg onload="window.__xss='svg'"><circle r="1"/></svg><a href="javascript:window.__xss='a'">link</a> answer`,
  ],
  [
    `<iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>Iframe card`,
    `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='math'">`,
  ],
  [
    `<scr<script>ipt>window.__xss='split'</scr</script>ipt>Split script`,
    `<div style="background:url(x)" onclick="window.__xss='div'">styled</div><details open ontoggle="window.__xss='details'">d</details>`,
  ],
  [
    `<input autofocus onfocus="window.__xss='focus'">Autofocus card`,
    `<video><source onerror="window.__xss='video'"></video><audio src=x onerror="window.__xss='audio'"></audio>Media`,
  ],
  [
    `"><img src=x onerror="window.__xss='breakout'">Breakout card`,
    `<noscript><p title="</noscript><img src=x onerror=window.__xss='noscript'>"></noscript>Noscript`,
  ],
  [
    `<object data="javascript:window.__xss='object'"></object><embed src="javascript:window.__xss='embed'">Object card`,
    `<form action="javascript:window.__xss='form'"><button>Go</button></form><style>*{color:red}</style>Form`,
  ],
];

const MARKDOWN: [string, string][] = [
  [
    `**Bold** H~2~O and x^2^ [x](javascript:window.__xss='md-link')`,
    `![i](x" onerror="window.__xss='md-img') <img src=x onerror="window.__xss='md-html'">`,
  ],
  [
    `- <svg onload="window.__xss='md-svg'">\n- item`,
    `<javascript:window.__xss='md-auto'>\n\n[r]: javascript:alert(1)\n\n[r]`,
  ],
];

const PLAIN_FRONT = `<img src=x onerror="window.__xss='plain'">Plain`;

function card(id: string, front: string, back: string, markup?: DeckCard['markup']): DeckCard {
  return { id, factId: id, kind: 'qa', front, back, tags: [], ...(markup ? { markup } : {}) };
}

const DECK: DeckFile = {
  format: 'sarcomet-deck',
  version: 1,
  id: 'xss-corpus',
  title: 'XSS corpus',
  description: 'Cards whose fields try to run script.',
  language: 'en',
  tags: [],
  cards: [
    ...HTML.map(([front, back], i) => card(`html-${i}`, front, back, 'html')),
    ...MARKDOWN.map(([front, back], i) => card(`md-${i}`, front, back, 'markdown')),
    card('plain', PLAIN_FRONT, 'Plain answer'),
  ],
};

const FORBIDDEN =
  'img, svg, math, iframe, script, style, a, object, embed, video, audio, source, input, form, details, noscript';

/** Fails when the card holds a forbidden element, or any attribute inside the rendered markup. */
async function expectInertCard(page: Page) {
  await expect.poll(() => page.locator('.flashcard [aria-busy="true"]').count()).toBe(0);
  expect(await page.locator('.flashcard').locator(FORBIDDEN).count()).toBe(0);
  const attributes = await page
    .locator('.flashcard .rich-text *')
    .evaluateAll((elements) =>
      elements.flatMap((e) => [...e.attributes].map((a) => `${e.localName}[${a.name}]`)),
    );
  expect(attributes).toEqual([]);
}

describe('cards with markup', () => {
  it('run no script from a shared deck, and render the formatting they may have', async () => {
    const context = await phoneContext(browser);
    await watchScriptSigns(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await importFromLink(page, shareUrlOf(DECK), DECK.title);
    await page.getByRole('button', { name: 'Study', exact: true }).tap();

    const seen = new Set<string>();
    for (let step = 0; step < DECK.cards.length * 2 && seen.size < DECK.cards.length; step++) {
      const showAnswer = page.getByRole('button', { name: /^Show answer/ });
      await showAnswer.or(page.getByText('All done for now')).first().waitFor();
      if (!(await showAnswer.isVisible())) break;
      const id = (await page.locator('#card-front').getAttribute('data-card-id')) ?? '';
      seen.add(id);
      await expectInertCard(page);
      if (id === 'md-0') {
        const front = page.locator('#card-front');
        expect(await front.locator('strong').innerText()).toBe('Bold');
        expect(await front.locator('sub').innerText()).toBe('2');
        expect(await front.locator('sup').innerText()).toBe('2');
        // The link stays the text it was written as.
        expect(await front.innerText()).toContain("[x](javascript:window.__xss='md-link')");
      }
      if (id === 'html-0') expect(await page.locator('#card-front b').innerText()).toBe('bold');
      if (id === 'plain') expect(await page.locator('#card-front').innerText()).toBe(PLAIN_FRONT);
      await showAnswer.tap();
      // Attached, not visible: a back made only of payloads is empty once sanitized.
      await page.locator('section[aria-label="Answer"]').waitFor({ state: 'attached' });
      await expectInertCard(page);
      await page.getByRole('button', { name: /^Easy/ }).tap();
    }
    expect([...seen].sort()).toEqual(DECK.cards.map((c) => c.id).sort());

    // Handlers would only run on events: give them a moment, then look for every sign of script.
    await page.waitForTimeout(300);
    const signs = await scriptSigns(page);
    expect(signs.xss).toBeUndefined();
    expect(signs.violations).toEqual([]);
    // Inline styles are cut before parsing, so even the sanitizer's parse reports none of them; its reports
    // of event handlers (which it then removes) are the only ones left.
    expect(signs.sanitizerReports.length).toBeGreaterThan(0);
    expect(signs.sanitizerReports.filter((directive) => !directive.startsWith('script-src-attr'))).toEqual(
      [],
    );
    expect(dialogs).toEqual([]);
    // Chromium logs each report of the sanitizer's parsing as a console error; anything else is a failure.
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });
});
