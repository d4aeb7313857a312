/**
 * The key terms of a fact: what its cards ask about (the microRNA, drug, histology or number). Every excerpt
 * must contain one (a cloze or a table count: all of them), so the citation shows the fact itself and not
 * only the heading above it. Matching ignores case, spaces, quotes, parenthesised asides and the review's
 * extraction artifacts ("0.7.%" is 0.7%, "17p11.2. ~p12" is 17p11.2~p12).
 */
import type { Fact } from './fact-schema';

/** Term-like words of a free answer: microRNAs, numbers with units, abbreviations, the drugs the review names. */
const TERMS = [
  /\bmiR-\d+[a-z]?(?:-\dp)?\b/gi,
  /\b\d+(?:\.\d+)?\s?(?:%|Gy|cm|months?|years?)/g,
  /\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)?\b/g,
  /\b(?:ifosfamide|doxorubicin|gemcitabine|docetaxel|pazopanib)\b/gi,
];

export function termsIn(text: string): string[] {
  return TERMS.flatMap((pattern) => text.match(pattern) ?? []);
}

export interface KeyTerms {
  terms: string[];
  /** True when every term must occur (each blank of a cloze, a table's count); else one is enough. */
  all: boolean;
}

export function keyTerms(fact: Fact): KeyTerms {
  if (fact.key !== undefined) return { terms: [fact.key], all: true };
  if (fact.count) return { terms: [String(fact.count.value)], all: true };
  switch (fact.type) {
    case 'relation':
      return { terms: [fact.subject, fact.object, ...termsIn(`${fact.subject} ${fact.object}`)], all: false };
    case 'cloze':
      return { terms: [...fact.text.matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!), all: true };
    case 'list':
    case 'ordered':
      return { terms: [...fact.items], all: false };
    case 'choice':
      return { terms: [fact.answer, ...termsIn(fact.explanation ?? '')], all: false };
    case 'qa':
      return {
        terms: termsIn([fact.answer, fact.reverse?.answer ?? ''].join(' ')),
        all: false,
      };
  }
}

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/(\d)\.(?=[%\-~ ])/g, '$1')
    .replace(/[“”"']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(\d) (?=(?:%|gy|cm|mm)(?![a-z]))/g, '$1')
    .replace(/ ?([~/-]) ?/g, '$1')
    .trim();
/** True when `term` occurs in `text` as whole words (so "promotes" is not found in "promote sarcoma"). */
const containsWords = (text: string, term: string) => {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:[^a-z0-9]|$)`).test(text);
};
const withoutAsides = (text: string) => text.replace(/\([^)]*\)/g, '');

/** The ways a label may be written in an excerpt: as is, without its aside, its aside, each side of a slash. */
function spellings(label: string): string[] {
  const out = [label, withoutAsides(label)];
  for (const match of label.matchAll(/\(([^)]*)\)/g)) out.push(...(match[1] ?? '').split(/,\s*/));
  out.push(...withoutAsides(label).split('/'));
  return out.map(squash).filter((s) => s.length > 0);
}

/** True when `quote` contains the fact's key term(s); a fact with no term-like answer passes. */
export function excerptShowsFact(fact: Fact): boolean {
  const { terms, all } = keyTerms(fact);
  if (terms.length === 0) return true;
  const texts = [squash(fact.source.quote), squash(withoutAsides(fact.source.quote))];
  const found = (term: string) => spellings(term).some((s) => texts.some((t) => containsWords(t, s)));
  return all ? terms.every(found) : terms.some(found);
}
