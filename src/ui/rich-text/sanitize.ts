/**
 * Sanitizing a card's markup into DOM nodes that cannot run anything (DOMPurify with a small allow-list).
 *
 * Both Markdown output and Anki HTML pass here: formatting elements only, no attributes but table spans, so
 * no event handler, `style`, `href` or `src` survives, and media (img, audio, video, iframe, object, embed,
 * svg, math) is dropped; the text of a dropped element stays, except inside script, style, svg and math.
 * The result is a DocumentFragment, inserted as nodes: sanitized markup is never parsed a second time.
 *
 * Chromium reports a CSP violation for every inline style it merely parses, even in the inert document
 * DOMPurify parses into (cure53/DOMPurify#900), and Anki HTML is full of `style="…"`. Style elements and
 * attributes are therefore cut from the text first, so studying such cards does not fill the console with
 * errors. This is noise reduction only: what it misses is still removed by DOMPurify.
 */
import DOMPurify, { type Config } from 'dompurify';
import type { Markup } from '../../domain/deck-format';

/** What the Markdown subset can produce. */
export const MARKDOWN_TAGS = ['b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'p', 'br', 'sub', 'sup'] as const;

/** What Anki note types may keep: formatting, lists and tables. */
export const HTML_TAGS = [
  ...MARKDOWN_TAGS,
  'div',
  'span',
  'u',
  's',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'code',
  'pre',
  'hr',
] as const;

const BASE = {
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
} as const satisfies Config;

const CONFIG = {
  markdown: { ...BASE, ALLOWED_TAGS: [...MARKDOWN_TAGS], ALLOWED_ATTR: [] },
  html: { ...BASE, ALLOWED_TAGS: [...HTML_TAGS], ALLOWED_ATTR: ['colspan', 'rowspan'] },
} satisfies Record<Markup, Config>;

/** A style element, up to its end tag or, unclosed, to the end of the text (as the parser reads it). */
const STYLE_ELEMENT = /<style\b[\s\S]*?(?:<\/style\s*>|$)/gi;
/** A style attribute inside a start tag whose earlier attributes hold no `<` or `>`. */
const STYLE_ATTRIBUTE = /(<[a-z][^<>]*?)[\s/]style\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+)/gi;

/** `html` without style elements and attributes (see the module comment: noise, not security). */
export function withoutInlineStyles(html: string): string {
  let out = html.replace(STYLE_ELEMENT, '');
  // A tag can carry the attribute more than once; each pass removes one per tag.
  for (let pass = 0; pass < 4; pass++) {
    const next = out.replace(STYLE_ATTRIBUTE, '$1');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** `html` (Markdown output, or an Anki card's HTML) as sanitized nodes, with the allow-list of `markup`. */
export function sanitize(html: string, markup: Markup): DocumentFragment {
  return DOMPurify.sanitize(markup === 'html' ? withoutInlineStyles(html) : html, CONFIG[markup]);
}
