/**
 * Facts -> deck files. Pure: no file system, no clock. The card kinds a fact yields depend on its type:
 *
 * - qa: question/answer card, plus the reverse card when the fact gives one;
 * - relation: forward and reverse Q/A cards, and a multiple-choice item for each direction whose
 *   distractors are the objects (or subjects) of the other relations of the same family;
 * - cloze: one card hiding all blanks, or one per blank;
 * - ordered: an ordered-list card, plus "which comes first?" as a multiple-choice item;
 * - list: a "name all" Q/A card.
 *
 * Throws DeckGenError (naming deck file and fact id) when facts are inconsistent: duplicate ids, an ambiguous
 * forward/reverse question, a list question that does not say how many, two cards with the same front, or
 * `previousIds` that name no card of the fact, a current card id, or one old id twice.
 */
import { DECK_FORMAT, DECK_FORMAT_VERSION, previousIdProblems } from '../domain/deck-format';
import type { DeckCard, DeckFile } from '../domain/deck-format';
import { composeBack, makeClozeCards, makeMcqCard, makeOrderedCard, makeQaCard } from './card-kinds';
import type { CardBase } from './card-kinds';
import type { Fact, LoadedFactFile, RelationFact } from './fact-schema';
import { withPreviousIds } from './previous-ids';

export class DeckGenError extends Error {
  override name = 'DeckGenError';
}

/**
 * The optional deck: the cards of every `level: detail` fact, whichever topic file holds the fact (so its
 * family still gives distractors to its siblings). Off by default in the app; turning it on changes no
 * core deck, since its cards are in no other deck.
 */
export const OPTIONAL_DECK = {
  id: 'tables-figures',
  title: 'Tables, figures and abbreviations',
  description:
    'Optional: the abbreviations of the review, single cells and totals of its tables, and the layout of its figures. Off by default; turn it on to study them too.',
  topic: 'Details',
} as const;

/** Comparison key for subjects/objects: case and spacing do not make two answers different. */
export function answerKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** True when a "name all" question states how many answers are expected. */
/** Distractors of a count item must differ from the answer's percentage by this much, and from each other. */
export const MIN_PERCENT_GAP = 2;

/**
 * The family members a count item (a table cell, "15 of 136 (11%)") may take distractors from: only counts
 * whose percentage is at least `MIN_PERCENT_GAP` points from the answer's, one per percentage. The review's
 * text and tables round differently (Table 2 prints MFH/UPS as 11%, the text says 10%), so a distractor one
 * point away could be the answer a learner rightly learned, and two options both reading "(1%)" cannot be told
 * apart. Facts without a count are returned as they are.
 */
export function countDistractors<F extends { count?: { percent: number } | undefined }>(
  fact: F,
  family: readonly F[],
): F[] {
  const answer = fact.count?.percent;
  if (answer === undefined) return [...family];
  const seen = new Set<number>([answer]);
  return family.filter((other) => {
    if (other === fact) return true;
    const percent = other.count?.percent;
    if (percent === undefined) return true;
    if (Math.abs(percent - answer) < MIN_PERCENT_GAP || seen.has(percent)) return false;
    seen.add(percent);
    return true;
  });
}

export function listQuestionStatesCount(question: string, count: number): boolean {
  const q = question.toLowerCase();
  const word = COUNT_WORDS[count];
  return new RegExp(`\\b${count}\\b`).test(q) || (word !== undefined && new RegExp(`\\b${word}\\b`).test(q));
}

/** The relation facts of one family, in file order. */
export type RelationFamilies = Map<string, RelationFact[]>;

export function relationFamilies(files: readonly LoadedFactFile[]): RelationFamilies {
  const families: RelationFamilies = new Map();
  for (const file of files) {
    for (const fact of file.facts) {
      if (fact.type !== 'relation') continue;
      const list = families.get(fact.family) ?? [];
      list.push(fact);
      families.set(fact.family, list);
    }
  }
  return families;
}

/** Objects that are correct for `subject` in the family (usually one). */
export function objectsOf(family: readonly RelationFact[], subject: string): Set<string> {
  return new Set(
    family.filter((f) => answerKey(f.subject) === answerKey(subject)).map((f) => answerKey(f.object)),
  );
}

/** Subjects that are correct for `object` in the family (usually one). */
export function subjectsOf(family: readonly RelationFact[], object: string): Set<string> {
  return new Set(
    family.filter((f) => answerKey(f.object) === answerKey(object)).map((f) => answerKey(f.subject)),
  );
}

function where(file: LoadedFactFile, fact: Fact): string {
  return `${file.path}: fact "${fact.id}"`;
}

function checkFacts(files: readonly LoadedFactFile[], families: RelationFamilies): void {
  const deckIds = new Set<string>();
  const factIds = new Map<string, string>();
  for (const file of files) {
    if (deckIds.has(file.deckId))
      throw new DeckGenError(`${file.path}: deck id "${file.deckId}" is used twice`);
    deckIds.add(file.deckId);
    if (file.deckId === OPTIONAL_DECK.id)
      throw new DeckGenError(
        `${file.path}: deck id "${file.deckId}" is the optional deck's; rename the file`,
      );
    for (const fact of file.facts) {
      const seen = factIds.get(fact.id);
      if (seen !== undefined) throw new DeckGenError(`${where(file, fact)}: fact id already used in ${seen}`);
      factIds.set(fact.id, file.path);
      if (fact.type === 'relation') {
        const family = families.get(fact.family) ?? [];
        if (
          fact.forward !== undefined &&
          family.filter((f) => answerKey(f.subject) === answerKey(fact.subject)).length > 1
        ) {
          throw new DeckGenError(
            `${where(file, fact)}: forward question is ambiguous, subject "${fact.subject}" has several relations in family "${fact.family}"`,
          );
        }
        if (
          fact.reverse !== undefined &&
          family.filter((f) => answerKey(f.object) === answerKey(fact.object)).length > 1
        ) {
          throw new DeckGenError(
            `${where(file, fact)}: reverse question is ambiguous, object "${fact.object}" belongs to several subjects in family "${fact.family}"`,
          );
        }
      }
      if (fact.type === 'list' && !listQuestionStatesCount(fact.question, fact.items.length)) {
        throw new DeckGenError(
          `${where(file, fact)}: a "name all" question must say how many (${fact.items.length})`,
        );
      }
    }
  }
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

function cardsOf(deckId: string, fact: Fact, families: RelationFamilies): DeckCard[] {
  const { section, table, figure, refs, quote } = fact.source;
  const base: CardBase = {
    factId: fact.id,
    tags: uniqueTags([deckId, fact.family, ...(fact.tags ?? [])]),
    source: {
      section,
      ...(table === undefined ? {} : { table }),
      ...(figure === undefined ? {} : { figure }),
      refs: [...refs],
      quote,
    },
  };
  const cards: (DeckCard | undefined)[] = [];
  switch (fact.type) {
    case 'qa':
      cards.push(makeQaCard(base, undefined, fact.question, composeBack(fact.answer, fact.note)));
      if (fact.reverse) {
        cards.push(
          makeQaCard(base, 'rev', fact.reverse.question, composeBack(fact.reverse.answer, fact.note)),
        );
      }
      break;
    case 'choice': {
      const back = composeBack(fact.answer, fact.explanation, fact.note);
      cards.push(makeQaCard(base, undefined, fact.question, back));
      const mcq = makeMcqCard(base, undefined, fact.question, fact.answer, fact.distractors, back);
      if (mcq?.choices?.options.length !== fact.distractors.length + 1) {
        throw new DeckGenError(
          `fact "${fact.id}": its options are not parallel (one is more than twice as long as another)`,
        );
      }
      cards.push(mcq);
      break;
    }
    case 'relation': {
      const family = families.get(fact.family) ?? [];
      const wantMcq = (direction: 'forward' | 'reverse') =>
        fact.mcq === undefined || fact.mcq === true || fact.mcq === direction;
      if (fact.forward !== undefined) {
        const back = composeBack(fact.object, fact.detail, fact.note);
        cards.push(makeQaCard(base, 'fwd', fact.forward, back));
        if (wantMcq('forward')) {
          const correct = objectsOf(family, fact.subject);
          const pool = countDistractors(fact, family)
            .map((f) => f.object)
            .filter((o) => !correct.has(answerKey(o)));
          cards.push(makeMcqCard(base, 'fwd', fact.forward, fact.object, pool, back));
        }
      }
      if (fact.reverse !== undefined) {
        const back = composeBack(fact.subject, fact.detail, fact.note);
        cards.push(makeQaCard(base, 'rev', fact.reverse, back));
        if (wantMcq('reverse')) {
          const correct = subjectsOf(family, fact.object);
          const pool = family.map((f) => f.subject).filter((s) => !correct.has(answerKey(s)));
          cards.push(makeMcqCard(base, 'rev', fact.reverse, fact.subject, pool, back));
        }
      }
      break;
    }
    case 'cloze':
      cards.push(...makeClozeCards(base, fact.text, fact.separate === true, fact.note));
      break;
    case 'ordered': {
      cards.push(makeOrderedCard(base, fact.question, fact.items, fact.note));
      const [first, ...others] = fact.items;
      if (fact.first !== undefined && first !== undefined) {
        cards.push(makeMcqCard(base, 'first', fact.first, first, others, composeBack(first, fact.note)));
      }
      break;
    }
    case 'list':
      cards.push(
        makeQaCard(
          base,
          undefined,
          fact.question,
          composeBack(fact.items.map((i) => `- ${i}`).join('\n'), fact.note),
        ),
      );
      break;
  }
  return cards.filter((c): c is DeckCard => c !== undefined);
}

/** Generates one deck file per fact file (its core facts), ordered by `deck.order` then id, then the optional deck. */
export function generateDecks(files: readonly LoadedFactFile[]): DeckFile[] {
  const families = relationFamilies(files);
  checkFacts(files, families);
  const fronts = new Map<string, string>();
  const decks: DeckFile[] = [];
  const details: DeckCard[] = [];
  const sorted = [...files].sort((a, b) => a.deck.order - b.deck.order || (a.deckId < b.deckId ? -1 : 1));
  const deckOf = (
    id: string,
    title: string,
    description: string,
    topic: string,
    tags: readonly string[],
    cards: DeckCard[],
  ): DeckFile => ({
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id,
    title,
    description,
    language: 'en',
    tags: uniqueTags(['sarcoma-brain-metastasis', id, ...tags]),
    topic,
    cards,
  });
  for (const file of sorted) {
    const cards: DeckCard[] = [];
    for (const fact of file.facts) {
      const detail = fact.level === 'detail';
      const named = withPreviousIds(fact, cardsOf(file.deckId, fact, families));
      if (named.problems.length > 0)
        throw new DeckGenError(`${where(file, fact)}: ${named.problems.join('; ')}`);
      for (const card of named.cards) {
        const other = fronts.get(card.front);
        if (other !== undefined) {
          throw new DeckGenError(`${where(file, fact)}: card "${card.id}" has the same front as "${other}"`);
        }
        fronts.set(card.front, card.id);
        if (fact.count && !card.back.includes(`${fact.count.value} of ${fact.count.total}`)) {
          throw new DeckGenError(
            `${where(file, fact)}: card "${card.id}" must show the count "${fact.count.value} of ${fact.count.total}"`,
          );
        }
        if (detail) details.push({ ...card, tags: uniqueTags([OPTIONAL_DECK.id, ...card.tags]) });
        else cards.push(card);
      }
    }
    if (cards.length === 0)
      throw new DeckGenError(`${file.path}: every fact is a detail, so the deck would be empty`);
    decks.push(
      deckOf(
        file.deckId,
        file.deck.title,
        file.deck.description,
        file.deck.topic,
        file.deck.tags ?? [],
        cards,
      ),
    );
  }
  if (details.length > 0) {
    decks.push(
      deckOf(
        OPTIONAL_DECK.id,
        OPTIONAL_DECK.title,
        OPTIONAL_DECK.description,
        OPTIONAL_DECK.topic,
        [],
        details,
      ),
    );
  }
  // An old id must name one card's past, across all decks: a fact can move to another deck file.
  const problems = previousIdProblems(decks.flatMap((deck) => deck.cards));
  if (problems.length > 0) throw new DeckGenError(`previousIds: ${problems.join('; ')}`);
  return decks;
}
