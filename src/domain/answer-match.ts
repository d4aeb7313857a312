/**
 * Tolerant matching of typed quiz answers. Case, accents, punctuation, a trailing full stop and known
 * abbreviations do not matter; numbers may be written as ranges ("15-24", "15 to 24", "15–24 Gy") or
 * percentages ("30%", "30 %", "30 percent"). Pure: no browser APIs.
 */

/**
 * Known synonyms and abbreviations: every form of a row means the same thing, and each is compared as the
 * row's first form. Forms are written in lower case, without accents or punctuation.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['leiomyosarcoma', 'lms'],
  ['undifferentiated pleomorphic sarcoma', 'ups', 'mfh', 'malignant fibrous histiocytoma'],
  ['osteosarcoma', 'os', 'osteogenic sarcoma'],
  ['rhabdomyosarcoma', 'rms'],
  ['ewing sarcoma', 'es', 'ewings sarcoma', 'ewing s sarcoma'],
  ['alveolar soft part sarcoma', 'asps'],
  ['synovial sarcoma', 'ss'],
  ['liposarcoma', 'lps'],
  ['malignant peripheral nerve sheath tumor', 'mpnst', 'malignant peripheral nerve sheath tumour'],
  ['soft tissue sarcoma', 'sts'],
  ['stereotactic radiosurgery', 'srs', 'radiosurgery'],
  ['whole brain radiotherapy', 'wbrt', 'whole brain radiation therapy', 'whole brain radiation'],
  ['laser interstitial thermal therapy', 'litt'],
  ['magnetic resonance imaging', 'mri'],
  ['computed tomography', 'ct'],
  ['central nervous system', 'cns'],
  ['vascular endothelial growth factor', 'vegf'],
  ['microrna', 'mirna', 'mir', 'micro rna'],
  ['gray', 'gy'],
  ['tumor', 'tumour'],
  ['tumors', 'tumours'],
];

/** Every form, longest first (so "whole brain radiation therapy" wins over "whole brain radiation"). */
const FORMS = new Map<string, string>(SYNONYMS.flatMap((row) => row.map((form) => [form, row[0]!] as const)));
/** One pass over all forms, so a canonical form that contains an alias ("stereotactic radiosurgery") stays. */
const FORM_PATTERN = new RegExp(
  `(?<=^| )(?:${[...FORMS.keys()].sort((a, b) => b.length - a.length).join('|')})(?= |$)`,
  'g',
);

/**
 * A text in comparable form: lower case, accents removed, "percent" and "per cent" as "%", a range as
 * "a-b" (whatever the dash or "to"), other punctuation dropped, single spaces, synonyms in their first form.
 */
export function normalizeAnswer(text: string): string {
  const out = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bper ?cent\b/g, '%')
    .replace(/(\d)\s*%/g, '$1%')
    // A decimal comma ("2,5") is a decimal point; a thousands comma ("1,000") is dropped.
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/(\d%?)\s*(?:[-\u2010-\u2015\u2212]|to)\s*(\d)/g, '$1-$2')
    .replace(/[^a-z0-9%.\- ]+/g, ' ')
    // A full stop is kept only inside a number.
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/-(?!\d)|(?<![\d%])-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "15%-24%" and "15-24%" are the same range.
  return out
    .replace(FORM_PATTERN, (form) => FORMS.get(form) ?? form)
    .replace(/(\d)%-(\d+(?:\.\d+)?)%/g, '$1-$2%');
}

/**
 * The forms of an expected answer a learner may type: the whole answer's first paragraph, and for
 * "Osteosarcoma (OS)." both "Osteosarcoma" and "OS".
 */
export function acceptedForms(expected: string): string[] {
  const first = expected.split(/\n\s*\n/)[0] ?? expected;
  const forms = new Set<string>([first]);
  const bracket = /^(.*?)\s*\(([^()]+)\)\s*\.?$/.exec(first.trim());
  if (bracket?.[1] && bracket[2]) {
    forms.add(bracket[1]);
    forms.add(bracket[2]);
  }
  return [...forms].map(normalizeAnswer).filter((form) => form.length > 0);
}

/** The numbers of a normalized text, ranges and percentages kept whole ("15-24%", "30%", "64"). */
function numbersOf(normalized: string): string[] {
  return normalized.match(/\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?%?/g) ?? [];
}

/** Words that carry no meaning on their own in a short numeric answer. */
const FILLER = new Set(['a', 'an', 'the', 'in', 'of', 'about', 'approximately', 'around', 'cases']);

/**
 * True when `given` is an acceptable answer to `expected`: equal once normalized (see normalizeAnswer), or
 * equal to one of its accepted forms, or, for a numeric answer, the same numbers with no word that the
 * expected answer does not contain ("15-24" for "15–24 Gy", "64%" for "Frequently, in 64%.").
 */
export function matchAnswer(given: string, expected: string): boolean {
  const answer = normalizeAnswer(given);
  if (answer.length === 0) return false;
  const forms = acceptedForms(expected);
  if (forms.includes(answer)) return true;
  return forms.some((form) => {
    const want = numbersOf(form);
    if (want.length === 0) return false;
    const got = numbersOf(answer);
    if (got.length !== want.length || got.some((n, i) => n !== want[i])) return false;
    const words = new Set(form.split(' '));
    return answer
      .split(' ')
      .filter((word) => !/\d/.test(word))
      .every((word) => words.has(word) || FILLER.has(word));
  });
}
