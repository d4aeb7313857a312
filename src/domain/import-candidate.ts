/**
 * What every import path (deck file, share link, Anki or Quizlet text, Anki package) produces before the
 * learner sees a preview and confirms: a validated deck file and what the learner should know about it.
 */
import type { DeckFile } from './deck-format';

export type ImportOrigin = 'file' | 'link' | 'anki-text' | 'quizlet' | 'apkg';

export interface ImportCandidate {
  /** Passed `parseDeckFile`. */
  deck: DeckFile;
  origin: ImportOrigin;
  /** Things the learner should know, in plain words, e.g. "212 media files were skipped." */
  notices: string[];
  /** Some cards carry a schedule or reviews, which the learner may keep or drop. */
  hasScheduling: boolean;
}

/** True when any card of the deck carries a schedule or reviews. */
export function carriesScheduling(deck: DeckFile): boolean {
  return deck.cards.some((card) => card.schedule !== undefined || (card.history?.length ?? 0) > 0);
}
