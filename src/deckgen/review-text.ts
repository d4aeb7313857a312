/**
 * Matching of citation quotes against the review's extracted text.
 *
 * The text was extracted from a two-column PDF: lines break mid-sentence, words are hyphenated at line ends,
 * and spacing is irregular. A quote matches when it occurs after whitespace is collapsed and each line-end
 * hyphen is read either as a real hyphen ("blood-\nbrain" -> "blood-brain") or as a word break
 * ("extra-\ncranial" -> "extracranial"). Nothing else is forgiven: the quote must be verbatim.
 */

/** Stands for a hyphen at the end of a line in the normalised text. */
const LINE_HYPHEN = '\u0000';

/** Collapses whitespace and marks line-end hyphens. */
export function normalizeReview(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/-[ \t]*\n\s*/g, LINE_HYPHEN)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses whitespace in a quote. */
export function normalizeQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Where `quote` occurs in the review text normalised by `normalizeReview` ([start, end)), or undefined. */
export function quoteRange(normalizedReview: string, quote: string): [number, number] | undefined {
  const q = normalizeQuote(quote);
  if (q.length === 0) return undefined;
  // Fast path: no line-end hyphen involved.
  const plain = normalizedReview.replaceAll(LINE_HYPHEN, '-').indexOf(q);
  if (plain !== -1) return [plain, plain + q.length];
  // A hyphen in the quote may stand where the text has a line-end hyphen; between any two characters of the
  // quote the text may have a line-end hyphen that the quote reads as a word break.
  const parts: string[] = [];
  for (const ch of q) {
    parts.push(ch === '-' ? `(?:-|${LINE_HYPHEN})` : ch === ' ' ? ' ' : escapeRegExp(ch));
  }
  const match = new RegExp(parts.join(`${LINE_HYPHEN}?`), 'u').exec(normalizedReview);
  return match ? [match.index, match.index + match[0].length] : undefined;
}

/** True when `quote` occurs in the review text normalised by `normalizeReview`. */
export function quoteOccursIn(normalizedReview: string, quote: string): boolean {
  return quoteRange(normalizedReview, quote) !== undefined;
}
