/**
 * Carrying a learner's schedule across a card rename. A card lists the ids it had before in `previousIds`
 * (deck format); the app moves the schedule, suspension and reviews of a card stored under an old id to the
 * new one. The ids come from two places: a fact's own `previousIds` in decks/*.yaml, and the blank numbers
 * (`c1`, `c2`...) that separate cloze cards were named by before blanks had ids of their own.
 */
import type { DeckCard } from '../domain/deck-format';
import { blankIds, cardId } from './card-kinds';
import type { Fact } from './fact-schema';

/**
 * The separate cloze facts as they stood when their cards were named by blank number, `<fact>:cloze:c<n>`:
 * fact id -> the answers of its blanks, left to right. Frozen: it says which blank `c<n>` asked, so a
 * collection studied before the switch finds each schedule again whatever is later done to the fact. A fact
 * made separate later never had such ids and does not belong here.
 */
export const LEGACY_BLANKS: Readonly<Record<string, readonly string[]>> = {
  'bio-cops3-amplicon': ['17p11.2~p12', '25%'],
  'chemo-response': ['30-35%', '1-2 years'],
  'hist-adult-percentages': ['20%', '10%', '9%'],
  'hist-child-percentages': ['36%', '35%', '17%'],
  'loc-table1-site-totals': ['31', '22', '15', '10', '4', '16'],
  'rt-fig2-dose': ['18 Gy', '50%', 'pre-operative'],
  'rt-fig2-followup': ['2 months', 'decreased central enhancement'],
};

/** Card id -> the blank-number id the same blank had, for a separate cloze fact listed in `LEGACY_BLANKS`. */
export function legacyBlankIds(fact: Fact): Map<string, string> {
  const answers = LEGACY_BLANKS[fact.id];
  if (fact.type !== 'cloze' || fact.separate !== true || answers === undefined) return new Map();
  return new Map(
    blankIds(answers).map((blank, i) => [
      cardId(fact.id, 'cloze', blank),
      cardId(fact.id, 'cloze', `c${i + 1}`),
    ]),
  );
}

/**
 * The fact's cards with their `previousIds` (the fact's own, then the legacy blank number), and what is wrong
 * with the fact's `previousIds`: a key that is not one of the fact's cards. Whether an old id is still a
 * current card id, or is claimed twice, is checked over all decks (`previousIdProblems`).
 */
export function withPreviousIds(
  fact: Fact,
  cards: readonly DeckCard[],
): { cards: DeckCard[]; problems: string[] } {
  const own = fact.previousIds ?? {};
  const ids = new Set(cards.map((card) => card.id));
  const problems = Object.keys(own)
    .filter((id) => !ids.has(id))
    .map(
      (id) =>
        `previousIds names "${id}", which is not a card of this fact (its cards: ${[...ids].map((i) => `"${i}"`).join(', ')})`,
    );
  const legacy = legacyBlankIds(fact);
  const withIds = cards.map((card) => {
    const legacyId = legacy.get(card.id);
    const previous = [...new Set([...(own[card.id] ?? []), ...(legacyId === undefined ? [] : [legacyId])])];
    if (previous.length === 0) return card;
    // previousIds right after id, so a reader of the deck file sees the rename next to the card's id.
    const { id, ...content } = card;
    return { id, previousIds: previous, ...content };
  });
  return { cards: withIds, problems };
}
