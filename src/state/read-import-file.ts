/**
 * Turning a file the learner picked or dropped into an import candidate: the format is recognised from the
 * name and the content, the size is checked before anything is read, and the content is validated. Heavy
 * readers (Anki packages) are loaded only when such a file arrives. Every failure is an `ImportError` whose
 * message says what is wrong and what to do.
 */
import { DECK_FORMAT, DECK_LIMITS, parseDeckFile } from '../domain/deck-format';
import { carriesScheduling, type ImportCandidate } from '../domain/import-candidate';
import type { SchedulerSettings } from '../domain/scheduler';

/** Text exports (Anki, Quizlet, any CSV/TSV of front and back) by their extension. */
const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'tsv']);
/** Anki packages; the package limit is the reader's own (APKG_LIMITS, 300 MB: media are never read). */
const PACKAGE_EXTENSIONS = new Set(['apkg', 'colpkg']);

export class ImportError extends Error {
  override name = 'ImportError';
}

const MB = 1024 * 1024;

function extension(name: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

function sizeText(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** A deck file's text, parsed and validated. */
export function deckCandidateOfText(
  text: string,
  origin: ImportCandidate['origin'] = 'file',
): ImportCandidate {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError(
      'This file is not a readable deck: its JSON is invalid or cut off. Ask for the file again, or export it again.',
    );
  }
  return deckCandidateOf(data, origin);
}

/** Parsed JSON checked as a deck file, with messages for the usual mistakes. */
export function deckCandidateOf(data: unknown, origin: ImportCandidate['origin']): ImportCandidate {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    if (record.format === 'sarcomet-backup') {
      throw new ImportError('This is a SarcoMet backup, not a deck. Restore it from Settings → Backup.');
    }
    if (record.format === DECK_FORMAT && record.version !== 1) {
      throw new ImportError(
        `This deck was made by a newer version of SarcoMet (format version ${String(record.version)}). Update the app (reload it while online), then import the deck again.`,
      );
    }
    if (record.format !== DECK_FORMAT) {
      throw new ImportError(
        'This file is not a SarcoMet deck. Import a deck file (.json), an Anki or Quizlet text export (.txt, .csv, .tsv) or an Anki package (.apkg).',
      );
    }
  }
  const parsed = parseDeckFile(data);
  if (!parsed.ok) {
    throw new ImportError(
      `This deck file has errors, so nothing was imported. ${parsed.errors.slice(0, 3).join('; ')}`,
    );
  }
  return {
    deck: parsed.value,
    origin,
    notices: [],
    hasScheduling: carriesScheduling(parsed.value),
  };
}

/**
 * Reads a picked or dropped file as an import candidate: a deck file (.json), an Anki or Quizlet text export
 * (.txt, .csv, .tsv) or an Anki package (.apkg, read in a worker; its reviews are replayed with `settings`).
 * Rejects with an error whose message is for the learner when the file is too large, of a kind the app does
 * not read, or invalid.
 */
export async function readImportFile(file: File, settings?: SchedulerSettings): Promise<ImportCandidate> {
  const ext = extension(file.name);
  if (PACKAGE_EXTENSIONS.has(ext)) {
    const { readApkgFile } = await import('../workers/apkg-client');
    return readApkgFile(file, settings ? { settings } : {});
  }
  if (file.size > DECK_LIMITS.maxFileBytes) {
    throw new ImportError(
      `This file is ${sizeText(file.size)}; deck files can be at most ${sizeText(DECK_LIMITS.maxFileBytes)}. Split the deck, or share it as an Anki package.`,
    );
  }
  if (file.size === 0) throw new ImportError('This file is empty.');
  const text = await file.text();
  if (ext === 'json' || (!TEXT_EXTENSIONS.has(ext) && text.trimStart().startsWith('{'))) {
    return deckCandidateOfText(text);
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    const { parseDelimitedText } = await import('../domain/interop/delimited-text');
    return parseDelimitedText(text, { fileName: file.name });
  }
  throw new ImportError(
    `SarcoMet cannot read .${ext || 'unknown'} files. Import a deck file (.json), an Anki or Quizlet text export (.txt, .csv, .tsv) or an Anki package (.apkg).`,
  );
}
