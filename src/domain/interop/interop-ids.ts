/**
 * Ids, slugs and tags for decks that come from other apps (Anki, Quizlet). Ids must survive a re-import of
 * the same file, so they are derived from what the file itself keeps stable (a note's guid, else its front
 * text), never from a counter or the clock.
 */
import { DECK_LIMITS } from '../deck-format';

const TAG_PATTERN = /^[a-z0-9][a-z0-9-/]*$/;
const MAX_TAG_LENGTH = 60;

/** FNV-1a over the UTF-16 code units of `text`, from the given offset basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A 16-hex-digit hash of `text`: two 32-bit FNV-1a hashes with different offset bases, so that two
 * different fronts in a 200,000-card deck practically never share an id.
 */
export function hashText(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
  return a + b;
}

/**
 * A deck id from a name ("Pathology::Sarcomas" -> "pathology-sarcomas"): lower-case letters and digits
 * joined by `-`, at most 60 characters. A name with none of them (e.g. all Greek) gets a hash instead.
 */
export function slugId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || `deck-${hashText(name).slice(0, 8)}`;
}

/** A file name without its folder and extension: "exports/My Deck.apkg" -> "My Deck". */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim();
}

/**
 * A tag in the deck format's form, or undefined when nothing usable is left: lower-case, Anki's `::`
 * hierarchy as `/`, spaces, `_` and `.` as `-`, other characters dropped ("#AK_Step1::Heme" -> "ak-step1/heme").
 */
export function normaliseTag(raw: string): string | undefined {
  const tag = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/::/g, '/')
    .replace(/[\s_.:]+/g, '-')
    .replace(/[^a-z0-9\-/]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/-*\/-*/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  return tag.length <= MAX_TAG_LENGTH && TAG_PATTERN.test(tag) ? tag : undefined;
}

/** Normalised, distinct tags, at most `DECK_LIMITS.maxTags`; `dropped` counts those left out. */
export function normaliseTags(raw: readonly string[]): { tags: string[]; dropped: number } {
  const tags: string[] = [];
  let dropped = 0;
  for (const item of raw) {
    if (item.trim() === '') continue;
    const tag = normaliseTag(item);
    if (tag === undefined || tags.length >= DECK_LIMITS.maxTags) dropped++;
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, dropped };
}

/**
 * Hands out ids from a base, deterministically: the first request for a base gets it as is, later ones
 * `<base>-2`, `<base>-3`, … in the order they are asked for (duplicate fronts in a text file).
 */
export function makeIdAllocator(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/** "1,234" for messages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 card" / "3 cards". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "was" or "were" after a count. */
export function were(n: number): string {
  return n === 1 ? 'was' : 'were';
}

/** "300 MB", "2.5 MB" (1 MB = 2^20 bytes). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toFixed(mb < 10 ? 1 : 0).replace(/\.0$/, '')} MB`;
}
