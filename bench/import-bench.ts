/**
 * Figure 4 of the benchmark: importing a 43,000-card deck file. It times `importDeck`
 * (src/storage/deck-import.ts, what the import preview's "Import" runs) in Node on fake-indexeddb, into an
 * empty database; the browser adds only reading the file. The deck format caps a file at `DECK_LIMITS.maxCards` cards; when the whole file is rejected
 * for that, the same cards are imported as consecutive files within the cap, and both are reported.
 */
import 'fake-indexeddb/auto';
import { DECK_LIMITS } from '../src/domain/deck-format';
import { openAppDb } from '../src/storage/db';
import { importDeck } from '../src/storage/deck-import';
import { makeImportDeck } from './heavy-collection';

export interface ImportFigures {
  cards: number;
  where: string;
  /** Importing the file as one deck: the time until it was stored or rejected. */
  wholeFile: { ms: number; imported: boolean; error?: string };
  /** When the whole file was rejected: the same cards in `files` files of at most `DECK_LIMITS.maxCards`. */
  split: { files: number; ms: number; added: number } | null;
  /** The time that counts: the whole file if it was imported, else the split import. */
  ms: number;
}

let run = 0;

export async function importBench(cards: number): Promise<ImportFigures> {
  const now = new Date();
  const file = makeImportDeck(cards);
  const fresh = async () => openAppDb(`bench-import-${process.pid}-${run++}`);

  let db = await fresh();
  let start = performance.now();
  let wholeFile: ImportFigures['wholeFile'];
  try {
    await importDeck(db, file, { builtIn: false, hash: 'bench', now });
    wholeFile = { ms: performance.now() - start, imported: true };
  } catch (error) {
    wholeFile = { ms: performance.now() - start, imported: false, error: (error as Error).message };
  }
  db.close();

  let split: ImportFigures['split'] = null;
  if (!wholeFile.imported) {
    db = await fresh();
    const size = DECK_LIMITS.maxCards;
    const parts = Array.from({ length: Math.ceil(cards / size) }, (_, p) => ({
      ...file,
      id: `${file.id}-${p + 1}`,
      title: `${file.title} ${p + 1}`,
      cards: file.cards.slice(p * size, (p + 1) * size),
    }));
    let added = 0;
    start = performance.now();
    for (const part of parts) {
      added += (await importDeck(db, part, { builtIn: false, hash: 'bench', now })).added;
    }
    split = { files: parts.length, ms: performance.now() - start, added };
    db.close();
  }
  return {
    cards,
    where: 'Node, fake-indexeddb (stand-in: no import UI before issue 10)',
    wholeFile,
    split,
    ms: split ? split.ms : wholeFile.ms,
  };
}
