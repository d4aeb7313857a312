import { describe, expect, it } from 'vitest';
import { generateDecks } from '../../src/deckgen/generate';
import { normalizeReview, quoteOccursIn } from '../../src/deckgen/review-text';
import { loadRealFacts, readReview, reviewPath } from './helpers';

describe('quote matching', () => {
  const text = normalizeReview(
    'the ability of the drug(s) to cross the blood-\nbrain barrier  (BBB), from extra-\ncranial primary\n\nsites; radio-  and \nchemo-resistant',
  );

  it.each([
    'cross the blood-brain barrier (BBB)',
    'from extracranial primary sites',
    'from extra-cranial primary sites',
    'radio- and chemo-resistant',
    'blood-brain barrier (BBB), from extracranial',
  ])('finds %j across line breaks, line-end hyphens and extra spaces', (quote) => {
    expect(quoteOccursIn(text, quote)).toBe(true);
  });

  it.each([
    'cross the blood brain barrier',
    'from extra cranial primary sites',
    'blood-brain barrier (BBB) from',
    'xyz',
  ])('does not find %j', (quote) => {
    expect(quoteOccursIn(text, quote)).toBe(false);
  });
});

describe('every card cites the review verbatim', () => {
  const review = readReview();

  it(`the review text is available at ${reviewPath}`, () => {
    // Never skipped: without the review nothing below proves the citations (CI clones shared/ beside the repo).
    expect(review, `missing ${reviewPath} (CI=${process.env.CI ?? 'unset'})`).toBeDefined();
  });

  it('every source.quote occurs in the review', () => {
    expect(review).toBeDefined();
    const normalized = normalizeReview(review ?? '');
    const decks = generateDecks(loadRealFacts());
    const missing = decks
      .flatMap((deck) => deck.cards)
      .filter((card) => card.source === undefined || !quoteOccursIn(normalized, card.source.quote))
      .map((card) => card.id);
    expect(missing).toEqual([]);
    expect(decks.flatMap((d) => d.cards).length).toBeGreaterThan(200);
  });

  it('every section cited is a heading of the review', () => {
    expect(review).toBeDefined();
    const headings = (review ?? '').toUpperCase().replace(/\s+/g, ' ');
    for (const file of loadRealFacts()) {
      for (const fact of file.facts) {
        const title = fact.source.section.replace(/^[\d.]+\s*/, '').toUpperCase();
        expect(headings, `${fact.id}: ${fact.source.section}`).toContain(title);
      }
    }
  });
});
