/**
 * The shape of the SarcoMet IndexedDB database (current version). Object stores and indexes are kebab-case.
 * `by-due` and `by-new` are sparse: a card without the key (see `withIndexKeys`) is not in the index.
 */
import type { DBSchema } from 'idb';
import type { QuizRecord } from '../domain/quiz';
import type { CardRecord, DeckRecord, ReviewLogRecord, Settings } from '../domain/types';

/** Why a snapshot was taken. */
export type SnapshotReason = 'import' | 'delete-deck' | 'restore';

/**
 * The decks an operation is about to change, as they were: their records, cards and the cards' review
 * logs. Bringing a snapshot back puts these decks back exactly as they were (and removes decks listed in
 * `deckIds` that had no record then, i.e. that the operation created).
 */
export interface SnapshotRecord {
  id: string;
  /** Epoch ms when it was taken. */
  time: number;
  reason: SnapshotReason;
  /** What the user sees, e.g. 'Before importing "Journal club"'. */
  label: string;
  /** Every deck the snapshot covers, including ones that did not exist yet. */
  deckIds: string[];
  decks: DeckRecord[];
  cards: CardRecord[];
  logs: ReviewLogRecord[];
}

export interface AppDB extends DBSchema {
  decks: {
    key: string;
    value: DeckRecord;
  };
  cards: {
    key: string;
    value: CardRecord;
    indexes: {
      'by-deck': string;
      'by-due': number;
      'by-review': number;
      'by-deck-review': [string, number];
      'by-learning': number;
      'by-new': [string, number];
      'by-fact': string;
    };
  };
  'review-logs': {
    key: string;
    value: ReviewLogRecord;
    indexes: {
      'by-time': number;
      'by-card': string;
    };
  };
  settings: {
    key: string;
    value: Settings;
  };
  meta: {
    key: string;
    value: unknown;
  };
  /**
   * Copies of what an import, a restore or a deck deletion replaced, taken in the same transaction, so the
   * learner can bring it back (version 4). See snapshot-store.ts.
   */
  snapshots: {
    key: string;
    value: SnapshotRecord;
    indexes: { 'by-time': number };
  };
  /** Quizzes, finished and in progress (version 5). See quiz-store.ts. */
  quizzes: {
    key: string;
    value: QuizRecord;
    indexes: { 'by-time': number };
  };
  /** Records an upgrade could not use, kept whole with the reason (version 3). */
  quarantine: {
    key: number;
    value: QuarantinedRecord;
  };
}

export interface QuarantinedRecord {
  /** The store the record came from. */
  store: string;
  /** Its key there. */
  key: IDBValidKey;
  /** The record as it was stored. */
  value: unknown;
  /** Why it could not be used. */
  reason: string;
  /** The version whose upgrade set it aside. */
  version: number;
  /** Epoch ms when it was set aside. */
  at: number;
}

/** Key of the single record in the `settings` store. */
export const SETTINGS_KEY = 'settings';
