/**
 * The coverage check: every teachable statement of the review's text keeps at least one core card. The text
 * (normalised by `normalizeReview`) is split into sentences; the rows of its tables and their legends are not
 * statements. A sentence is covered when a core fact's excerpt overlaps it. What stays uncovered must be
 * listed in decks/checks/coverage.yaml with the reason it is not taught (a heading, a transition, a reference list).
 */
import { quoteRange } from './review-text';

export interface Statement {
  text: string;
  start: number;
  end: number;
}

/** A run of table cells or a table legend ("LMS: Leiomyosarcoma; …"), not a sentence of the text. */
function isTableText(sentence: string): boolean {
  const tokens = sentence.split(' ');
  const numeric = tokens.filter((t) => /^[\d.%()]+$/.test(t)).length;
  return numeric / tokens.length > 0.3 || /^(?:[A-Z]{2,}[^:]{0,12}: [A-Z][^;]*;\s*){2,}/.test(sentence);
}

/** The sentences of the normalised review, with their positions. */
export function textStatements(normalized: string): Statement[] {
  const statements: Statement[] = [];
  const boundary = /(?<=[.?!])\s+(?=[A-Z(])/g;
  let start = 0;
  const push = (end: number) => {
    const text = normalized.slice(start, end).trim();
    if (text.length >= 20 && !isTableText(text)) statements.push({ text, start, end });
  };
  for (const match of normalized.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(normalized.length);
  return statements;
}

/** The statements no excerpt overlaps by at least `minOverlap` characters. */
export function uncoveredStatements(
  normalized: string,
  quotes: readonly string[],
  minOverlap = 12,
): Statement[] {
  const ranges = quotes.flatMap((quote) => {
    const range = quoteRange(normalized, quote);
    return range ? [range] : [];
  });
  return textStatements(normalized).filter(
    (s) => !ranges.some(([a, b]) => Math.min(b, s.end) - Math.max(a, s.start) >= minOverlap),
  );
}
