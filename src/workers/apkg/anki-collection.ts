/**
 * Reading what an import needs from an Anki collection (SQLite, opened with sql.js): note types with their
 * fields and templates, decks, notes, cards and graded reviews. Two schemas: the legacy one (anki2/anki21:
 * note types and decks as JSON in `col`) and schema 18 (anki21b: tables `notetypes`, `fields`, `templates`
 * and `decks`, configs as protocol buffers).
 */
import type { Database, SqlValue } from 'sql.js';
import type { AnkiReview } from '../../domain/interop/anki-replay';
import type { CardTemplate } from '../../domain/interop/anki-template';
import { ImportFormatError } from '../../domain/interop/interop-candidate';
import { protoString, protoUint } from './protobuf';

export interface AnkiNoteType {
  name: string;
  cloze: boolean;
  /** Field names in order. */
  fields: string[];
  /** Templates by ordinal. */
  templates: CardTemplate[];
}

export interface AnkiNote {
  guid: string;
  noteTypeId: number;
  fields: string[];
  tags: string[];
}

export interface AnkiCard {
  id: number;
  noteId: number;
  /** The card's home deck (its original deck when it sits in a filtered deck). */
  deckId: number;
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** -1 suspended. */
  queue: number;
}

export interface AnkiCollection {
  noteTypes: Map<number, AnkiNoteType>;
  /** Deck id -> full name, `::` between levels. */
  decks: Map<number, string>;
  notes: Map<number, AnkiNote>;
  cards: AnkiCard[];
  /** Card id -> its reviews (every row; the replay keeps the graded ones). */
  reviews: Map<number, AnkiReview[]>;
}

function rows(db: Database, sql: string, each: (row: SqlValue[]) => void): void {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) each(statement.get());
  } finally {
    statement.free();
  }
}

const num = (value: SqlValue | undefined) => Number(value ?? 0);
const str = (value: SqlValue | undefined) =>
  typeof value === 'string' ? value : value == null ? '' : String(value);
const blob = (value: SqlValue | undefined) => (value instanceof Uint8Array ? value : new Uint8Array(0));

function damaged(what: string): ImportFormatError {
  return new ImportFormatError(`This .apkg file is damaged: ${what}. Export it again from Anki.`);
}

interface LegacyModel {
  name?: string;
  type?: number;
  flds?: { name?: string; ord?: number }[];
  tmpls?: { name?: string; ord?: number; qfmt?: string; afmt?: string }[];
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw damaged(`its ${what} cannot be read`);
  }
}

function byOrd<T extends { ord?: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0));
}

function readLegacyTypes(db: Database, collection: AnkiCollection): void {
  rows(db, 'SELECT models, decks FROM col LIMIT 1', ([models, decks]) => {
    for (const [id, model] of Object.entries(
      parseJson<Record<string, LegacyModel>>(str(models), 'note types'),
    )) {
      collection.noteTypes.set(Number(id), {
        name: model.name ?? '',
        cloze: model.type === 1,
        fields: byOrd(model.flds ?? []).map((f) => f.name ?? ''),
        templates: byOrd(model.tmpls ?? []).map((t) => ({
          name: t.name ?? '',
          front: t.qfmt ?? '',
          back: t.afmt ?? '',
        })),
      });
    }
    for (const [id, deck] of Object.entries(
      parseJson<Record<string, { name?: string }>>(str(decks), 'decks'),
    )) {
      collection.decks.set(Number(id), deck.name ?? '');
    }
  });
}

function readSchema18Types(db: Database, collection: AnkiCollection): void {
  // NotetypeConfig.kind is field 1 (0 normal, 1 cloze); CardTemplate.Config q_format 1, a_format 2.
  rows(db, 'SELECT id, name, config FROM notetypes', ([id, name, config]) => {
    collection.noteTypes.set(num(id), {
      name: str(name),
      cloze: protoUint(blob(config), 1) === 1,
      fields: [],
      templates: [],
    });
  });
  rows(db, 'SELECT ntid, name FROM fields ORDER BY ntid, ord', ([ntid, name]) => {
    collection.noteTypes.get(num(ntid))?.fields.push(str(name));
  });
  rows(db, 'SELECT ntid, name, config FROM templates ORDER BY ntid, ord', ([ntid, name, config]) => {
    const bytes = blob(config);
    collection.noteTypes
      .get(num(ntid))
      ?.templates.push({ name: str(name), front: protoString(bytes, 1), back: protoString(bytes, 2) });
  });
  // Schema 18 separates deck levels with \x1f.
  rows(db, 'SELECT id, name FROM decks', ([id, name]) => {
    collection.decks.set(num(id), str(name).split('\x1f').join('::'));
  });
}

/** Reads a collection; throws `ImportFormatError` when it is not a readable Anki collection. */
export function readAnkiCollection(db: Database): AnkiCollection {
  const collection: AnkiCollection = {
    noteTypes: new Map(),
    decks: new Map(),
    notes: new Map(),
    cards: [],
    reviews: new Map(),
  };
  try {
    let schema18 = false;
    rows(
      db,
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'",
      () => (schema18 = true),
    );
    if (schema18) readSchema18Types(db, collection);
    else readLegacyTypes(db, collection);
    rows(db, 'SELECT id, guid, mid, tags, flds FROM notes', ([id, guid, mid, tags, flds]) => {
      collection.notes.set(num(id), {
        guid: str(guid),
        noteTypeId: num(mid),
        fields: str(flds).split('\x1f'),
        tags: str(tags).split(/\s+/).filter(Boolean),
      });
    });
    rows(
      db,
      'SELECT id, nid, did, odid, ord, type, queue FROM cards',
      ([id, nid, did, odid, ord, type, queue]) => {
        collection.cards.push({
          id: num(id),
          noteId: num(nid),
          deckId: num(odid) || num(did),
          ord: num(ord),
          type: num(type),
          queue: num(queue),
        });
      },
    );
    rows(db, 'SELECT id, cid, ease, type FROM revlog', ([id, cid, ease, type]) => {
      const review: AnkiReview = { id: num(id), ease: num(ease), type: num(type) };
      const list = collection.reviews.get(num(cid));
      if (list) list.push(review);
      else collection.reviews.set(num(cid), [review]);
    });
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    throw damaged(`its collection cannot be read (${(error as Error).message})`);
  }
  return collection;
}
