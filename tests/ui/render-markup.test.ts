// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Markup } from '../../src/domain/deck-format';
import { loadRenderer } from '../../src/ui/rich-text/render';
import { HTML_TAGS, MARKDOWN_TAGS, withoutInlineStyles } from '../../src/ui/rich-text/sanitize';

type XssWindow = Window & { __xss?: unknown };

/** Renders into a fresh container attached to the document, as the app does. */
async function render(text: string, markup: Markup): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  container.append((await loadRenderer(markup))(text));
  return container;
}

/** Fails unless every element is allowed for `markup` and carries no attribute but table spans. */
function expectInert(container: HTMLElement, markup: Markup) {
  const allowed = new Set<string>(markup === 'markdown' ? MARKDOWN_TAGS : HTML_TAGS);
  for (const element of container.querySelectorAll('*')) {
    expect(allowed, `<${element.localName}> in ${container.innerHTML}`).toContain(element.localName);
    expect(element.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    for (const attribute of element.attributes) expect(['colspan', 'rowspan']).toContain(attribute.name);
  }
  expect(
    container.querySelector('img, svg, math, iframe, script, style, a, object, embed, audio, video, form'),
  ).toBeNull();
}

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"><circle r=1 /></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<a href="  JaVaScRiPt:window.__xss=1">click</a>',
  '<a href="data:text/html,<script>window.__xss=1</script>">click</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<iframe src="javascript:parent.__xss=1"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<math><maction actiontype="statusline" xlink:href="javascript:window.__xss=1">x</maction></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__xss=1">',
  '<style>@import "javascript:window.__xss=1"; body { background: url(x) }</style>',
  '<div style="background:url(javascript:window.__xss=1)">styled</div>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg/onload=window.__xss=1>",
  '<b onmouseover="window.__xss=1">bold</b>',
  '<div onclick="window.__xss=1" class="x" id="y" data-x="1" aria-label="z" title="t">div</div>',
  '<object data="javascript:window.__xss=1"></object><embed src="javascript:window.__xss=1">',
  '<video><source onerror="window.__xss=1"></video><audio src=x onerror="window.__xss=1"></audio>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<template><img src=x onerror="window.__xss=1"></template>',
  '<details open ontoggle="window.__xss=1">d</details>',
  '<input autofocus onfocus="window.__xss=1">',
  '<table background="javascript:window.__xss=1"><tr><td>cell</td></tr></table>',
  '<base href="javascript:/"><a href="/x">base</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<x-custom onclick="window.__xss=1">custom</x-custom>',
  '<!--<img src=x onerror="window.__xss=1">-->',
  '<![CDATA[<img src=x onerror="window.__xss=1">]]>',
  '[x](javascript:window.__xss=1)',
  '[x](  javascript:window.__xss=1 "t")',
  '![x](javascript:window.__xss=1)',
  '<javascript:window.__xss=1>',
  '[x]: javascript:window.__xss=1\n\n[x]',
  '**<img src=x onerror="window.__xss=1">**',
  '- <svg onload="window.__xss=1">\n- item',
  'H~<img src=x onerror="window.__xss=1">~O x^<script>window.__xss=1</script>^',
  '&lt;img src=x onerror="window.__xss=1"&gt;',
  '```\n<img src=x onerror="window.__xss=1">\n```',
];

describe('renderMarkup', () => {
  describe.each(['markdown', 'html'] as const)('keeps nothing executable (%s)', (markup) => {
    it.each(PAYLOADS)('%s', async (payload) => {
      const container = await render(payload, markup);
      expectInert(container, markup);
      // Parsing the output again (as a copy or paste would) changes nothing: no mutation XSS.
      const again = document.createElement('div');
      again.innerHTML = container.innerHTML;
      expectInert(again, markup);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect((window as XssWindow).__xss).toBeUndefined();
    });
  });

  it('renders the Markdown subset', async () => {
    const container = await render(
      '**bold** and *italic*\nnext line\n\n- one\n- two\n\n1. first\n\nH~2~O and x^2^',
      'markdown',
    );
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('italic');
    expect(container.querySelector('p br')).not.toBeNull();
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(container.querySelector('ol > li')?.textContent).toBe('first');
    expect(container.querySelector('sub')?.textContent).toBe('2');
    expect(container.querySelector('sup')?.textContent).toBe('2');
    expectInert(container, 'markdown');
  });

  it('shows Markdown outside the subset as the text it is', async () => {
    const container = await render(
      '# Title\n\n[link](https://example.com) ![img](x.png) <b>raw</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      'markdown',
    );
    expect(container.querySelector('h1, a, img, table, b')).toBeNull();
    expect(container.textContent).toContain('# Title');
    expect(container.textContent).toContain('[link](https://example.com)');
    expect(container.textContent).toContain('<b>raw</b>');
  });

  it('keeps Anki formatting and the text of what it drops', async () => {
    const container = await render(
      '<div>Front <b>bold</b> <span style="color:red">red</span> <font color="blue">blue</font> <u>u</u>' +
        '<img src="paste.png"> [sound:x.mp3]</div><table><thead><tr><th colspan="2">h</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      'html',
    );
    expect(container.querySelector('b')?.textContent).toBe('bold');
    expect(container.querySelector('span')?.getAttribute('style')).toBeNull();
    expect(container.textContent).toContain('red');
    expect(container.textContent).toContain('blue');
    expect(container.querySelector('u')).not.toBeNull();
    expect(container.querySelector('th')?.getAttribute('colspan')).toBe('2');
    expect(container.querySelectorAll('td')).toHaveLength(2);
    expectInert(container, 'html');
  });

  it.each([
    ['<span style="color:red">red</span>', '<span>red</span>'],
    ["<span class=a style='color:red' title=t>x</span>", '<span class=a title=t>x</span>'],
    ['<div style=color:red>d</div><p STYLE = "a" >p</p>', '<div>d</div><p >p</p>'],
    ['<svg/style="x">', '<svg>'],
    ['a<style>b{}</style>c<STYLE>d</STYLE >e', 'ace'],
    ['text<style>unclosed', 'text'],
    ['the style="kept" in text', 'the style="kept" in text'],
  ])('cuts inline styles from Anki HTML before it is parsed: %s', (html, expected) => {
    expect(withoutInlineStyles(html)).toBe(expected);
  });
});
