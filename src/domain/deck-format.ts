/**
 * The shareable deck format ("sarcomet-deck", version 1).
 *
 * Built-in decks are generated into this format at build time, and custom decks and shared decks use it too,
 * so every deck that reaches the database has passed `parseDeckFile`. Documented in docs/deck-format.md.
 */
import * as v from 'valibot';

export const DECK_FORMAT = 'sarcomet-deck';
export const DECK_FORMAT_VERSION = 1;

/** Limits that keep an untrusted deck from exhausting memory or storage. */
export const DECK_LIMITS = {
  // Large shared decks are real: the AnKing medical deck has about 43,000 cards.
  maxCards: 200_000,
  /** A card's front, back, note or source note: rendered Anki templates can be long. */
  maxTextLength: 20_000,
  maxShortText: 200,
  maxTags: 20,
  maxChoices: 8,
  maxRefs: 40,
  /** Earlier ids one card may list in `previousIds`. */
  maxPreviousIds: 20,
  /** Reviews carried by one card in an export with scheduling. */
  maxHistory: 10_000,
  /** A deck file or a share link's decompressed deck, checked before parsing. */
  maxFileBytes: 20 * 1024 * 1024,
} as const;

const Id = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(120),
  v.regex(/^[a-z0-9][a-z0-9._:-]*$/, 'ids use lower-case letters, digits and . _ : -'),
);
const ShortText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(DECK_LIMITS.maxShortText));
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(DECK_LIMITS.maxTextLength));
const Tag = v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.regex(/^[a-z0-9][a-z0-9-/]*$/));
const Tags = v.pipe(v.array(Tag), v.maxLength(DECK_LIMITS.maxTags));

export const CARD_KINDS = ['qa', 'cloze', 'ordered', 'mcq'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/**
 * How a card's texts are written: absent for plain text (the built-in decks); `markdown` for the editor's
 * small subset (bold, italic, lists, line breaks, sub- and superscript); `html` for cards rendered from Anki
 * note types. Both are rendered by a library and sanitized, never inserted as given.
 */
export const MARKUPS = ['markdown', 'html'] as const;
export type Markup = (typeof MARKUPS)[number];

/** Note types of the card editor; one note gives one or more cards (see src/domain/notes.ts). */
export const NOTE_TYPES = ['basic', 'reversed', 'cloze', 'mcq'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

const Int = v.pipe(v.number(), v.integer());
const Count = v.pipe(Int, v.minValue(0));
/** Epoch ms between 1970 and 2200. */
const EpochMs = v.pipe(Int, v.minValue(0), v.maxValue(7_258_118_400_000));
const Finite = v.pipe(v.number(), v.finite());
const StateNumber = v.picklist([0, 1, 2, 3]);
const GradeNumber = v.picklist([1, 2, 3, 4]);

export const SourceSchema = v.strictObject({
  /** Section number and title, e.g. "4.5. MicroRNAs". */
  section: ShortText,
  /** Table or figure, e.g. "Table 2", when the fact comes from one. */
  table: v.optional(ShortText),
  figure: v.optional(ShortText),
  /** The review's reference numbers that support the fact. */
  refs: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999))),
    v.maxLength(DECK_LIMITS.maxRefs),
  ),
  /** A short verbatim excerpt of the review. */
  quote: v.pipe(v.string(), v.minLength(1), v.maxLength(600)),
});
export type CardSource = v.InferOutput<typeof SourceSchema>;

/** What the card editor needs to edit a custom card again: the note all its sibling cards come from. */
export const NoteSchema = v.strictObject({
  type: v.picklist(NOTE_TYPES),
  /** Question, or for cloze the text with Anki deletions `{{c1::answer::hint}}`. */
  front: Text,
  /** Answer; for cloze and multiple choice an optional extra shown on the back. */
  back: v.pipe(v.string(), v.maxLength(DECK_LIMITS.maxTextLength)),
  /** Multiple choice only: the options and the indexes of the correct ones. */
  options: v.optional(v.pipe(v.array(ShortText), v.maxLength(DECK_LIMITS.maxChoices))),
  answer: v.optional(v.pipe(v.array(Count), v.maxLength(DECK_LIMITS.maxChoices))),
});
export type NoteSource = v.InferOutput<typeof NoteSchema>;

/** A card's scheduling state as an export "with scheduling" carries it (ts-fsrs's card, dates as epoch ms). */
export const ScheduleSchema = v.strictObject({
  due: EpochMs,
  stability: v.pipe(Finite, v.minValue(0)),
  difficulty: v.pipe(Finite, v.minValue(0), v.maxValue(10)),
  elapsedDays: v.pipe(Finite, v.minValue(0)),
  scheduledDays: v.pipe(Finite, v.minValue(0)),
  learningSteps: Count,
  reps: Count,
  lapses: Count,
  state: StateNumber,
  lastReview: v.optional(EpochMs),
  suspended: v.optional(v.boolean()),
  /** When the learner last reset the card to new; reviews before it are history. */
  resetAt: v.optional(EpochMs),
});
export type CardSchedule = v.InferOutput<typeof ScheduleSchema>;

/** One review as an export with scheduling carries it: a review-log record without the card's ids. */
export const HistoryEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'review ids are 8-64 letters, digits, _ or -')),
  time: EpochMs,
  grade: GradeNumber,
  /** The card's scheduling state before the review, packed as in review logs (see `PackedSchedule`). */
  prev: v.tuple([
    EpochMs,
    v.pipe(Finite, v.minValue(0)),
    v.pipe(Finite, v.minValue(0), v.maxValue(10)),
    v.pipe(Finite, v.minValue(0)),
    v.pipe(Finite, v.minValue(0)),
    Count,
    Count,
    Count,
    StateNumber,
    EpochMs,
  ]),
});
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

export const CardSchema = v.pipe(
  v.strictObject({
    id: Id,
    /**
     * Ids this card had before (a renamed fact, a cloze blank whose answer was reworded): a collection that
     * still holds a card under one of them moves its schedule, suspension and reviews to `id`.
     */
    previousIds: v.optional(v.pipe(v.array(Id), v.minLength(1), v.maxLength(DECK_LIMITS.maxPreviousIds))),
    factId: Id,
    kind: v.picklist(CARD_KINDS),
    front: Text,
    back: Text,
    tags: Tags,
    /** Absent: plain text. */
    markup: v.optional(v.picklist(MARKUPS)),
    source: v.optional(SourceSchema),
    /** A free-text note on where a custom card comes from (lecture, paper, page). */
    sourceNote: v.optional(v.pipe(v.string(), v.maxLength(DECK_LIMITS.maxTextLength))),
    /** Custom cards: the editor's note, shared by the card's siblings. */
    note: v.optional(NoteSchema),
    /** Exports with scheduling: the card's state and suspension, and its reviews. */
    schedule: v.optional(ScheduleSchema),
    history: v.optional(v.pipe(v.array(HistoryEntrySchema), v.maxLength(DECK_LIMITS.maxHistory))),
    /** Options of a multiple-choice item; `answer` holds the indexes of the correct ones. */
    choices: v.optional(
      v.strictObject({
        options: v.pipe(v.array(ShortText), v.minLength(2), v.maxLength(DECK_LIMITS.maxChoices)),
        answer: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.minLength(1)),
      }),
    ),
  }),
  v.check(
    (card) => (card.kind === 'mcq') === (card.choices !== undefined),
    'multiple-choice items, and only they, carry choices',
  ),
  v.check(
    (card) =>
      card.choices === undefined ||
      (card.choices.answer.every((i) => i < card.choices!.options.length) &&
        new Set(card.choices.options).size === card.choices.options.length),
    'choices must be distinct and every answer index must point at an option',
  ),
);
export type DeckCard = v.InferOutput<typeof CardSchema>;

export const DeckFileSchema = v.pipe(
  v.strictObject({
    format: v.literal(DECK_FORMAT),
    version: v.literal(DECK_FORMAT_VERSION),
    id: Id,
    title: ShortText,
    description: v.pipe(v.string(), v.maxLength(DECK_LIMITS.maxTextLength)),
    language: v.pipe(
      v.string(),
      v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language is a BCP 47 tag such as "en"'),
    ),
    tags: Tags,
    /** Topic used to group decks in the browser, e.g. "Biology". */
    topic: v.optional(ShortText),
    cards: v.pipe(v.array(CardSchema), v.minLength(1), v.maxLength(DECK_LIMITS.maxCards)),
  }),
  v.check(
    (deck) => new Set(deck.cards.map((c) => c.id)).size === deck.cards.length,
    'card ids must be unique',
  ),
  v.check(
    (deck) => previousIdProblems(deck.cards).length === 0,
    (issue) => previousIdProblems(issue.input.cards).join('; '),
  ),
);
export type DeckFile = v.InferOutput<typeof DeckFileSchema>;

/**
 * What is wrong with the cards' `previousIds` (empty when nothing): an earlier id must not be a card id of the
 * same set of cards, and no two cards may claim the same earlier id, or a rename would be ambiguous.
 */
export function previousIdProblems(cards: readonly Pick<DeckCard, 'id' | 'previousIds'>[]): string[] {
  const current = new Set(cards.map((card) => card.id));
  const claimedBy = new Map<string, string>();
  const problems: string[] = [];
  for (const card of cards) {
    for (const previous of card.previousIds ?? []) {
      const other = claimedBy.get(previous);
      if (current.has(previous)) {
        problems.push(`"${card.id}" lists "${previous}" as a previous id, but it is a current card id`);
      } else if (other !== undefined) {
        problems.push(`previous id "${previous}" is claimed by both "${other}" and "${card.id}"`);
      } else {
        claimedBy.set(previous, card.id);
      }
    }
  }
  return problems;
}

/** Entry of `decks/index.json`, the list of built-in decks the build emits. */
export const DeckIndexSchema = v.strictObject({
  format: v.literal('sarcomet-deck-index'),
  decks: v.array(
    v.strictObject({
      id: Id,
      title: ShortText,
      topic: v.optional(ShortText),
      file: v.pipe(v.string(), v.regex(/^[a-z0-9._-]+\.json$/)),
      /** Content hash: the app re-imports a built-in deck only when this changes. */
      hash: v.pipe(v.string(), v.regex(/^[a-f0-9]{8,64}$/)),
      cardCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** An optional deck: the app adds it out of daily study, for the learner to turn on. */
      optional: v.optional(v.boolean()),
    }),
  ),
});
export type DeckIndex = v.InferOutput<typeof DeckIndexSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function issuesToMessages(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.slice(0, 10).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Validates untrusted deck data (already JSON-parsed). Never throws. */
export function parseDeckFile(data: unknown): ParseResult<DeckFile> {
  const result = v.safeParse(DeckFileSchema, data);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, errors: issuesToMessages(result.issues) };
}

/** Validates the built-in deck index. Never throws. */
export function parseDeckIndex(data: unknown): ParseResult<DeckIndex> {
  const result = v.safeParse(DeckIndexSchema, data);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, errors: issuesToMessages(result.issues) };
}
