import { describe, expect, it } from 'vitest';
import { CLOZE_BLANK, blankIds, blankSlug } from '../../src/deckgen/card-kinds';
import type { ClozeFact, Fact } from '../../src/deckgen/fact-schema';
import { DeckGenError, generateDecks } from '../../src/deckgen/generate';
import { loadFactFileText } from '../../src/deckgen/load';
import { LEGACY_BLANKS } from '../../src/deckgen/previous-ids';
import { parseDeckFile } from '../../src/domain/deck-format';
import { SOURCE, fileOf, loadRealFacts } from './helpers';

function clozeFact(text: string, separate: boolean, extra: Partial<ClozeFact> = {}): ClozeFact {
  return {
    id: 'hist-pct',
    family: 'histology-percent',
    level: 'core',
    type: 'cloze',
    text,
    separate,
    source: SOURCE,
    ...extra,
  };
}

/** Card id -> front, for the cards the facts give. */
function cardsOf(...facts: Fact[]): Map<string, string> {
  return new Map(generateDecks([fileOf(facts)]).flatMap((deck) => deck.cards.map((c) => [c.id, c.front])));
}

describe('cloze blank ids', () => {
  it.each([
    ['20%', '20pct'],
    ['30-35%', '30-35pct'],
    ['1-2 years', '1-2-years'],
    ['17p11.2~p12', '17p11.2-p12'],
    ['3.0%', '3.0pct'],
    ['2/100,000', '2-100000'],
    ['<5', 'lt-5'],
    ['>2 cm', 'gt-2-cm'],
    ['18 Gy', '18-gy'],
    ['Métastase + rate', 'metastase-plus-rate'],
    ['Pre-operative.', 'pre-operative'],
  ])('names the blank "%s" %s', (answer, slug) => {
    expect(blankSlug(answer)).toBe(slug);
  });

  it('keeps long slugs short and unique, and names an answer with no letter or digit by its hash', () => {
    const a = blankSlug('decreased central enhancement of the treated lesion on MRI');
    const b = blankSlug('decreased central enhancement of the treated lesion on CT');
    expect(a).toMatch(/^decreased-central-enhance-[0-9a-f]{6}$/);
    expect(a.length).toBeLessThanOrEqual(32);
    expect(b).not.toBe(a);
    expect(blankSlug('αβγ')).toMatch(/^b[0-9a-f]{8}$/);
    expect(blankSlug('αβγ')).not.toBe(blankSlug('δ'));
  });

  it('tells look-alike blanks apart by position: the first keeps the slug, then -2, -3', () => {
    expect(blankIds(['20%', '10%', '20%', '20 %', '20%'])).toEqual([
      '20pct',
      '10pct',
      '20pct-2',
      '20-pct',
      '20pct-3',
    ]);
  });

  it('inserting, removing or reordering blanks changes no other blank’s id or question', () => {
    const before = cardsOf(clozeFact('LMS {{20%}}, MFH/UPS {{10%}}.', true));
    expect([...before.keys()]).toEqual(['hist-pct:cloze:20pct', 'hist-pct:cloze:10pct']);
    const inserted = cardsOf(clozeFact('LMS {{20%}}, ASPS {{9%}}, MFH/UPS {{10%}}.', true));
    expect([...inserted.keys()]).toEqual([
      'hist-pct:cloze:20pct',
      'hist-pct:cloze:9pct',
      'hist-pct:cloze:10pct',
    ]);
    // Each surviving id still hides the same answer.
    expect(inserted.get('hist-pct:cloze:10pct')).toBe(`LMS 20%, ASPS 9%, MFH/UPS ${CLOZE_BLANK}.`);
    expect(inserted.get('hist-pct:cloze:20pct')).toBe(`LMS ${CLOZE_BLANK}, ASPS 9%, MFH/UPS 10%.`);
    const reordered = cardsOf(clozeFact('MFH/UPS {{10%}}, LMS {{20%}}.', true));
    expect([...reordered.keys()].sort()).toEqual([...before.keys()].sort());
    const removed = cardsOf(clozeFact('MFH/UPS is {{10%}}.', true));
    expect([...removed.keys()]).toEqual(['hist-pct:cloze:10pct']);
  });

  it('toggling separate switches between the all-blanks card and the per-blank cards, never renaming either', () => {
    const text = 'LMS {{20%}}, MFH/UPS {{10%}}.';
    const separate = [...cardsOf(clozeFact(text, true)).keys()];
    const together = [...cardsOf(clozeFact(text, false)).keys()];
    expect(together).toEqual(['hist-pct:cloze']);
    expect(separate).toEqual(['hist-pct:cloze:20pct', 'hist-pct:cloze:10pct']);
    // Off and on again: the same per-blank ids (a returning card starts new, its reviews kept as history).
    expect([...cardsOf(clozeFact(text, true)).keys()]).toEqual(separate);
    // A separate cloze with one blank is already a per-blank card, so a second blank does not rename it.
    expect([...cardsOf(clozeFact('LMS {{20%}}.', true)).keys()]).toEqual(['hist-pct:cloze:20pct']);
  });
});

describe('previousIds', () => {
  const yaml = (previousIds: string) => `deck:
  title: Histology
  description: Percentages.
  topic: Pathology
  order: 0
facts:
  - id: hist-pct
    family: histology-percent
    level: core
    type: cloze
    separate: true
    text: 'LMS {{20%}}, MFH/UPS {{11%}}.'
    previousIds:
${previousIds}
    source:
      section: 3. Pathology of sarcoma metastasis
      refs: []
      quote: leiomyosarcoma (LMS) appears to be the most common
`;

  it('are written in the fact file as card id -> old ids and carried by the deck file card', () => {
    const file = loadFactFileText(
      yaml('      hist-pct:cloze:11pct: [hist-pct:cloze:10pct, hist-pct-old:cloze:c2]'),
      'decks/histology.yaml',
    );
    const [deck] = generateDecks([file]);
    expect(deck?.cards.map((c) => [c.id, c.previousIds])).toEqual([
      ['hist-pct:cloze:20pct', undefined],
      ['hist-pct:cloze:11pct', ['hist-pct:cloze:10pct', 'hist-pct-old:cloze:c2']],
    ]);
    // previousIds comes right after the id in the file, and the deck passes the deck format.
    expect(Object.keys(deck!.cards[1]!).slice(0, 2)).toEqual(['id', 'previousIds']);
    expect(parseDeckFile(JSON.parse(JSON.stringify(deck))).ok).toBe(true);
  });

  it('are card ids in the fact file: <fact-id>:<kind>[:<variant>]', () => {
    expect(() =>
      loadFactFileText(yaml('      hist-pct: [hist-pct:cloze:c2]'), 'decks/histology.yaml'),
    ).toThrow(/previousIds.*a card id is <fact-id>:<kind>\[:<variant>\]/);
    expect(() =>
      loadFactFileText(yaml('      hist-pct:cloze:11pct: [Hist Pct]'), 'decks/histology.yaml'),
    ).toThrow(/a card id is/);
  });

  it('must name a card of their fact', () => {
    const file = loadFactFileText(
      yaml('      hist-pct:cloze:10pct: [hist-pct:cloze:c2]'),
      'decks/histology.yaml',
    );
    expect(() => generateDecks([file])).toThrow(
      /decks\/histology\.yaml: fact "hist-pct": previousIds names "hist-pct:cloze:10pct", which is not a card of this fact \(its cards: "hist-pct:cloze:20pct", "hist-pct:cloze:11pct"\)/,
    );
  });

  it('refuses an old id that is a current card id, in any deck', () => {
    const renamed = clozeFact('LMS {{20%}}.', true, {
      previousIds: { 'hist-pct:cloze:20pct': ['other:qa'] },
    });
    const other: Fact = {
      id: 'other',
      family: 'other',
      level: 'core',
      type: 'qa',
      question: 'Still here?',
      answer: 'Yes.',
      source: SOURCE,
    };
    expect(() => generateDecks([fileOf([renamed]), fileOf([other], 'other-deck')])).toThrow(DeckGenError);
    expect(() => generateDecks([fileOf([renamed]), fileOf([other], 'other-deck')])).toThrow(
      /"hist-pct:cloze:20pct" lists "other:qa" as a previous id, but it is a current card id/,
    );
  });

  it('refuses an old id claimed twice, across decks', () => {
    const a = clozeFact('LMS {{20%}}.', true, { previousIds: { 'hist-pct:cloze:20pct': ['gone:qa'] } });
    const b: Fact = {
      id: 'b',
      family: 'b',
      level: 'core',
      type: 'qa',
      question: 'Which?',
      answer: 'This.',
      source: SOURCE,
      previousIds: { 'b:qa': ['gone:qa'] },
    };
    expect(() => generateDecks([fileOf([a]), fileOf([b], 'b-deck')])).toThrow(
      /previous id "gone:qa" is claimed by both "b:qa" and "hist-pct:cloze:20pct"/,
    );
  });

  it('are refused by the deck format when ambiguous', () => {
    const [deck] = generateDecks([fileOf([clozeFact('LMS {{20%}}, MFH/UPS {{10%}}.', true)])]);
    const [first, second] = deck!.cards;
    const bad = { ...deck!, cards: [{ ...first!, previousIds: [second!.id] }, second!] };
    const result = parseDeckFile(bad);
    expect(result.ok ? [] : result.errors).toEqual([
      `"${first!.id}" lists "${second!.id}" as a previous id, but it is a current card id`,
    ]);
  });
});

describe('blank-number ids of the built-in decks (before blank ids)', () => {
  const files = loadRealFacts();
  const cards = generateDecks(files).flatMap((deck) => deck.cards);
  const facts = new Map(files.flatMap((file) => file.facts).map((fact) => [fact.id, fact]));

  it('every card that had a blank number lists it, and asks the blank it asked then', () => {
    for (const [factId, answers] of Object.entries(LEGACY_BLANKS)) {
      const fact = facts.get(factId);
      // A fact retired, or no longer separate, has no per-blank cards to carry a schedule to.
      if (fact?.type !== 'cloze' || fact.separate !== true) continue;
      answers.forEach((answer, i) => {
        const old = `${factId}:cloze:c${i + 1}`;
        const card = cards.find((c) => c.previousIds?.includes(old));
        expect(
          card,
          `${old} (the blank "${answer}") reaches no card: if the blank was reworded, list ${old} in the previousIds of its card`,
        ).toBeDefined();
        const sentence = card!.back.split('\n\n')[0];
        expect(card!.front.replace(CLOZE_BLANK, answer), old).toBe(sentence);
      });
    }
  });

  it('no other card carries a blank-number previous id', () => {
    const listed = new Set(
      Object.entries(LEGACY_BLANKS).flatMap(([factId, answers]) =>
        answers.map((_, i) => `${factId}:cloze:c${i + 1}`),
      ),
    );
    const carried = cards.flatMap((c) => c.previousIds ?? []).filter((id) => /:cloze:c\d+$/.test(id));
    expect(carried.filter((id) => !listed.has(id))).toEqual([]);
    expect(new Set(carried).size).toBe(carried.length);
  });
});
