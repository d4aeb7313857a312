import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckIndex } from '../../src/domain/deck-format';
import { generateDecks } from '../../src/deckgen/generate';
import { contentHash, renderDecks, renderJsonSchema } from '../../src/deckgen/output';
import { loadRealFacts, repoRoot } from './helpers';

describe('docs/deck-format.schema.json', () => {
  it('is exactly what `npm run decks` writes (run it after changing src/domain/deck-format.ts)', async () => {
    const committed = readFileSync(path.join(repoRoot, 'docs', 'deck-format.schema.json'), 'utf8');
    expect(committed).toBe(await renderJsonSchema());
  });

  it('describes the deck file fields and card kinds', async () => {
    const schema = JSON.parse(await renderJsonSchema()) as {
      required: string[];
      properties: { cards: { items: { properties: { kind: { enum: string[] } } } } };
    };
    expect(schema.required).toEqual([
      'format',
      'version',
      'id',
      'title',
      'description',
      'language',
      'tags',
      'cards',
    ]);
    expect(schema.properties.cards.items.properties.kind.enum).toEqual(['qa', 'cloze', 'ordered', 'mcq']);
  });
});

describe('rendered deck files and index', () => {
  const rendered = renderDecks(generateDecks(loadRealFacts()));

  it('writes one file per deck and an index that passes parseDeckIndex with matching hashes and counts', () => {
    expect(parseDeckIndex(rendered.index).ok).toBe(true);
    expect([...rendered.files.keys()]).toEqual(rendered.index.decks.map((d) => d.file));
    for (const entry of rendered.index.decks) {
      const text = rendered.files.get(entry.file) ?? '';
      expect(entry.hash).toBe(contentHash(text));
      expect(entry.cardCount).toBe((JSON.parse(text) as { cards: unknown[] }).cards.length);
    }
    expect(rendered.index.decks.map((d) => d.id)).toEqual([
      'epidemiology',
      'location',
      'histology',
      'biology',
      'mirna',
      'radiotherapy',
      'chemotherapy',
      'tables-figures',
    ]);
    // Only the optional deck is marked optional: the app adds it out of daily study.
    expect(rendered.index.decks.filter((d) => d.optional).map((d) => d.id)).toEqual(['tables-figures']);
  });

  it('is byte-identical across runs', () => {
    const again = renderDecks(generateDecks(loadRealFacts()));
    expect([...again.files]).toEqual([...rendered.files]);
    expect(again.indexText).toBe(rendered.indexText);
  });
});
