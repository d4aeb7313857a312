import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFactFile } from '../../src/deckgen/fact-schema';
import { loadFactFileText } from '../../src/deckgen/load';
import { DeckGenError } from '../../src/deckgen/generate';
import { decksDir } from './helpers';

const yamlFiles = readdirSync(decksDir).filter((f) => f.endsWith('.yaml'));

const VALID = `
deck: { title: T, description: D, topic: Biology, order: 1 }
facts:
  - id: a-fact
    family: fam
    level: core
    type: qa
    question: Why?
    answer: Because.
    source: { section: 4.5. MicroRNAs, refs: [57], quote: some quote }
`;

describe('fact files', () => {
  it('finds the seven built-in decks', () => {
    expect(yamlFiles.sort()).toEqual([
      'biology.yaml',
      'chemotherapy.yaml',
      'epidemiology.yaml',
      'histology.yaml',
      'location.yaml',
      'mirna.yaml',
      'radiotherapy.yaml',
    ]);
  });

  it.each(yamlFiles)('%s passes the fact schema', (name) => {
    const result = parseFactFile(parse(readFileSync(path.join(decksDir, name), 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('accepts a minimal valid file', () => {
    expect(loadFactFileText(VALID, 'decks/ok.yaml').facts).toHaveLength(1);
  });

  const broken: [string, string, RegExp][] = [
    ['an unknown section', VALID.replace('4.5. MicroRNAs', '4.5 MicroRNAs'), /facts\.0\.source\.section/],
    ['a ref beyond the bibliography', VALID.replace('refs: [57]', 'refs: [80]'), /facts\.0\.source\.refs\.0/],
    ['a missing quote', VALID.replace(', quote: some quote', ''), /facts\.0\.source\.quote/],
    [
      'a quote longer than one sentence',
      VALID.replace('some quote', 'x'.repeat(301)),
      /facts\.0\.source\.quote/,
    ],
    ['a fact without a level (core or detail)', VALID.replace('    level: core\n', ''), /facts\.0\.level/],
    ['an unknown level', VALID.replace('level: core', 'level: trivia'), /facts\.0\.level/],
    ['a fact id that is not kebab-case', VALID.replace('a-fact', 'A_Fact'), /facts\.0\.id/],
    ['a question without "?"', VALID.replace('Why?', 'Why'), /facts\.0\.question/],
    ['an unknown field', VALID.replace('answer: Because.', 'answer: Because.\n    anwser: typo'), /facts\.0/],
    ['an unknown fact type', VALID.replace('type: qa', 'type: essay'), /facts\.0\.type/],
    [
      'a cloze without a blank',
      VALID.replace(
        'type: qa\n    question: Why?\n    answer: Because.',
        'type: cloze\n    text: No blank here.',
      ),
      /facts\.0\.text/,
    ],
    ['a duplicate YAML key', VALID.replace('family: fam', 'family: fam\n    family: other'), /invalid YAML/],
  ];

  it.each(broken)('rejects %s, naming the file and the path', (_label, text, where) => {
    let message = '';
    try {
      loadFactFileText(text, 'decks/broken.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(DeckGenError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^decks\/broken\.yaml: /);
    expect(message).toMatch(where);
  });

  it('names the fact id in messages about a fact', () => {
    expect(() => loadFactFileText(VALID.replace('Why?', 'Why'), 'decks/broken.yaml')).toThrow(
      '(fact "a-fact")',
    );
  });

  it('rejects a deck file name that is not a deck id', () => {
    expect(() => loadFactFileText(VALID, 'decks/My Deck.yaml')).toThrow(DeckGenError);
    expect(() => loadFactFileText(VALID, 'decks/index.yaml')).toThrow(DeckGenError);
  });
});
