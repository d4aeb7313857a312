/**
 * Card builders, one per card kind. Pure and deterministic: any "randomness" (distractor choice, option order,
 * shuffled ordered-list prompts) is derived from the card id with sha256, so the same facts give the same cards.
 */
import { createHash } from 'node:crypto';
import type { CardSource, DeckCard } from '../domain/deck-format';

/** Marker a cloze front shows in place of each hidden answer (the app finds the answers by it). */
export { CLOZE_BLANK } from '../domain/cloze-answer';
import { CLOZE_BLANK } from '../domain/cloze-answer';
/** Prefix of multiple-choice fronts, so an MCQ never has the same front as the Q/A card it comes from. */
export const MCQ_PREFIX = 'Choose one: ';
/** Number of wrong options an MCQ offers when the family has enough of them. */
export const MAX_DISTRACTORS = 3;
/** An MCQ needs at least this many distractors (so at least three options), or it is not generated. */
export const MIN_DISTRACTORS = 2;
/** The longest option of an MCQ is at most this many times as long as the shortest, so length gives nothing away. */
export const MAX_LENGTH_RATIO = 2;

/** True when adding `option` keeps every option within MAX_LENGTH_RATIO of every other. */
export function lengthsStayParallel(options: readonly string[], option: string): boolean {
  const lengths = [...options, option].map((o) => o.length);
  return Math.max(...lengths) <= MAX_LENGTH_RATIO * Math.min(...lengths);
}

/** Everything a card shares with its siblings. */
export interface CardBase {
  factId: string;
  tags: string[];
  source: CardSource;
}

/** Stable card id: `<fact-id>:<kind>[:<variant>]`, never derived from text. */
export function cardId(factId: string, kind: DeckCard['kind'], variant?: string): string {
  return variant === undefined ? `${factId}:${kind}` : `${factId}:${kind}:${variant}`;
}

/** Sorts `items` in an order fixed by `seed` (same seed and items, same order). */
export function seededOrder<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
  return [...items]
    .map((item) => ({
      item,
      rank: createHash('sha256')
        .update(`${seed}\u0001${key(item)}`)
        .digest('hex'),
    }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((entry) => entry.item);
}

/** Joins an answer with optional extra lines (detail, note), separated by blank lines. */
export function composeBack(answer: string, ...extra: (string | undefined)[]): string {
  return [answer, ...extra.filter((e): e is string => e !== undefined && e.length > 0)].join('\n\n');
}

export function makeQaCard(
  base: CardBase,
  variant: string | undefined,
  front: string,
  back: string,
): DeckCard {
  return {
    id: cardId(base.factId, 'qa', variant),
    factId: base.factId,
    kind: 'qa',
    front,
    back,
    ...rest(base),
  };
}

/** Splits "text with {{a}} and {{b}}" into literal parts and answers. */
export function parseCloze(text: string): { parts: string[]; answers: string[] } {
  const parts: string[] = [];
  const answers: string[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{([^{}]+)\}\}/g)) {
    parts.push(text.slice(last, match.index));
    answers.push((match[1] ?? '').trim());
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return { parts, answers };
}

/** Longest blank id; a longer slug keeps its first part and a hash of the whole answer. */
export const MAX_BLANK_ID = 32;

/**
 * The id of a cloze blank, from its answer text, so a blank keeps its id (and the learner's schedule) when
 * other blanks are inserted, removed or reordered: lower-case ASCII letters and digits joined by `-`,
 * `%` spelled `pct`, `+` `plus`, `<` `lt`, `>` `gt`, accents dropped, a `.` kept between digits ("1.5") and a
 * thousands comma dropped. "20%" gives `20pct`, "17p11.2~p12" `17p11.2-p12`, "1-2 years" `1-2-years`,
 * "2/100,000" `2-100000`. A slug longer than
 * `MAX_BLANK_ID` becomes its first 25 characters, `-` and 6 hex digits of the answer's sha256; an answer with
 * no letter or digit left is `b` and 8 hex digits of its sha256.
 */
export function blankSlug(answer: string): string {
  const spelled = answer
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, 'pct ')
    .replace(/\+/g, ' plus ')
    .replace(/</g, ' lt ')
    .replace(/>/g, ' gt ');
  const slug = spelled
    .replace(/(\d),(?=\d{3})/g, '$1')
    // A decimal point is marked with "P" (nothing upper-case is left) so the next step keeps it.
    .replace(/(\d)\.(?=\d)/g, '$1P')
    .replace(/[^a-z0-9P]+/g, '-')
    .replace(/P/g, '.')
    .replace(/^-+|-+$/g, '');
  const hash = (length: number) => createHash('sha256').update(answer, 'utf8').digest('hex').slice(0, length);
  if (slug.length === 0) return `b${hash(8)}`;
  if (slug.length <= MAX_BLANK_ID) return slug;
  return `${slug.slice(0, MAX_BLANK_ID - 7).replace(/[-.]+$/, '')}-${hash(6)}`;
}

/**
 * The ids of a fact's blanks, in order. Two blanks with the same slug are told apart by position: the first
 * keeps the slug, the next ones get `-2`, `-3`... (so only such look-alike blanks depend on their order).
 */
export function blankIds(answers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return answers.map((answer) => {
    const slug = blankSlug(answer);
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  });
}

/**
 * Cloze cards: by default one card hiding every blank (`<fact>:cloze`, for lists of numbers that belong
 * together); with `separate`, one card per blank (`<fact>:cloze:<blank id>`, see `blankIds`), the other
 * blanks shown. A blank's card keeps its id whatever happens to the other blanks, and whether `separate` is
 * turned off and on again; the all-blanks card and the per-blank cards ask different questions, so they
 * never share an id.
 */
export function makeClozeCards(base: CardBase, text: string, separate: boolean, note?: string): DeckCard[] {
  const { parts, answers } = parseCloze(text);
  const render = (hidden: (i: number) => boolean): string =>
    parts
      .map((part, i) => (i < answers.length ? part + (hidden(i) ? CLOZE_BLANK : answers[i]) : part))
      .join('');
  const back = composeBack(
    render(() => false),
    note,
  );
  if (!separate) {
    return [
      {
        id: cardId(base.factId, 'cloze'),
        factId: base.factId,
        kind: 'cloze',
        front: render(() => true),
        back,
        ...rest(base),
      },
    ];
  }
  return blankIds(answers).map((blank, index) => ({
    id: cardId(base.factId, 'cloze', blank),
    factId: base.factId,
    kind: 'cloze' as const,
    front: render((i) => i === index),
    back,
    ...rest(base),
  }));
}

/**
 * Ordered-list card: the front lists the items in a fixed shuffled order that is never the answer order,
 * the back numbers them in the right order.
 */
export function makeOrderedCard(
  base: CardBase,
  question: string,
  items: readonly string[],
  note?: string,
): DeckCard {
  const id = cardId(base.factId, 'ordered');
  let shuffled = seededOrder(items, id, (item) => item);
  if (shuffled.every((item, i) => item === items[i]))
    shuffled = [...shuffled.slice(1), ...shuffled.slice(0, 1)];
  return {
    id,
    factId: base.factId,
    kind: 'ordered',
    front: `${question}\n${shuffled.map((item) => `- ${item}`).join('\n')}`,
    back: composeBack(items.map((item, i) => `${i + 1}. ${item}`).join('\n'), note),
    ...rest(base),
  };
}

/**
 * Up to MAX_DISTRACTORS of `ordered` whose lengths stay parallel with the answer and each other: taken
 * greedily in the seeded order, starting from each candidate in turn, keeping the first full (or largest) set.
 */
function parallelDistractors(answer: string, ordered: readonly string[]): string[] {
  let best: string[] = [];
  for (let start = 0; start < ordered.length && best.length < MAX_DISTRACTORS; start++) {
    const picked: string[] = [];
    for (const option of [...ordered.slice(start), ...ordered.slice(0, start)]) {
      if (picked.length === MAX_DISTRACTORS) break;
      if (lengthsStayParallel([answer, ...picked], option)) picked.push(option);
    }
    if (picked.length > best.length) best = picked;
  }
  return best;
}

/**
 * Multiple-choice item. `pool` holds wrong answers from the same family; the caller guarantees none of them is
 * correct. Distractors are taken in a seeded order, skipping any that would make one option more than twice
 * as long as another. Returns undefined when too few remain for a fair item.
 */
export function makeMcqCard(
  base: CardBase,
  variant: string | undefined,
  question: string,
  answer: string,
  pool: readonly string[],
  back?: string,
): DeckCard | undefined {
  const id = cardId(base.factId, 'mcq', variant);
  const candidates = [...new Set(pool)].filter((option) => option !== answer);
  if (candidates.length < MIN_DISTRACTORS) return undefined;
  const distractors = parallelDistractors(
    answer,
    seededOrder(candidates, id, (o) => o),
  );
  if (distractors.length < MIN_DISTRACTORS) return undefined;
  const options = seededOrder([answer, ...distractors], `${id}\u0002options`, (o) => o);
  return {
    id,
    factId: base.factId,
    kind: 'mcq',
    front: `${MCQ_PREFIX}${question}`,
    back: back ?? answer,
    ...rest(base),
    choices: { options, answer: [options.indexOf(answer)] },
  };
}

function rest(base: CardBase): Pick<DeckCard, 'tags' | 'source'> {
  return { tags: [...base.tags], source: { ...base.source, refs: [...base.source.refs] } };
}
