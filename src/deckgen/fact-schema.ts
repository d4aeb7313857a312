/**
 * Schema of the human-editable fact files in decks/*.yaml.
 *
 * One YAML file per deck (deck id = file name). A clinician edits facts here; the generator turns every fact
 * into one or more cards. Fact ids are permanent: card ids (and so every user's review history) derive from them;
 * a fact renamed anyway lists its cards' old ids in `previousIds`.
 */
import * as v from 'valibot';
import { DECK_LIMITS } from '../domain/deck-format';

/** Section headings of the review, numbered and titled as in the source. */
export const SECTIONS = [
  '1. Abstract',
  '2. Introduction',
  '3. Pathology of sarcoma metastasis',
  '4. Biology of sarcoma metastasis',
  '4.1. Angiogenic factors',
  '4.2. Tumor suppressor p53',
  '4.3. Oncoproteins',
  '4.4. Additional protein factors',
  '4.5. MicroRNAs',
  '5. Surgery and radiation therapy for sarcoma metastasis',
  '6. Chemotherapy for sarcoma metastasis',
  '7. Summary',
] as const;

/** Highest reference number in the review's bibliography. */
export const MAX_REF = 79;

/** Longest verbatim excerpt a fact may carry: a phrase or one sentence, never a paragraph. */
export const MAX_QUOTE = 300;

const Slug = v.pipe(
  v.string(),
  v.maxLength(80),
  v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case: lower-case letters, digits and single hyphens'),
);
/** A card id as `previousIds` names it: `<fact-id>:<kind>[:<variant>]`. */
const CardIdKey = v.pipe(
  v.string(),
  v.maxLength(120),
  v.regex(/^[a-z0-9][a-z0-9._-]*(:[a-z0-9._-]+){1,2}$/, 'a card id is <fact-id>:<kind>[:<variant>]'),
);
/** A short label: an MCQ option, a list item, a subject or object of a relation. */
const Label = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000));
const Question = v.pipe(Text, v.endsWith('?', 'a question ends with "?"'));

export const FactSourceSchema = v.strictObject({
  section: v.picklist(SECTIONS, `section must be one of: ${SECTIONS.join(' | ')}`),
  table: v.optional(v.picklist(['Table 1', 'Table 2', 'Table 3'])),
  figure: v.optional(v.picklist(['Figure 1', 'Figure 2'])),
  refs: v.pipe(
    v.array(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(MAX_REF, `the review has references 1-${MAX_REF}`),
      ),
    ),
    v.check((refs) => new Set(refs).size === refs.length, 'refs must not repeat'),
  ),
  quote: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(MAX_QUOTE)),
});

/**
 * `core`: what a teacher would ask (the text's numbers, histologies by age, miRNA roles, prognostic markers,
 * drugs and the blood-brain barrier, radiosurgery thresholds and doses, the treatment reasoning).
 * `detail`: abbreviations, single table cells and totals, and the layout of figures; these cards go to the
 * optional deck "Tables, figures and abbreviations", which is off by default. The rule is in decks/NOTES.md.
 */
export const LEVELS = ['core', 'detail'] as const;

const base = {
  id: Slug,
  family: Slug,
  level: v.picklist(LEVELS, `level must be one of: ${LEVELS.join(' | ')}`),
  tags: v.optional(v.array(Slug)),
  source: FactSourceSchema,
  /** Shown on the back of every card of the fact, after the answer (e.g. a caveat about the source). */
  note: v.optional(Text),
  /** For editors only; never shown in the app. */
  comment: v.optional(v.string()),
  /**
   * The key term the excerpt must contain, when it is not a term of the answer: a list the review states
   * by its heading, its items following over a paragraph (src/deckgen/key-terms.ts).
   */
  key: v.optional(Label),
  /**
   * Renamed cards: a card id of this fact -> the ids it had before (a renamed fact id, a cloze blank whose
   * answer was reworded). A learner's schedule and reviews under an old id move to the new one. Validated by
   * the generator (see previous-ids.ts).
   */
  previousIds: v.optional(
    v.record(CardIdKey, v.pipe(v.array(CardIdKey), v.minLength(1), v.maxLength(DECK_LIMITS.maxPreviousIds))),
  ),
  /**
   * A table count (e.g. 28 of 136 adults). Every card of the fact must show "<value> of <total>", and the
   * tests check that the counts of a table add up to its total and agree with its percentage row.
   */
  count: v.optional(
    v.strictObject({
      value: v.pipe(v.number(), v.integer(), v.minValue(0)),
      total: v.pipe(v.number(), v.integer(), v.minValue(1)),
      /** The table's own percentage for this count, as printed. */
      percent: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    }),
  ),
};

/** A free question and answer; `reverse` only when the reverse question has exactly one answer. */
export const QaFactSchema = v.strictObject({
  ...base,
  type: v.literal('qa'),
  question: Question,
  answer: Text,
  reverse: v.optional(v.strictObject({ question: Question, answer: Text })),
});

/**
 * subject -> object within a family (e.g. miR-17 -> PTEN in family mirna-target).
 * `forward` asks for the object, `reverse` for the subject; the generator refuses a forward question when the
 * subject occurs twice in the family and a reverse question when the object does (the answer would not be unique).
 * Multiple-choice items take their distractors from the other facts of the family.
 */
export const RelationFactSchema = v.pipe(
  v.strictObject({
    ...base,
    type: v.literal('relation'),
    subject: Label,
    object: Label,
    forward: v.optional(Question),
    reverse: v.optional(Question),
    /** Extra context shown after the answer on both directions. */
    detail: v.optional(Text),
    /**
     * Set false to suppress the multiple-choice items of this fact, or name the one direction that gets one
     * (when the other direction's options cannot all be the same kind of thing as its answer).
     */
    mcq: v.optional(v.union([v.boolean(), v.picklist(['forward', 'reverse'])])),
  }),
  v.check((f) => f.forward !== undefined || f.reverse !== undefined, 'a relation needs forward or reverse'),
);

/** A sentence with blanks written as {{answer}}; one card hides all blanks, or one card per blank if `separate`. */
export const ClozeFactSchema = v.strictObject({
  ...base,
  type: v.literal('cloze'),
  text: v.pipe(
    Text,
    v.regex(/\{\{[^{}]+\}\}/, 'a cloze text needs at least one {{blank}}'),
    v.check((t) => !t.includes('[...]'), 'write blanks as {{answer}}, not [...]'),
  ),
  separate: v.optional(v.boolean()),
});

/** Items in their true order (most to least, first to last); `first` adds an MCQ whose answer is items[0]. */
export const OrderedFactSchema = v.strictObject({
  ...base,
  type: v.literal('ordered'),
  question: Question,
  items: v.pipe(v.array(Label), v.minLength(2), v.maxLength(8)),
  first: v.optional(Question),
});

/** A question whose answer is a whole set ("name all"): the question must say how many items. */
export const ListFactSchema = v.strictObject({
  ...base,
  type: v.literal('list'),
  question: Question,
  items: v.pipe(v.array(Label), v.minLength(2), v.maxLength(12)),
});

/**
 * A hand-made multiple-choice item (a case, a contrast), with a Q/A card of the same question. Every
 * distractor comes from the review and is wrong by it; the generator refuses options that are not parallel
 * in length, and the blind-guesser test checks the rest of their form.
 */
export const ChoiceFactSchema = v.pipe(
  v.strictObject({
    ...base,
    type: v.literal('choice'),
    question: Question,
    answer: Label,
    distractors: v.pipe(v.array(Label), v.minLength(2), v.maxLength(3)),
    /** Why the answer is right, shown after it. */
    explanation: v.optional(Text),
  }),
  v.check((f) => !f.distractors.includes(f.answer), 'a distractor must not be the answer'),
);

export const FactSchema = v.variant('type', [
  QaFactSchema,
  ChoiceFactSchema,
  RelationFactSchema,
  ClozeFactSchema,
  OrderedFactSchema,
  ListFactSchema,
]);

export const DeckMetaSchema = v.strictObject({
  title: Label,
  description: Text,
  topic: Label,
  tags: v.optional(v.array(Slug)),
  /** Position of the deck in the index (ascending). */
  order: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const FactFileSchema = v.strictObject({
  deck: DeckMetaSchema,
  facts: v.pipe(v.array(FactSchema), v.minLength(1)),
});

export type Fact = v.InferOutput<typeof FactSchema>;
export type QaFact = v.InferOutput<typeof QaFactSchema>;
export type ChoiceFact = v.InferOutput<typeof ChoiceFactSchema>;
export type RelationFact = v.InferOutput<typeof RelationFactSchema>;
export type ClozeFact = v.InferOutput<typeof ClozeFactSchema>;
export type OrderedFact = v.InferOutput<typeof OrderedFactSchema>;
export type ListFact = v.InferOutput<typeof ListFactSchema>;
export type FactSource = v.InferOutput<typeof FactSourceSchema>;
export type DeckMeta = v.InferOutput<typeof DeckMetaSchema>;
export type FactFile = v.InferOutput<typeof FactFileSchema>;

/** A validated fact file together with where it came from. */
export interface LoadedFactFile {
  /** Deck id, the file name without .yaml. */
  deckId: string;
  /** Path for messages, e.g. "decks/mirna.yaml". */
  path: string;
  deck: DeckMeta;
  facts: Fact[];
}

export type FactFileResult = { ok: true; value: FactFile } | { ok: false; errors: string[] };

/** Validates parsed YAML; errors name the path inside the file, e.g. "facts.3.source.quote: ...". */
export function parseFactFile(data: unknown): FactFileResult {
  const result = v.safeParse(FactFileSchema, data);
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    errors: result.issues.slice(0, 20).map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}
