/** The last step every import from another app shares: validate the built deck and wrap it as a candidate. */
import { parseDeckFile, type DeckFile } from '../deck-format';
import { carriesScheduling, type ImportCandidate, type ImportOrigin } from '../import-candidate';

/**
 * An import the learner should hear about in plain words: the message says what is wrong with the file and,
 * where there is one, what to do about it. Every rejection of an import from another app is one of these.
 */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}

/**
 * The candidate for a built deck. The deck must pass `parseDeckFile`; if our own conversion produced
 * something it rejects, that is reported as an error rather than passed on.
 */
export function finishCandidate(deck: DeckFile, origin: ImportOrigin, notices: string[]): ImportCandidate {
  const parsed = parseDeckFile(deck);
  if (!parsed.ok) {
    throw new ImportFormatError(
      `The cards read from this file do not form a valid deck (${parsed.errors.slice(0, 3).join('; ')}).`,
    );
  }
  return { deck: parsed.value, origin, notices, hasScheduling: carriesScheduling(parsed.value) };
}
