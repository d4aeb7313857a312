/**
 * Sanitizing a card's markup into DOM nodes that cannot run anything (DOMPurify with a small allow-list).
 *
 * Both Markdown output and Anki HTML pass here: formatting elements only, no attributes but table spans, so
 * no event handler, `style`, `href` or `src` survives, and media (img, audio, video, iframe, object, embed,
 * svg, math) is dropped; the text of a dropped element stays, except inside script, style, svg and math.
 * The result is a DocumentFragment, inserted as nodes: sanitized markup is never parsed a second time.
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

/** `html` (Markdown output, or an Anki card's HTML) as sanitized nodes, with the allow-list of `markup`. */
export function sanitize(html: string, markup: Markup): DocumentFragment {
  return DOMPurify.sanitize(html, CONFIG[markup]);
}
