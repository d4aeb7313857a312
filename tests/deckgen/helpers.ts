/** Shared fixtures of the deckgen tests: paths, the real fact files, and small hand-made facts. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fact, FactSource, LoadedFactFile, RelationFact } from '../../src/deckgen/fact-schema';
import { loadFactFiles } from '../../src/deckgen/load';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const decksDir = path.join(repoRoot, 'decks');
/** The review lives beside the repo (shared/ next to the clone), never inside it. */
export const reviewPath = path.resolve(repoRoot, '../shared/source/review.txt');

export function readReview(): string | undefined {
  return existsSync(reviewPath) ? readFileSync(reviewPath, 'utf8') : undefined;
}

export function loadRealFacts(): LoadedFactFile[] {
  return loadFactFiles(decksDir, 'decks');
}

export const SOURCE: FactSource = {
  section: '4.5. MicroRNAs',
  refs: [57],
  quote: 'miR-17 appeared to directly',
};

/** A one-deck fact set for unit tests. */
export function fileOf(facts: Fact[], deckId = 'test-deck'): LoadedFactFile {
  return {
    deckId,
    path: `decks/${deckId}.yaml`,
    deck: { title: 'Test', description: 'Test deck', topic: 'Biology', order: 0 },
    facts,
  };
}

export function mirnaRelation(id: string, subject: string, object: string, reverse = true): RelationFact {
  return {
    id,
    family: 'mirna-target',
    level: 'core',
    type: 'relation',
    subject,
    object,
    forward: `What does ${subject} target?`,
    ...(reverse ? { reverse: `Which microRNA targets ${object}?` } : {}),
    source: SOURCE,
  };
}
