/**
 * The backup format's parts that are about data rather than streams: its name and version, its limits, which
 * object stores it carries, and, per store, how a record is written as JSON and the schema a record read
 * back must pass. Documented in docs/backup-format.md.
 *
 * A store added to the database later (quiz history, say) is added to `BACKUP_STORES` with its record schema
 * and the database version that created it, or to `NOT_BACKED_UP` with the reason; a test fails until it is
 * one or the other.
 */
import * as v from 'valibot';
import { withIndexKeys } from '../domain/card-record';
import { CARD_KINDS, MARKUPS, NoteSchema, SourceSchema } from '../domain/deck-format';
import { QUESTION_COUNTS, QUESTION_TYPES, QUIZ_SELECTIONS, type QuizRecord } from '../domain/quiz';
import {
  DEFAULT_SETTINGS,
  type CardRecord,
  type DeckRecord,
  type ReviewLogRecord,
  type Settings,
} from '../domain/types';
import type { QuarantinedRecord } from './schema';
import { SETTINGS_KEY } from './schema';
import { SettingsSchema } from './settings-store';

export const BACKUP_FORMAT = 'sarcomet-backup';
export const BACKUP_VERSION = 1;
/** The oldest database version whose backups a restore can rebuild (see restore.ts). */
export const OLDEST_RESTORABLE_DB_VERSION = 3;

/** Limits that keep an untrusted file from exhausting memory or storage. */
export const BACKUP_LIMITS = {
  /** The backup file as picked. */
  fileBytes: 2 * 1024 ** 3,
  /** What it unpacks to, counted on the bytes actually unpacked (a small file can unpack to a lot). */
  unpackedBytes: 4 * 1024 ** 3,
  /** One line (one record), in characters. */
  lineChars: 1024 ** 2,
  /** Nesting of a free-form value (a `meta` value). */
  jsonDepth: 32,
};
export type BackupLimits = typeof BACKUP_LIMITS;

const Text = v.string();
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const Finite = v.pipe(v.number(), v.finite());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const State = v.picklist([0, 1, 2, 3]);

/** A date as the file writes it: `{ "$date": "2026-01-05T09:00:00.000Z" }`, exactly what toISOString gives. */
const DateJson = v.pipe(
  v.strictObject({ $date: v.string() }),
  v.transform((value) => new Date(value.$date)),
  v.check(
    (date) => Number.isFinite(date.getTime()),
    'dates are written as { "$date": "2026-01-05T09:00:00.000Z" }',
  ),
);

/** Whether `value` is a Date we can write: a valid one (an invalid Date has no ISO form). */
function isDate(value: unknown): value is Date {
  return value instanceof Date;
}

/**
 * JSON of a record with its Dates written as `{ "$date": ISO }`. JSON.stringify calls a Date's toJSON before
 * the replacer sees it, so the replacer looks at the raw value (`this[key]`).
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    return isDate(raw) ? { $date: raw.toISOString() } : replaced;
  });
}

/** Keys that could reach an object's prototype if a later step copied the value with assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A free-form JSON value (a `meta` value, a quarantined record): plain data only, no key that could touch a
 * prototype, at most `BACKUP_LIMITS.jsonDepth` deep; `{ "$date": ISO }` objects become Dates. Returns the
 * decoded value or the reason it is refused.
 */
function decodeFreeJson(value: unknown, depth = 0): { value: unknown } | { problem: string } {
  if (depth > BACKUP_LIMITS.jsonDepth) return { problem: 'nested too deeply' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { problem: 'not a number' };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const decoded = decodeFreeJson(item, depth + 1);
      if ('problem' in decoded) return decoded;
      out.push(decoded.value);
    }
    return { value: out };
  }
  if (typeof value !== 'object') return { problem: 'not JSON data' };
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$date') {
    const date = v.safeParse(DateJson, value);
    return date.success ? { value: date.output } : { problem: 'not a valid date' };
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return { problem: `the key "${key}" is not allowed` };
    const decoded = decodeFreeJson((value as Record<string, unknown>)[key], depth + 1);
    if ('problem' in decoded) return decoded;
    // defineProperty, not assignment: even an unexpected key could never reach a setter.
    Object.defineProperty(out, key, {
      value: decoded.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { value: out };
}

const FreeJson = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const decoded = decodeFreeJson(dataset.value);
    if ('problem' in decoded) {
      addIssue({ message: decoded.problem });
      return NEVER;
    }
    return decoded.value;
  }),
);

const FsrsJson = v.strictObject({
  due: DateJson,
  stability: Finite,
  difficulty: Finite,
  elapsed_days: Finite,
  scheduled_days: Finite,
  learning_steps: Finite,
  reps: Count,
  lapses: Count,
  state: State,
  last_review: v.optional(DateJson),
});

const DeckJson = v.strictObject({
  id: Key,
  title: Text,
  description: Text,
  language: Text,
  tags: v.array(Text),
  topic: v.optional(Text),
  builtIn: v.boolean(),
  paused: v.optional(v.boolean()),
  hash: Text,
  cardCount: Count,
  importedAt: Finite,
  updatedAt: Finite,
});

/** A card; its index keys are derived again from its state, so a file cannot put a card in the wrong index. */
const CardJson = v.pipe(
  v.strictObject({
    id: Key,
    deckId: Key,
    factId: Key,
    kind: v.picklist(CARD_KINDS),
    front: Text,
    back: Text,
    tags: v.array(Text),
    markup: v.optional(v.picklist(MARKUPS)),
    source: v.optional(SourceSchema),
    sourceNote: v.optional(Text),
    note: v.optional(NoteSchema),
    choices: v.optional(v.strictObject({ options: v.array(Text), answer: v.array(Count) })),
    fsrs: FsrsJson,
    suspended: v.boolean(),
    buriedUntil: Finite,
    due: v.optional(Finite),
    reviewDue: v.optional(Finite),
    learnDue: v.optional(Finite),
    newRank: v.optional(Finite),
    position: Finite,
    addedAt: Finite,
  }),
  v.transform((card) => withIndexKeys(card as CardRecord)),
);

const LogJson = v.strictObject({
  id: Key,
  cardId: Key,
  factId: Text,
  time: Finite,
  grade: v.picklist([1, 2, 3, 4]),
  prev: v.tuple([Finite, Finite, Finite, Finite, Finite, Finite, Finite, Finite, State, Finite]),
  took: v.optional(v.pipe(Finite, v.minValue(0))),
});

const QuestionJson = v.strictObject({
  id: Key,
  cardId: Key,
  factId: Text,
  deckId: Key,
  type: v.picklist(QUESTION_TYPES),
  prompt: Text,
  options: v.array(Text),
  statement: v.optional(Text),
  answerIndex: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  answerText: Text,
});

/** A quiz, finished or in progress (version 5); it holds no Dates, only epoch ms. */
const QuizJson = v.strictObject({
  id: Key,
  startedAt: Finite,
  finishedAt: v.optional(Finite),
  setup: v.strictObject({
    deckIds: v.array(Key),
    tags: v.array(Text),
    count: v.picklist(QUESTION_COUNTS),
    types: v.array(v.picklist(QUESTION_TYPES)),
    timeLimit: v.nullable(Finite),
    selection: v.picklist(QUIZ_SELECTIONS),
    examDate: v.nullable(Finite),
    feedback: v.picklist(['each', 'end']),
  }),
  questions: v.array(QuestionJson),
  answers: v.array(v.strictObject({ questionId: Key, given: Text, correct: v.boolean() })),
  elapsedMs: Finite,
});

const QuarantineJson = v.strictObject({
  store: Text,
  key: FreeJson,
  value: FreeJson,
  reason: Text,
  version: Finite,
  at: Finite,
});

/** How one object store travels in a backup. */
export interface BackupStore {
  /** The first database version that has the store; a backup of an older version has no lines for it. */
  since: number;
  /** Stores without a key path write each record's key on its line (`k`), checked by this schema. */
  key?: v.GenericSchema<unknown, IDBValidKey>;
  /** A record as read back from JSON, to what is stored. */
  value: v.GenericSchema<unknown, unknown>;
  /**
   * Whether its records can hold Dates. Records of a store without them are written by plain JSON.stringify
   * (no replacer: 2M review logs write several times faster); a Date there would become a string that the
   * store's schema refuses on restore, so the mistake could not pass unnoticed.
   */
  dates: boolean;
}

/**
 * Every store a backup carries, in the order the file lists them (small ones first, so a preview and a
 * failure come early). Keys are object store names.
 */
export const BACKUP_STORES = {
  settings: {
    since: 1,
    key: v.literal(SETTINGS_KEY),
    // A setting added after a backup was made (countQuizAsReviews, version 5; leechThreshold and
    // reviewOrder, issue 13) starts at its default.
    value: v.strictObject({
      ...SettingsSchema.entries,
      countQuizAsReviews: v.optional(
        SettingsSchema.entries.countQuizAsReviews,
        DEFAULT_SETTINGS.countQuizAsReviews,
      ),
      leechThreshold: v.optional(SettingsSchema.entries.leechThreshold, DEFAULT_SETTINGS.leechThreshold),
      reviewOrder: v.optional(SettingsSchema.entries.reviewOrder, DEFAULT_SETTINGS.reviewOrder),
    }) satisfies v.GenericSchema<unknown, Settings>,
    dates: false,
  },
  meta: { since: 1, key: Key, value: FreeJson, dates: true },
  decks: { since: 1, value: DeckJson satisfies v.GenericSchema<unknown, DeckRecord>, dates: false },
  cards: { since: 1, value: CardJson satisfies v.GenericSchema<unknown, CardRecord>, dates: true },
  'review-logs': {
    since: 1,
    value: LogJson satisfies v.GenericSchema<unknown, ReviewLogRecord>,
    dates: false,
  },
  quarantine: {
    since: 3,
    dates: true,
    key: v.pipe(v.number(), v.integer(), v.minValue(1)),
    value: QuarantineJson satisfies v.GenericSchema<
      unknown,
      Omit<QuarantinedRecord, 'key'> & { key: unknown }
    >,
  },
  quizzes: { since: 5, value: QuizJson satisfies v.GenericSchema<unknown, QuizRecord>, dates: false },
} satisfies Record<string, BackupStore>;

export type BackupStoreName = keyof typeof BACKUP_STORES;
export const BACKUP_STORE_NAMES = Object.keys(BACKUP_STORES) as BackupStoreName[];

/** Stores a backup leaves out, and why (docs/backup-format.md). */
export const NOT_BACKED_UP: Record<string, string> = {
  snapshots:
    'undo copies of whole decks before an import or deletion: one record can be tens of megabytes, and a restored collection starts a new history',
};

/** A store name of the file, if it is one a backup carries. */
export function backupStore(name: string): BackupStoreName | null {
  // Not Object.hasOwn: Safari 15.0-15.3, which the app supports, lacks it.
  return Object.prototype.hasOwnProperty.call(BACKUP_STORES, name) ? (name as BackupStoreName) : null;
}

/** Counts per store, as the header and the trailer give them. */
export type StoreCounts = Partial<Record<BackupStoreName, number>>;

const Counts = v.record(v.string(), Count);

/** The first line. */
export const HeaderSchema = v.looseObject({
  format: v.string(),
  version: v.number(),
});

/** The first line of a version 1 backup, once format and version are known to be right. */
export const HeaderV1Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  dbVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  app: v.optional(v.string()),
  counts: Counts,
});
export type BackupHeader = v.InferOutput<typeof HeaderV1Schema>;

/** The last line. */
export const TrailerSchema = v.strictObject({ end: v.literal(BACKUP_FORMAT), counts: Counts });

/** Every other line: one record of store `s`, with its key `k` when the store has no key path. */
export const LineSchema = v.strictObject({ s: v.string(), k: v.optional(v.unknown()), v: v.unknown() });

/** The problems of a failed parse, as "field: message", at most three. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
