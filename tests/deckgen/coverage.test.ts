/**
 * Issue 12's coverage check: every teachable statement of the review's text keeps at least one core card.
 * What no core card cites is listed, with its reason, in decks/checks/coverage.yaml; this test keeps that list exact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { textStatements, uncoveredStatements } from '../../src/deckgen/coverage';
import { normalizeReview, quoteRange } from '../../src/deckgen/review-text';
import { decksDir, loadRealFacts, readReview } from './helpers';

const Exclusions = v.array(
  v.strictObject({ quote: v.pipe(v.string(), v.minLength(10)), reason: v.pipe(v.string(), v.minLength(10)) }),
);
const exclusions = v.parse(
  Exclusions,
  parse(readFileSync(path.join(decksDir, 'checks', 'coverage.yaml'), 'utf8')),
);
const facts = loadRealFacts().flatMap((file) => file.facts);

describe('coverage of the review’s text by core cards', () => {
  const review = readReview();
  const normalized = normalizeReview(review ?? '');

  it('splits the text into sentences and leaves out table rows and legends', () => {
    expect(review).toBeDefined();
    const statements = textStatements(normalized).map((s) => s.text);
    expect(statements.length).toBeGreaterThan(150);
    expect(statements.some((s) => s.startsWith('All 80 4 28 29'))).toBe(false);
    expect(statements.some((s) => s.startsWith('ASPS: Alveolar soft part sarcoma; ES:'))).toBe(false);
  });

  it('every sentence no core fact cites is listed with its reason, and nothing else is listed', () => {
    expect(review).toBeDefined();
    const core = facts.filter((f) => f.level === 'core').map((f) => f.source.quote);
    const uncovered = uncoveredStatements(normalized, core);
    const listed = exclusions.map((entry) => {
      const range = quoteRange(normalized, entry.quote);
      expect(range, `decks/checks/coverage.yaml quote not in the review: ${entry.quote}`).toBeDefined();
      return range![0];
    });
    const unexplained = uncovered.filter((s) => !listed.some((at) => at >= s.start && at < s.end));
    expect(unexplained.map((s) => s.text)).toEqual([]);
    const stale = exclusions.filter(
      (_, i) => !uncovered.some((s) => listed[i]! >= s.start && listed[i]! < s.end),
    );
    expect(stale.map((e) => e.quote)).toEqual([]);
  });

  it('would catch a statement whose only card moved to the optional deck', () => {
    expect(review).toBeDefined();
    const withoutMvd = facts
      .filter((f) => f.level === 'core' && f.id !== 'bio-mvd')
      .map((f) => f.source.quote);
    const uncovered = uncoveredStatements(normalized, withoutMvd).map((s) => s.text);
    expect(uncovered.some((s) => s.includes('not found to be associated with lung metastasis'))).toBe(true);
  });
});
