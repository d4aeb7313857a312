/**
 * `npm run decks`: decks/*.yaml -> public/decks/<deck-id>.json + public/decks/index.json, and
 * docs/deck-format.schema.json. Exits 1 with a message naming the file and fact when the facts are invalid.
 * When the review text is available beside the repo (../shared/source/review.txt) every citation quote is
 * checked against it as well.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeckGenError, generateDecks } from './generate';
import { loadFactFiles } from './load';
import { renderDecks, renderJsonSchema } from './output';
import { normalizeReview, quoteOccursIn } from './review-text';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DECKS_DIR = path.join(repoRoot, 'decks');
const OUT_DIR = path.join(repoRoot, 'public', 'decks');
const SCHEMA_DOC = path.join(repoRoot, 'docs', 'deck-format.schema.json');
const REVIEW_TEXT = path.resolve(repoRoot, '../shared/source/review.txt');

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}

async function main(): Promise<void> {
  const files = loadFactFiles(DECKS_DIR, 'decks');
  const decks = generateDecks(files);

  if (existsSync(REVIEW_TEXT)) {
    const review = normalizeReview(readFileSync(REVIEW_TEXT, 'utf8'));
    const missing = files.flatMap((file) =>
      file.facts
        .filter((fact) => !quoteOccursIn(review, fact.source.quote))
        .map((f) => `${file.path}: fact "${f.id}"`),
    );
    if (missing.length > 0) {
      throw new DeckGenError(`quotes not found verbatim in the review:\n  ${missing.join('\n  ')}`);
    }
  } else {
    console.warn(
      `note: ${REVIEW_TEXT} not found, citation quotes not checked (the deckgen tests check them)`,
    );
  }

  const rendered = renderDecks(decks);
  mkdirSync(OUT_DIR, { recursive: true });
  const keep = new Set([...rendered.files.keys(), 'index.json']);
  for (const name of readdirSync(OUT_DIR)) {
    // public/decks/ belongs to the generator: drop decks whose fact file was removed.
    if (name.endsWith('.json') && !keep.has(name)) rmSync(path.join(OUT_DIR, name));
  }
  for (const [name, text] of rendered.files) writeIfChanged(path.join(OUT_DIR, name), text);
  writeIfChanged(path.join(OUT_DIR, 'index.json'), rendered.indexText);
  mkdirSync(path.dirname(SCHEMA_DOC), { recursive: true });
  writeIfChanged(SCHEMA_DOC, await renderJsonSchema());

  for (const entry of rendered.index.decks) {
    console.log(`${entry.file.padEnd(22)} ${String(entry.cardCount).padStart(4)} cards  ${entry.hash}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof DeckGenError) {
    console.error(`npm run decks: ${error.message}`);
    process.exit(1);
  }
  throw error;
});
