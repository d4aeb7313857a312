/**
 * A test-wise student who knows no medicine: it sees only a multiple-choice item's stem and options and
 * picks by form. The deck tests run it over the whole item bank; if it beats chance by much, the items
 * give their answers away. Each trick either narrows the options to the ones it favours or abstains.
 *
 * Scores are expected values: when a trick favours k options, it is right with probability 1/k if the
 * answer is among them, so ties never count as lucky guesses.
 */

export interface McqItem {
  id: string;
  /** The question, without the "Choose one: " prefix. */
  stem: string;
  options: readonly string[];
  /** Index of the right option. */
  answer: number;
}

export type Trick = (stem: string, options: readonly string[]) => number[] | undefined;

const STOP_WORDS = new Set(
  (
    'about above after again also among and another any are because been before being between both but ' +
    'can case cases could does doing down during each either from further have having here into itself ' +
    'least many more most much must none only other over same several should since some such than that ' +
    'their them then there these they this those through under until upon very were what when where which ' +
    'while whom whose will with within would your review reviews according following patient patients ' +
    'sarcoma sarcomas brain metastasis metastases metastatic'
  ).split(' '),
);

/** Content words of a text: lower-case, four letters or more, not a stop word. */
function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? []).filter((word) => !STOP_WORDS.has(word)),
  );
}

/** Indexes where `score` is highest, or undefined when every option scores the same (no preference). */
function best(options: readonly string[], score: (option: string) => number): number[] | undefined {
  const scores = options.map(score);
  const top = Math.max(...scores);
  if (scores.every((s) => s === top)) return undefined;
  return scores.flatMap((s, i) => (s === top ? [i] : []));
}

/** Picks the longest option(s). */
export const longestOption: Trick = (_stem, options) => best(options, (option) => option.length);

const COUNT_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  both: 2,
};

/** How many things an option lists: "A, B and C" is three, "ZEB1/2" two, "A (B)" one. */
export function listLength(option: string): number {
  const bare = option.replace(/\([^)]*\)/g, '');
  const parts = bare.split(/,\s*|\s+and\s+|\s+or\s+|;\s*/).filter((part) => part.trim().length > 0);
  const slashes = /\b[A-Za-z]+\d+\/\d+\b/.test(bare) ? 1 : 0;
  return parts.length + slashes;
}

/**
 * The number of things the stem asks for: a count word ("which three proteins") or a plural noun after
 * "which/what" ("which transcription factors" > 1, "which protein" = 1); undefined when it does not say.
 */
export function stemCount(stem: string): number | 'plural' | 'singular' | undefined {
  const lower = stem.toLowerCase();
  const counted = /\b(?:which|what|the|name)\s+(two|three|four|five|six|both)\b/.exec(lower);
  if (counted?.[1]) return COUNT_WORDS[counted[1]];
  const noun =
    /\b(?:which|what)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+?)\s+(?:do|does|did|is|are|was|were|has|have|had|can|could|would|appear|appears)\b/.exec(
      lower,
    );
  const word = noun?.[1]?.split(/\s+/).at(-1);
  if (!word || word.length < 3) return undefined;
  if (/(?:ss|us|is)$/.test(word)) return 'singular';
  return word.endsWith('s') ? 'plural' : 'singular';
}

/** Picks the option(s) whose list length matches the number the stem asks for. */
export const matchingNumber: Trick = (stem, options) => {
  const wanted = stemCount(stem);
  if (wanted === undefined) return undefined;
  return best(options, (option) => {
    const length = listLength(option);
    if (typeof wanted === 'number') return length === wanted ? 1 : 0;
    return (wanted === 'plural') === length > 1 ? 1 : 0;
  });
};

/** Abbreviations in a text: two or more capitals, maybe with digits ("ASPS", "MFH", "EWS-FLI1"). */
function abbreviations(text: string): string[] {
  return text.match(/\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)?\b/g) ?? [];
}

/** First letters of the words of a phrase, upper-case ("Soft tissue sarcoma" -> "STS"). */
export function initials(phrase: string): string {
  return (phrase.match(/[A-Za-z][a-z]*/g) ?? []).map((word) => word[0]!.toUpperCase()).join('');
}

/**
 * Picks the option(s) that share initials with an abbreviation in the stem ("What does LMS stand for?" ->
 * the option starting with L), or the abbreviation whose letters start the stem's words.
 */
export const sharedInitials: Trick = (stem, options) => {
  const inStem = abbreviations(stem).filter((a) => !options.some((o) => o.includes(a)));
  const stemInitials = initials(stem.replace(/[A-Z]{2,}/g, ''));
  return best(options, (option) => {
    const letters = initials(option);
    let score = 0;
    for (const abbr of inStem) {
      if (letters === abbr) score += 2;
      else if (letters[0] === abbr[0]) score += 1;
    }
    for (const abbr of abbreviations(option)) {
      if (stemInitials.includes(abbr)) score += 2;
    }
    return score;
  });
};

/** Picks the option(s) repeating the most content words of the stem. */
export const repeatsStemWord: Trick = (stem, options) => {
  const words = contentWords(stem);
  return best(options, (option) => [...contentWords(option)].filter((word) => words.has(word)).length);
};

/** Picks "all of the above" (or "both of these") when it is offered. */
export const allOfTheAbove: Trick = (_stem, options) =>
  best(options, (option) => (/\b(?:all of the above|both of (?:the above|these))\b/i.test(option) ? 1 : 0));

/** The tricks, in the order the guesser tries them. */
export const TRICKS: readonly { name: string; trick: Trick }[] = [
  { name: 'all of the above', trick: allOfTheAbove },
  { name: 'shared initials', trick: sharedInitials },
  { name: 'grammatical number or list length', trick: matchingNumber },
  { name: 'repeats a stem word', trick: repeatsStemWord },
  { name: 'longest option', trick: longestOption },
];

export interface TrickScore {
  name: string;
  /** Items the trick had a preference on. */
  applied: number;
  /** Expected right answers on those items. */
  expected: number;
  /** Expected right answers by chance on those items. */
  chance: number;
}

export interface GuesserReport {
  items: number;
  /** Expected score of the guesser (first trick with a preference, else a uniform guess), 0-1. */
  score: number;
  /** Expected score of uniform guessing, 0-1. */
  chance: number;
  tricks: TrickScore[];
}

function expectedHit(picked: readonly number[], answer: number): number {
  return picked.includes(answer) ? 1 / picked.length : 0;
}

/** Runs every trick over `items`, and the guesser that uses the first trick with a preference. */
export function runBlindGuesser(items: readonly McqItem[]): GuesserReport {
  const tricks: TrickScore[] = TRICKS.map(({ name }) => ({ name, applied: 0, expected: 0, chance: 0 }));
  let score = 0;
  let chance = 0;
  for (const item of items) {
    const uniform = 1 / item.options.length;
    chance += uniform;
    let guessed: number | undefined;
    TRICKS.forEach(({ trick }, i) => {
      const picked = trick(item.stem, item.options);
      if (picked === undefined) return;
      const hit = expectedHit(picked, item.answer);
      const entry = tricks[i]!;
      entry.applied += 1;
      entry.expected += hit;
      entry.chance += uniform;
      guessed ??= hit;
    });
    score += guessed ?? uniform;
  }
  const n = Math.max(items.length, 1);
  return { items: items.length, score: score / n, chance: chance / n, tricks };
}

/** One line per trick, for the test's output and the closing note. */
export function formatGuesserReport(report: GuesserReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `Blind guesser over ${report.items} items: ${pct(report.score)} (chance ${pct(report.chance)})`,
    ...report.tricks.map((t) =>
      t.applied === 0
        ? `  ${t.name}: never applies`
        : `  ${t.name}: applies to ${t.applied}, right ${pct(t.expected / t.applied)} (chance there ${pct(t.chance / t.applied)})`,
    ),
  ];
  return lines.join('\n');
}
