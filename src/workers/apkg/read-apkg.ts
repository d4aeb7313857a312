/**
 * Reading an Anki package (.apkg) into an import candidate. Lazy-loaded: the app reaches it through
 * src/workers/apkg-client.ts (imported with `import()`), which runs it in src/workers/apkg.worker.ts, so sql.js,
 * fzstd and this code stay out of the first screen's bundle.
 *
 * Every card of the package is rendered from its own note type's templates; siblings share a fact id made
 * from the note's guid; reviews are replayed through our scheduler; media are skipped. Limits, what is
 * skipped and how ids are made are in docs/import-formats.md.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import {
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  DECK_LIMITS,
  type DeckCard,
  type DeckFile,
} from '../../domain/deck-format';
import type { ImportCandidate } from '../../domain/import-candidate';
import { replayAnkiReviews } from '../../domain/interop/anki-replay';
import { isFieldEmpty, renderCard, stripMedia, type TemplateNote } from '../../domain/interop/anki-template';
import { finishCandidate, ImportFormatError } from '../../domain/interop/interop-candidate';
import {
  baseName,
  formatCount,
  formatMegabytes,
  hashText,
  makeIdAllocator,
  normaliseTags,
  plural,
  slugId,
  were,
} from '../../domain/interop/interop-ids';
import { makeScheduler, type SchedulerSettings } from '../../domain/scheduler';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { readAnkiCollection, type AnkiCollection } from './anki-collection';
import { extractCollection } from './extract-collection';

const MB = 1024 * 1024;

/** Limits of a package import, beyond the deck format's own. */
export const APKG_LIMITS = {
  /** The .apkg file; most of a large package is media, which is never read. */
  maxPackageBytes: 300 * MB,
  /**
   * The collection once decompressed, counted from the bytes actually produced. sql.js holds the database in
   * WebAssembly memory next to this copy, so 512 MB stays well inside what a browser tab can allocate; the
   * 43,000-card AnKing collection is far smaller.
   */
  maxCollectionBytes: 512 * MB,
} as const;

export interface ReadApkgOptions {
  /** The package's file name, for the deck's description and a title when the decks have no name. */
  fileName?: string;
  /**
   * sql.js's WebAssembly: its URL in the browser (`./sql-wasm-url`, the build's copy, precached for offline
   * use) or its bytes in Node, where sql.js cannot fetch a file.
   */
  wasm: string | Uint8Array;
  /** Settings the reviews are replayed with; default the app's defaults in the learner's time zone. */
  settings?: SchedulerSettings;
  /** The time a suspended, never-reviewed card is given as its due date. */
  now?: Date;
  language?: string;
  /** Lower limits (tests). */
  limits?: Partial<typeof APKG_LIMITS>;
}

const sqlBySource = new Map<string | Uint8Array, Promise<SqlJsStatic>>();

async function loadSql(source: string | Uint8Array): Promise<SqlJsStatic> {
  let sql = sqlBySource.get(source);
  if (!sql) {
    sql = initSqlJs(
      typeof source === 'string'
        ? { locateFile: () => source }
        : {
            wasmBinary: source.buffer.slice(
              source.byteOffset,
              source.byteOffset + source.byteLength,
            ) as ArrayBuffer,
          },
    );
    sqlBySource.set(source, sql);
  }
  return sql;
}

/**
 * Reads an Anki package (up to `APKG_LIMITS.maxPackageBytes`) into an import candidate (origin `apkg`).
 * Throws `ImportFormatError` with a message for the learner when the package cannot be imported.
 */
export async function readApkg(file: Blob, options: ReadApkgOptions): Promise<ImportCandidate> {
  const limits = { ...APKG_LIMITS, ...options.limits };
  if (file.size === 0) throw new ImportFormatError('This file is empty: there is no deck in it.');
  if (file.size > limits.maxPackageBytes) {
    throw new ImportFormatError(
      `This package is ${formatMegabytes(file.size)}; packages up to ${formatMegabytes(limits.maxPackageBytes)} can be imported. ` +
        'In Anki, export it without media (untick "Include media"), or export its subdecks one by one.',
    );
  }
  const extracted = await extractCollection(file, limits.maxCollectionBytes);
  const SQL = await loadSql(options.wasm);
  let collection: AnkiCollection;
  try {
    const db = new SQL.Database(extracted.bytes);
    try {
      collection = readAnkiCollection(db);
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    throw new ImportFormatError(
      `This .apkg file is damaged: its collection is not a database Anki wrote (${(error as Error).message}). Export it again from Anki.`,
    );
  }
  return buildCandidate(collection, extracted.mediaFiles, options);
}

/** Hex of the guid's UTF-8 bytes when that is short enough for an id, else its hash. */
function guidKey(guid: string): string {
  const hex = [...new TextEncoder().encode(guid)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.length > 0 && hex.length <= 80 ? hex : `h${hashText(guid)}`;
}

/** The deck the cards go to: the deepest deck all of them share, else the one most cards are in. */
function deckTitle(collection: AnkiCollection, fileName: string): { title: string; decks: string[] } {
  const counts = new Map<string, number>();
  for (const card of collection.cards) {
    const name = collection.decks.get(card.deckId) ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.keys()].filter(Boolean);
  let common = names[0]?.split('::') ?? [];
  for (const name of names.slice(1)) {
    const parts = name.split('::');
    let same = 0;
    while (same < common.length && common[same] === parts[same]) same++;
    common = common.slice(0, same);
  }
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const title = (common.join('::') || main || baseName(fileName) || 'Anki deck').replace(
    /^Default$/,
    baseName(fileName) || 'Default',
  );
  return { title: title.slice(0, DECK_LIMITS.maxShortText).trim(), decks: names };
}

function isEmptyText(html: string): boolean {
  return isFieldEmpty(html.replace(/<[^>]*>/g, ''));
}

function buildCandidate(
  collection: AnkiCollection,
  mediaFiles: number,
  options: ReadApkgOptions,
): ImportCandidate {
  if (collection.cards.length > DECK_LIMITS.maxCards) {
    throw new ImportFormatError(
      `This package has ${formatCount(collection.cards.length)} cards; one deck holds at most ${formatCount(DECK_LIMITS.maxCards)}. ` +
        'In Anki, export its subdecks one by one.',
    );
  }
  const fileName = options.fileName ?? 'package.apkg';
  const { title, decks } = deckTitle(collection, fileName);
  const deckId = slugId(title);
  const now = options.now ?? new Date();
  const scheduler = makeScheduler(
    options.settings ?? { ...DEFAULT_SETTINGS, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    { fuzz: false },
  );
  const allocate = makeIdAllocator();
  const counts = { empty: 0, long: 0, broken: 0, media: 0, tagsDropped: 0, reviews: 0, studiedNoHistory: 0 };
  /** A note's fields without media, made once for all its cards. */
  const fieldsByNote = new Map<number, Record<string, string>>();
  const cards: DeckCard[] = [];

  const sorted = [...collection.cards].sort((a, b) => a.noteId - b.noteId || a.ord - b.ord);
  for (const card of sorted) {
    const note = collection.notes.get(card.noteId);
    const noteType = note && collection.noteTypes.get(note.noteTypeId);
    const template = noteType?.templates[noteType.cloze ? 0 : card.ord];
    if (!note || !noteType || !template) {
      counts.broken++;
      continue;
    }
    let fields = fieldsByNote.get(card.noteId);
    if (!fields) {
      fields = {};
      for (const [i, name] of noteType.fields.entries()) {
        const stripped = stripMedia(note.fields[i] ?? '');
        counts.media += stripped.removed;
        fields[name] = stripped.text;
      }
      fieldsByNote.set(card.noteId, fields);
    }
    const templateNote: TemplateNote = {
      fields,
      tags: note.tags,
      deck: collection.decks.get(card.deckId) ?? '',
      noteType: noteType.name,
    };
    const { front, back } = renderCard(template, templateNote, card.ord);
    if (isEmptyText(front) || isEmptyText(back)) {
      counts.empty++;
      continue;
    }
    if (front.length > DECK_LIMITS.maxTextLength || back.length > DECK_LIMITS.maxTextLength) {
      counts.long++;
      continue;
    }
    const factId = `anki:${guidKey(note.guid)}`;
    const id = allocate(`${factId}:${noteType.cloze ? 'c' : 't'}${card.ord + 1}`);
    const { tags, dropped } = normaliseTags(note.tags);
    counts.tagsDropped += dropped;
    const deckCard: DeckCard = {
      id,
      factId,
      kind: noteType.cloze ? 'cloze' : 'qa',
      front,
      back,
      tags,
      markup: 'html',
    };
    const replayed = replayAnkiReviews(deckCard, collection.reviews.get(card.id) ?? [], scheduler, {
      suspended: card.queue === -1,
      now,
    });
    counts.reviews += replayed.used;
    if (replayed.used === 0 && card.type > 0) counts.studiedNoHistory++;
    if (replayed.schedule) deckCard.schedule = replayed.schedule;
    if (replayed.history) deckCard.history = replayed.history;
    cards.push(deckCard);
  }

  if (cards.length === 0) {
    throw new ImportFormatError(
      collection.cards.length === 0
        ? 'This package holds no cards.'
        : 'None of the cards in this package can be shown here: their fronts are empty once images and sounds are left out.',
    );
  }
  const deck: DeckFile = {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id: deckId,
    title,
    description: `Imported from the Anki package ${baseName(fileName) || 'file'}.`,
    language: options.language ?? 'en',
    tags: [],
    cards,
  };
  return finishCandidate(deck, 'apkg', noticesOf(counts, mediaFiles, decks, title));
}

function noticesOf(
  counts: Record<
    'empty' | 'long' | 'broken' | 'media' | 'tagsDropped' | 'reviews' | 'studiedNoHistory',
    number
  >,
  mediaFiles: number,
  decks: readonly string[],
  title: string,
): string[] {
  const notices: string[] = [];
  if (decks.length > 1) {
    const shown = decks
      .slice(0, 3)
      .map((d) => `“${d}”`)
      .join(', ');
    notices.push(
      `The cards come from ${formatCount(decks.length)} Anki decks (${shown}${decks.length > 3 ? ', …' : ''}); they were put in one deck, “${title}”.`,
    );
  }
  if (mediaFiles > 0)
    notices.push(
      `${plural(mediaFiles, 'media file')} ${were(mediaFiles)} skipped: images and sounds are not imported.`,
    );
  else if (counts.media > 0)
    notices.push(
      `${plural(counts.media, 'image or sound reference', 'image and sound references')} ${were(counts.media)} removed: media are not imported.`,
    );
  if (counts.empty > 0) {
    notices.push(
      `${plural(counts.empty, 'card')} ${were(counts.empty)} skipped because a side is empty once media are left out (Anki leaves out cards with an empty front too).`,
    );
  }
  if (counts.long > 0) {
    notices.push(
      `${plural(counts.long, 'card')} ${were(counts.long)} skipped because a side is longer than ${formatCount(DECK_LIMITS.maxTextLength)} characters.`,
    );
  }
  if (counts.broken > 0) {
    notices.push(
      `${plural(counts.broken, 'card')} ${were(counts.broken)} skipped because the package lacks its note or card template.`,
    );
  }
  if (counts.tagsDropped > 0) {
    notices.push(
      `${plural(counts.tagsDropped, 'tag')} could not be kept (too long, no letters or digits, or over 20 on a card).`,
    );
  }
  if (counts.reviews > 0)
    notices.push(
      `${plural(counts.reviews, 'review')} from Anki can be kept: they were replayed to schedule the cards.`,
    );
  if (counts.studiedNoHistory > 0) {
    const one = counts.studiedNoHistory === 1;
    notices.push(
      `${plural(counts.studiedNoHistory, 'card')} had been studied in Anki, but the package holds no reviews of ${one ? 'it; it starts' : 'them; they start'} as new.`,
    );
  }
  return notices;
}
