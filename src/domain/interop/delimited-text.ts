/**
 * Reading decks exported as text by other apps: Anki's "Notes in Plain Text" (CSV/TSV with `#key:value`
 * header lines) and Quizlet's export (term, tab, definition; one card per line). Rows become cards of one
 * deck; see docs/import-formats.md for the header lines, the limits and how ids are derived.
 */
import { DECK_FORMAT, DECK_FORMAT_VERSION, DECK_LIMITS, type DeckCard, type DeckFile } from '../deck-format';
import type { ImportCandidate } from '../import-candidate';
import { clozeNumbers, renderCloze, stripMedia } from './anki-template';
import { finishCandidate, ImportFormatError } from './interop-candidate';
import {
  baseName,
  formatCount,
  hashText,
  makeIdAllocator,
  normaliseTags,
  plural,
  were,
  slugId,
} from './interop-ids';

/** Limits of a text import beyond the deck format's own. */
export const TEXT_IMPORT_LIMITS = {
  /** Characters of the whole file: 43,000 long cards fit, a runaway file does not. */
  maxChars: 64 * 1024 * 1024,
} as const;

export interface DelimitedTextOptions {
  /** The file's name: the deck's title and id when the file names no deck. */
  fileName: string;
  /** `quizlet` for a Quizlet export; otherwise Anki's text export (or any CSV/TSV with front, back). */
  format?: 'anki-text' | 'quizlet';
  /** BCP 47 language of the deck; default `en`. */
  language?: string;
}

/** One record of a delimited file and the line it starts on (1-based, counting header lines). */
export interface DelimitedRow {
  line: number;
  fields: string[];
}

/**
 * Splits delimited text into records, RFC 4180 style: a field that starts with `"` runs to the next lone `"`,
 * may hold the delimiter and line breaks, and writes `"` as `""`. Lines that are entirely empty are skipped.
 * Throws when a quoted field is never closed.
 */
export function splitDelimited(text: string, delimiter: string, firstLine = 1): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = firstLine;
  let rowLine = firstLine;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      const start = line;
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      if (!closed) {
        throw new ImportFormatError(
          `Line ${formatCount(start)}: a field starts with a quote (") that is never closed.`,
        );
      }
      // Text after the closing quote (a malformed field) is kept as written, as Anki does.
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const SEPARATORS: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
  colon: ':',
};

/** The header lines Anki writes at the top of a text export (`#separator:tab`, `#html:true`, …). */
interface AnkiHeaders {
  separator?: string;
  html?: boolean;
  /** 1-based columns. */
  tagsColumn?: number;
  guidColumn?: number;
  notetypeColumn?: number;
  deckColumn?: number;
  deck?: string;
  notetype?: string;
  columns?: string[];
}

function readHeaders(lines: readonly string[]): { headers: AnkiHeaders; count: number } {
  const headers: AnkiHeaders = {};
  let count = 0;
  for (const line of lines) {
    const match = /^#([a-z ]+):(.*)$/i.exec(line);
    if (!match) break;
    count++;
    const key = match[1]!.trim().toLowerCase();
    const value = match[2]!.replace(/\r$/, '');
    const column = /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
    switch (key) {
      case 'separator': {
        const named = SEPARATORS[value.trim().toLowerCase()];
        if (named) headers.separator = named;
        else if ([...value].length === 1) headers.separator = value;
        else throw new ImportFormatError(`Line ${count}: "${value}" is not a separator this app knows.`);
        break;
      }
      case 'html':
        headers.html = value.trim().toLowerCase() === 'true';
        break;
      case 'tags column':
        headers.tagsColumn = column;
        break;
      case 'guid column':
        headers.guidColumn = column;
        break;
      case 'notetype column':
        headers.notetypeColumn = column;
        break;
      case 'deck column':
        headers.deckColumn = column;
        break;
      case 'deck':
        headers.deck = value.trim();
        break;
      case 'notetype':
        headers.notetype = value.trim();
        break;
      case 'columns':
        headers.columns = value.split(/[\t,;|]/).map((c) => c.trim().toLowerCase());
        break;
    }
  }
  return { headers, count };
}

/** Anki's guess when no `#separator:` is given: a tab, else a semicolon, else a comma in the first line. */
function guessSeparator(firstLine: string): string {
  for (const candidate of ['\t', ';', ',']) if (firstLine.includes(candidate)) return candidate;
  return '\t';
}

const HTML_HINT = /<(?:br|b|i|u|div|span|p|img|sub|sup|ul|ol|li|strong|em|font|a|hr)\b[^>]*>|&nbsp;|&amp;/i;

function rejectUnreadable(text: string): void {
  if (text.trim() === '') throw new ImportFormatError('This file is empty: there are no cards to import.');
  if (text.length > TEXT_IMPORT_LIMITS.maxChars) {
    throw new ImportFormatError(
      `This file is too large to import (${formatCount(text.length)} characters; at most ${formatCount(TEXT_IMPORT_LIMITS.maxChars)}).`,
    );
  }
  const sample = text.slice(0, 65_536);
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    // Control characters other than tab and line breaks, and U+FFFD (bytes that were not valid UTF-8).
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) junk++;
  }
  if (sample.includes('\u0000') || junk > Math.max(8, sample.length / 100)) {
    throw new ImportFormatError(
      'This file is not a text export: it looks like binary data. Export your cards as text (in Anki: ' +
        'Notes in Plain Text; in Quizlet: Export) and choose that file. Anki packages (.apkg) are imported separately.',
    );
  }
}

function checkLength(text: string, where: string): void {
  if (text.length > DECK_LIMITS.maxTextLength) {
    throw new ImportFormatError(
      `${where} is ${formatCount(text.length)} characters long; a card side holds at most ${formatCount(DECK_LIMITS.maxTextLength)}.`,
    );
  }
}

function checkCardCount(count: number): void {
  if (count > DECK_LIMITS.maxCards) {
    throw new ImportFormatError(
      `This file has ${formatCount(count)} cards; one deck holds at most ${formatCount(DECK_LIMITS.maxCards)}. Split it into smaller files.`,
    );
  }
}

/** "lines 3, 7 and 9" / "lines 3, 7, 9, 12, 15 and 4 more". */
function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).map(formatCount);
  const more = lines.length - shown.length;
  const head = lines.length === 1 ? 'line ' : 'lines ';
  if (more > 0) return `${head}${shown.join(', ')} and ${formatCount(more)} more`;
  return head + (shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0]);
}

interface DeckShell {
  id: string;
  title: string;
  language: string;
  fileName: string;
}

function shellOf(title: string | undefined, options: DelimitedTextOptions): DeckShell {
  const name = title?.split('::').pop()?.trim() || baseName(options.fileName) || 'Imported deck';
  return {
    id: slugId(name),
    title: name.slice(0, DECK_LIMITS.maxShortText).trim(),
    language: options.language ?? 'en',
    fileName: options.fileName,
  };
}

function deckOf(shell: DeckShell, cards: DeckCard[]): DeckFile {
  return {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id: shell.id,
    title: shell.title,
    description: `Imported from ${baseName(shell.fileName) || 'a text file'}.`.slice(
      0,
      DECK_LIMITS.maxTextLength,
    ),
    language: shell.language,
    tags: [],
    cards,
  };
}

/**
 * Reads an Anki text export or a Quizlet export into an import candidate (origin `anki-text` or `quizlet`).
 * Throws `ImportFormatError` with a message for the learner when the file cannot be imported.
 */
export function parseDelimitedText(input: string, options: DelimitedTextOptions): ImportCandidate {
  const text = input.replace(/^\ufeff/, '');
  rejectUnreadable(text);
  return options.format === 'quizlet' ? readQuizlet(text, options) : readAnkiText(text, options);
}

function readQuizlet(text: string, options: DelimitedTextOptions): ImportCandidate {
  const shell = shellOf(undefined, options);
  const allocate = makeIdAllocator();
  const terms: { line: number; front: string; back: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const tab = raw.indexOf('\t');
    const last = terms[terms.length - 1];
    if (tab < 0) {
      // A definition that runs over several lines: Quizlet does not quote, so the rest arrives as lines
      // without a tab.
      if (last && raw.trim() !== '') last.back += `\n${raw}`;
      else if (raw.trim() !== '') {
        throw new ImportFormatError(
          `Line ${index + 1} has no tab between term and definition. In Quizlet, export with "Tab" between ` +
            'term and definition and "New line" between rows.',
        );
      }
      return;
    }
    terms.push({ line: index + 1, front: raw.slice(0, tab).trim(), back: raw.slice(tab + 1).trim() });
  });
  checkCardCount(terms.length);
  const empty: number[] = [];
  const cards: DeckCard[] = [];
  for (const term of terms) {
    checkLength(term.front, `Line ${formatCount(term.line)}, the term,`);
    checkLength(term.back, `Line ${formatCount(term.line)}, the definition,`);
    if (term.front === '' || term.back.trim() === '') {
      empty.push(term.line);
      continue;
    }
    const factId = allocate(`${shell.id}:${hashText(term.front)}`);
    cards.push({
      id: `${factId}:qa`,
      factId,
      kind: 'qa',
      front: term.front,
      back: term.back.trim(),
      tags: [],
    });
  }
  return finishText(shell, cards, 'quizlet', empty, []);
}

function finishText(
  shell: DeckShell,
  cards: DeckCard[],
  origin: 'quizlet' | 'anki-text',
  emptyLines: number[],
  notices: string[],
): ImportCandidate {
  if (cards.length === 0) {
    throw new ImportFormatError('No cards found: every row of this file has an empty front or back.');
  }
  checkCardCount(cards.length);
  const all = [...notices];
  if (emptyLines.length > 0) {
    all.push(
      `${plural(emptyLines.length, 'row')} with an empty front or back ${were(emptyLines.length)} skipped (${lineList(emptyLines)}).`,
    );
  }
  return finishCandidate(deckOf(shell, cards), origin, all);
}

function readAnkiText(text: string, options: DelimitedTextOptions): ImportCandidate {
  const lines = text.split(/\r\n|\n|\r/, 64);
  const { headers, count } = readHeaders(lines);
  const body =
    count === 0
      ? text
      : text
          .split(/\r\n|\n|\r/)
          .slice(count)
          .join('\n');
  const separator = headers.separator ?? guessSeparator(body.split(/\r\n|\n|\r/, 1)[0] ?? '');
  const rows = splitDelimited(body, separator, count + 1);
  checkCardCount(rows.length);

  const tagsColumn = headers.tagsColumn ?? indexOfColumn(headers.columns, 'tags');
  const meta = new Set([tagsColumn, headers.guidColumn, headers.notetypeColumn, headers.deckColumn]);
  const html = headers.html ?? rows.some((row) => row.fields.some((field) => HTML_HINT.test(field)));
  const shell = shellOf(headers.deck, options);
  const allocate = makeIdAllocator();
  const joiner = html ? '<br>' : '\n';
  const cards: DeckCard[] = [];
  const empty: number[] = [];
  const decks = new Set<string>();
  let mediaRemoved = 0;
  let tagsDropped = 0;

  for (const row of rows) {
    const fields: string[] = [];
    row.fields.forEach((value, index) => {
      checkLength(value, `Line ${formatCount(row.line)}, field ${index + 1},`);
      if (meta.has(index + 1)) return;
      const stripped = html ? stripMedia(value) : { text: value, removed: 0 };
      mediaRemoved += stripped.removed;
      fields.push(stripped.text.trim());
    });
    const cell = (column: number | undefined) => (column ? (row.fields[column - 1] ?? '').trim() : '');
    if (headers.deckColumn) decks.add(cell(headers.deckColumn));
    const [front = '', ...rest] = fields;
    const back = rest.filter((f) => f !== '').join(joiner);
    const { tags, dropped } = normaliseTags(cell(tagsColumn).split(/\s+/));
    tagsDropped += dropped;
    const guid = cell(headers.guidColumn);
    const base = `${shell.id}:${hashText(guid ? `guid:${guid}` : front)}`;
    const notetype = cell(headers.notetypeColumn) || headers.notetype || '';
    const numbers = /cloze/i.test(notetype) || /\{\{c\d+::/.test(front) ? clozeNumbers(front) : [];
    const where = `Line ${formatCount(row.line)}`;

    if (numbers.length > 0) {
      const factId = allocate(base);
      for (const n of numbers) {
        const clozeBack = renderCloze(front, n, 'answer', { html }) + (back ? joiner + back : '');
        checkLength(clozeBack, `${where}, the back of cloze ${n},`);
        cards.push({
          id: `${factId}:cloze:c${n}`,
          factId,
          kind: 'cloze',
          front: renderCloze(front, n, 'question', { html }),
          back: clozeBack,
          tags,
          ...(html ? { markup: 'html' as const } : {}),
        });
      }
      continue;
    }
    if (front === '' || back === '') {
      empty.push(row.line);
      continue;
    }
    checkLength(back, `${where}, the back (its fields joined),`);
    const factId = allocate(base);
    cards.push({
      id: `${factId}:qa`,
      factId,
      kind: 'qa',
      front,
      back,
      tags,
      ...(html ? { markup: 'html' as const } : {}),
    });
  }

  const notices: string[] = [];
  if (mediaRemoved > 0) {
    notices.push(
      `${plural(mediaRemoved, 'image or sound', 'images and sounds')} ${were(mediaRemoved)} removed: media are not imported.`,
    );
  }
  if (tagsDropped > 0) {
    notices.push(
      `${plural(tagsDropped, 'tag')} could not be kept (too long, no letters or digits, or over 20 on a card).`,
    );
  }
  decks.delete('');
  if (decks.size > 1)
    notices.push(`The file names ${formatCount(decks.size)} decks; all cards were put in one deck.`);
  return finishText(shell, cards, 'anki-text', empty, notices);
}

function indexOfColumn(columns: readonly string[] | undefined, name: string): number | undefined {
  const index = columns?.indexOf(name) ?? -1;
  return index >= 0 ? index + 1 : undefined;
}
