/**
 * Reads decks/*.yaml and validates each file against the fact schema. Every error names the file, the path
 * inside it and, when known, the fact id, so a clinician can find the line to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DeckGenError } from './generate';
import { parseFactFile } from './fact-schema';
import type { LoadedFactFile } from './fact-schema';

const DECK_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

/** Parses and validates one fact file's text; `displayPath` is used in messages. */
export function loadFactFileText(text: string, displayPath: string): LoadedFactFile {
  const name = path.basename(displayPath);
  const match = DECK_FILE.exec(name);
  if (!match?.[1] || match[1] === 'index') {
    throw new DeckGenError(
      `${displayPath}: deck files are named <deck-id>.yaml in kebab-case (and not index.yaml)`,
    );
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DeckGenError(
      `${displayPath}: invalid YAML\n${doc.errors.map((e) => `  ${e.message}`).join('\n')}`,
    );
  }
  const data: unknown = doc.toJS();
  const result = parseFactFile(data);
  if (!result.ok) {
    const lines = result.errors.map((error) => `  ${error}${factHint(data, error)}`);
    throw new DeckGenError(`${displayPath}: invalid fact file\n${lines.join('\n')}`);
  }
  return { deckId: match[1], path: displayPath, deck: result.value.deck, facts: result.value.facts };
}

/** " (fact <id>)" when an error path points into a fact that has an id. */
function factHint(data: unknown, error: string): string {
  const index = /^facts\.(\d+)/.exec(error)?.[1];
  if (index === undefined || typeof data !== 'object' || data === null) return '';
  const facts = (data as { facts?: unknown }).facts;
  const fact: unknown = Array.isArray(facts) ? facts[Number(index)] : undefined;
  const id = typeof fact === 'object' && fact !== null ? (fact as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? ` (fact "${id}")` : '';
}

/** Loads every decks/*.yaml in `dir`, sorted by file name; `displayDir` prefixes paths in messages. */
export function loadFactFiles(dir: string, displayDir = path.basename(dir)): LoadedFactFile[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  if (names.length === 0) throw new DeckGenError(`${displayDir}: no fact files (*.yaml) found`);
  return names.map((name) =>
    loadFactFileText(readFileSync(path.join(dir, name), 'utf8'), `${displayDir}/${name}`),
  );
}
