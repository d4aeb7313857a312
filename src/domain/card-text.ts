/**
 * A card text as plain words, for accessible names ("Edit: …") and search: HTML tags and entities and the
 * editor's markdown markers removed. Never rendered as HTML.
 */
import type { Markup } from './deck-format';
import { decodeEntities } from './interop/anki-template';

export function plainText(text: string, markup?: Markup): string {
  let plain = text;
  if (markup === 'html') plain = decodeEntities(text.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''));
  else if (markup === 'markdown') plain = text.replace(/\*\*|__|[*_~^]|^\s*(?:[-+*]|\d+[.)])\s+/gm, '');
  return plain.replace(/\s+/g, ' ').trim();
}
