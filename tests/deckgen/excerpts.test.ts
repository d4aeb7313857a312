/**
 * Issue 12: every excerpt shows the fact. A card's citation must contain the key term it asks about (the
 * microRNA, drug, histology or number), not only the heading of the list it belongs to.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/deckgen/fact-schema';
import { excerptShowsFact, keyTerms } from '../../src/deckgen/key-terms';
import { SOURCE, loadRealFacts, mirnaRelation } from './helpers';

const facts = loadRealFacts().flatMap((file) => file.facts);

describe('excerpts', () => {
  it('every fact’s excerpt contains its key term', () => {
    const failing = facts.filter((fact) => !excerptShowsFact(fact)).map((fact) => fact.id);
    expect(failing).toEqual([]);
  });

  it('the microRNA direction cards cite a sentence that names the microRNA', () => {
    for (const id of ['mirna-210-direction', 'mirna-133a-direction', 'mirna-218-direction']) {
      const fact = facts.find((f) => f.id === id);
      expect(fact, id).toBeDefined();
      expect(excerptShowsFact(fact!), id).toBe(true);
    }
  });

  it('fails an excerpt that is only the heading above the fact', () => {
    const heading = {
      ...SOURCE,
      quote: 'A number of microRNAs have been identified to promote sarcoma progression.',
    };
    const fact: Fact = { ...mirnaRelation('m-210', 'miR-210', 'Promotes'), source: heading };
    expect(excerptShowsFact(fact)).toBe(false);
    expect(
      excerptShowsFact({
        ...fact,
        source: { ...heading, quote: 'MiR-210 expression was significantly increased' },
      }),
    ).toBe(true);
  });

  it('needs every blank of a cloze, read through the extraction artifacts', () => {
    const cloze: Fact = {
      id: 'c-1',
      family: 'f',
      level: 'core',
      type: 'cloze',
      text: 'Brain metastases occur in {{0.7%}} to {{4.3-8%}} of patients.',
      source: { ...SOURCE, quote: 'ranging from 0.7.% to 4.3.-8%' },
    };
    expect(keyTerms(cloze)).toEqual({ terms: ['0.7%', '4.3-8%'], all: true });
    expect(excerptShowsFact(cloze)).toBe(true);
    expect(excerptShowsFact({ ...cloze, source: { ...SOURCE, quote: 'ranging from 0.7.%' } })).toBe(false);
  });
});
