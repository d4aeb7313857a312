/**
 * Importing a 43,000-card Anki package (the size of the AnKing deck): builds an .apkg in Node with the test
 * fixture builder (Basic-and-reversed notes with HTML fields, tags, a quarter of the cards reviewed five
 * times), then times `readApkg` on it and `parseDeckFile` of the result. Run alone: `npx tsx bench/apkg-bench.ts`
 * (optionally `--cards=N` and `--format=anki21|anki21b`).
 */
import { pathToFileURL } from 'node:url';
import { parseDeckFile } from '../src/domain/deck-format';
import { DEFAULT_SETTINGS } from '../src/domain/types';
import { readApkg } from '../src/workers/apkg/read-apkg';
import { buildApkg, makeLargeSpec, SQL_WASM, type PackageFormat } from '../tests/fixtures/apkg';

export interface ApkgFigures {
  cards: number;
  format: PackageFormat;
  packageBytes: number;
  /** Building the package (not part of the import). */
  buildMs: number;
  /** `readApkg`: unzip, decompress, open with sql.js, render, replay reviews, validate. */
  readMs: number;
  /** `parseDeckFile` of the deck read, again, as the import does before writing. */
  parseMs: number;
  deckCards: number;
  reviewsReplayed: number;
}

export async function apkgBench(cards = 43_000, format: PackageFormat = 'anki21b'): Promise<ApkgFigures> {
  let start = performance.now();
  const bytes = await buildApkg(makeLargeSpec(cards), { format });
  const buildMs = performance.now() - start;

  start = performance.now();
  const candidate = await readApkg(new Blob([bytes]), {
    fileName: 'AnKing-like.apkg',
    wasm: SQL_WASM,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'UTC' },
  });
  const readMs = performance.now() - start;

  start = performance.now();
  const parsed = parseDeckFile(candidate.deck);
  const parseMs = performance.now() - start;
  if (!parsed.ok) throw new Error(`The deck read does not pass parseDeckFile: ${parsed.errors.join('; ')}`);
  return {
    cards,
    format,
    packageBytes: bytes.length,
    buildMs,
    readMs,
    parseMs,
    deckCards: candidate.deck.cards.length,
    reviewsReplayed: candidate.deck.cards.reduce((n, c) => n + (c.history?.length ?? 0), 0),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const figures = await apkgBench(
    Number(arg('cards') ?? 43_000),
    (arg('format') as PackageFormat) ?? 'anki21b',
  );
  const mb = (figures.packageBytes / 1024 / 1024).toFixed(1);
  console.log(
    `apkg import, ${figures.cards.toLocaleString('en-US')} cards (${figures.format}, ${mb} MB package)`,
  );
  console.log(`  build package (fixture)  ${figures.buildMs.toFixed(0)} ms`);
  console.log(`  readApkg                 ${figures.readMs.toFixed(0)} ms`);
  console.log(`  parseDeckFile            ${figures.parseMs.toFixed(0)} ms`);
  console.log(`  cards in deck            ${figures.deckCards.toLocaleString('en-US')}`);
  console.log(`  reviews replayed         ${figures.reviewsReplayed.toLocaleString('en-US')}`);
}
