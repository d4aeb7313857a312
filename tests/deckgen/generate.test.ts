import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../src/domain/deck-format';
import type { DeckCard } from '../../src/domain/deck-format';
import { MAX_LENGTH_RATIO, MCQ_PREFIX, blankIds, parseCloze } from '../../src/deckgen/card-kinds';
import type { Fact, LoadedFactFile, RelationFact } from '../../src/deckgen/fact-schema';
import {
  DeckGenError,
  OPTIONAL_DECK,
  answerKey,
  generateDecks,
  listQuestionStatesCount,
  relationFamilies,
} from '../../src/deckgen/generate';
import { SOURCE, fileOf, loadRealFacts, mirnaRelation } from './helpers';

const files = loadRealFacts();
const decks = generateDecks(files);
const cards = decks.flatMap((d) => d.cards);
const facts = files.flatMap((f) => f.facts);
const factById = new Map(facts.map((f) => [f.id, f]));
const families = relationFamilies(files);

describe('built-in decks', () => {
  it('every deck passes parseDeckFile', () => {
    for (const deck of decks) {
      const result = parseDeckFile(JSON.parse(JSON.stringify(deck)));
      expect(result.ok ? [] : result.errors, deck.id).toEqual([]);
    }
  });

  it('has no duplicate card ids and no duplicate fronts across all decks', () => {
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    const fronts = cards.map((c) => c.front);
    expect(fronts.filter((f, i) => fronts.indexOf(f) !== i)).toEqual([]);
  });

  it('derives every card id from its fact id, kind and variant (a cloze blank: its answer)', () => {
    for (const card of cards) {
      const fact = factById.get(card.factId);
      const variants =
        fact?.type === 'cloze' ? blankIds(parseCloze(fact.text).answers).join('|') : 'fwd|rev|first';
      expect(card.id).toMatch(new RegExp(`^${card.factId}:${card.kind}(:(${variants}))?$`));
      expect(factById.has(card.factId)).toBe(true);
    }
  });

  it('tags every card with its deck and family and cites the fact source', () => {
    for (const deck of decks) {
      for (const card of deck.cards) {
        const fact = factById.get(card.factId);
        expect(card.tags).toContain(deck.id);
        expect(card.tags).toContain(fact?.family);
        expect(card.source?.quote).toBe(fact?.source.quote);
        expect(card.source?.refs).toEqual(fact?.source.refs);
      }
    }
  });

  it('asks questions: Q/A, MCQ and ordered fronts end with "?", cloze fronts have a blank', () => {
    for (const card of cards) {
      if (card.kind === 'cloze') expect(card.front, card.id).toContain('[...]');
      else expect(card.front.split('\n')[0], card.id).toMatch(/\?$/);
    }
  });

  it('relation questions are unambiguous: forward subjects and reverse objects are unique in their family', () => {
    for (const [family, members] of families) {
      const withForward = members.filter((f) => f.forward !== undefined).map((f) => answerKey(f.subject));
      const withReverse = members.filter((f) => f.reverse !== undefined).map((f) => answerKey(f.object));
      for (const subject of withForward) {
        expect(
          members.filter((f) => answerKey(f.subject) === subject),
          `${family}: ${subject}`,
        ).toHaveLength(1);
      }
      for (const object of withReverse) {
        expect(
          members.filter((f) => answerKey(f.object) === object),
          `${family}: ${object}`,
        ).toHaveLength(1);
      }
    }
  });

  it('MCQ distractors come from the same family and are never correct answers', () => {
    const mcqs = cards.filter((c) => c.kind === 'mcq');
    expect(mcqs.length).toBeGreaterThan(30);
    for (const card of mcqs) {
      const fact = factById.get(card.factId);
      const options = card.choices?.options ?? [];
      const answers = new Set(card.choices?.answer.map((i) => options[i]));
      const distractors = options.filter((o) => !answers.has(o));
      expect(answers.size, card.id).toBe(1);
      expect(distractors.length, card.id).toBeGreaterThanOrEqual(2);
      expect(card.front.startsWith(MCQ_PREFIX)).toBe(true);
      if (fact?.type === 'ordered') {
        // "Which comes first?": the answer is item 1, every distractor comes later in the same list.
        expect([...answers]).toEqual([fact.items[0]]);
        for (const d of distractors) expect(fact.items.slice(1), card.id).toContain(d);
      } else if (fact?.type === 'relation') {
        const family = families.get(fact.family) ?? [];
        const forward = card.id.endsWith(':fwd');
        const correct = family
          .filter((f) =>
            forward
              ? answerKey(f.subject) === answerKey(fact.subject)
              : answerKey(f.object) === answerKey(fact.object),
          )
          .map((f) => answerKey(forward ? f.object : f.subject));
        const sameFamily = family.map((f) => answerKey(forward ? f.object : f.subject));
        expect([...answers].map((a) => answerKey(a ?? ''))).toEqual([
          answerKey(forward ? fact.object : fact.subject),
        ]);
        for (const d of distractors) {
          expect(correct, card.id).not.toContain(answerKey(d));
          expect(sameFamily, card.id).toContain(answerKey(d));
        }
      } else if (fact?.type === 'choice') {
        expect([...answers]).toEqual([fact.answer]);
        expect([...distractors].sort(), card.id).toEqual([...fact.distractors].sort());
      } else {
        throw new Error(`unexpected MCQ from a ${fact?.type} fact: ${card.id}`);
      }
    }
  });

  it('siblings share the fact id', () => {
    const perFact = new Map<string, DeckCard[]>();
    for (const card of cards) perFact.set(card.factId, [...(perFact.get(card.factId) ?? []), card]);
    expect(perFact.size).toBe(facts.length);
    expect(perFact.get('mirna-17-pten')?.map((c) => c.id)).toEqual([
      'mirna-17-pten:qa:fwd',
      'mirna-17-pten:mcq:fwd',
      'mirna-17-pten:qa:rev',
      'mirna-17-pten:mcq:rev',
    ]);
  });

  it('asks the blood-brain-barrier contrast, not four yes/no cards that are all answered "No" (issue 12)', () => {
    for (const drug of ['ifosfamide', 'doxorubicin', 'gemcitabine', 'docetaxel']) {
      expect(cards.find((c) => c.id === `chemo-bbb-${drug}:qa`)).toBeUndefined();
    }
    const contrast = cards.find((c) => c.id === 'chemo-bbb-contrast:qa');
    expect(contrast?.front).toMatch(/targeted agents contrast with the most active anti-sarcoma drugs/);
    expect(contrast?.back).toMatch(/"small enough"/);
    const list = cards.find((c) => c.id === 'chemo-active-drugs-bbb:qa');
    for (const drug of ['Ifosfamide', 'Doxorubicin', 'Gemcitabine', 'Docetaxel'])
      expect(list?.back).toContain(drug);
  });

  it('is deterministic: two runs give deep-equal decks', () => {
    expect(generateDecks(loadRealFacts())).toEqual(decks);
  });

  it('keeps every card id when a fact is reworded', () => {
    const reworded: LoadedFactFile[] = files.map((file) => ({
      ...file,
      facts: file.facts.map((fact): Fact => {
        switch (fact.type) {
          case 'qa':
            return {
              ...fact,
              question: fact.question.replace(/\?$/, ' (reworded)?'),
              answer: `${fact.answer}!`,
            };
          case 'relation':
            return {
              ...fact,
              ...(fact.forward ? { forward: fact.forward.replace(/\?$/, ' (reworded)?') } : {}),
              ...(fact.reverse ? { reverse: fact.reverse.replace(/\?$/, ' (reworded)?') } : {}),
            };
          case 'cloze':
            return { ...fact, text: `Reworded: ${fact.text}` };
          case 'ordered':
          case 'list':
          case 'choice':
            return { ...fact, question: fact.question.replace(/\?$/, ' (reworded)?') };
        }
      }),
    }));
    const after = generateDecks(reworded).flatMap((d) => d.cards);
    expect(after.map((c) => c.id)).toEqual(cards.map((c) => c.id));
    expect(after.map((c) => c.front)).not.toEqual(cards.map((c) => c.front));
  });
});

describe('generator checks', () => {
  const pten = mirnaRelation('mirna-17-pten', 'miR-17', 'PTEN');
  const vegf = mirnaRelation('mirna-145-vegfa', 'miR-145', 'VEGF-A');
  const adam = mirnaRelation('mirna-126-adam9', 'miR-126', 'ADAM-9');

  it('builds forward and reverse Q/A and MCQ cards from a relation', () => {
    const [deck] = generateDecks([fileOf([pten, vegf, adam])]);
    const ptenCards = deck?.cards.filter((c) => c.factId === 'mirna-17-pten') ?? [];
    expect(ptenCards.map((c) => [c.id, c.front, c.back])).toEqual([
      ['mirna-17-pten:qa:fwd', 'What does miR-17 target?', 'PTEN'],
      ['mirna-17-pten:mcq:fwd', `${MCQ_PREFIX}What does miR-17 target?`, 'PTEN'],
      ['mirna-17-pten:qa:rev', 'Which microRNA targets PTEN?', 'miR-17'],
      ['mirna-17-pten:mcq:rev', `${MCQ_PREFIX}Which microRNA targets PTEN?`, 'miR-17'],
    ]);
    expect(new Set(ptenCards[1]?.choices?.options)).toEqual(new Set(['PTEN', 'VEGF-A', 'ADAM-9']));
  });

  it('refuses a reverse question whose answer is not unique in the family', () => {
    const mir200 = mirnaRelation('mirna-200-zeb', 'miR-200 family', 'ZEB1/2');
    const mir141 = mirnaRelation('mirna-141-zeb', 'miR-141', 'ZEB1/2');
    expect(() => generateDecks([fileOf([pten, mir200, mir141])])).toThrow(/reverse question is ambiguous/);
    const fixed = [
      pten,
      mirnaRelation('mirna-200-zeb', 'miR-200 family', 'ZEB1/2', false),
      mirnaRelation('mirna-141-zeb', 'miR-141', 'ZEB1/2', false),
    ];
    expect(() => generateDecks([fileOf(fixed)])).not.toThrow();
  });

  it('never offers an answer of the same subject as a distractor', () => {
    const a: RelationFact = {
      ...mirnaRelation('x-a', 'miR-1', 'A', false),
      forward: undefined,
      reverse: 'Which targets A?',
    };
    const b: RelationFact = {
      ...mirnaRelation('x-b', 'miR-1', 'B', false),
      forward: undefined,
      reverse: 'Which targets B?',
    };
    const c = mirnaRelation('x-c', 'miR-2', 'C', false);
    const d = mirnaRelation('x-d', 'miR-3', 'D', false);
    const e = mirnaRelation('x-e', 'miR-4', 'E', false);
    const [deck] = generateDecks([fileOf([a, b, c, d, e])]);
    const mcq = deck?.cards.find((card) => card.id === 'x-a:mcq:rev');
    expect(mcq?.choices?.options).toContain('miR-1');
    const wrong = mcq?.choices?.options.filter((o) => o !== 'miR-1');
    expect(wrong?.length).toBeGreaterThanOrEqual(2);
    expect(() => generateDecks([fileOf([{ ...a, forward: 'What does miR-1 target?' }, b, c])])).toThrow(
      /forward question is ambiguous/,
    );
  });

  it('refuses two cards with the same front', () => {
    const q1: Fact = {
      id: 'q-1',
      family: 'f',
      level: 'core',
      type: 'qa',
      question: 'Same?',
      answer: 'A',
      source: SOURCE,
    };
    const q2: Fact = { ...q1, id: 'q-2', answer: 'B' };
    expect(() => generateDecks([fileOf([q1, q2])])).toThrow(DeckGenError);
  });

  it('refuses a duplicate fact id across decks', () => {
    const q1: Fact = {
      id: 'q-1',
      family: 'f',
      level: 'core',
      type: 'qa',
      question: 'One?',
      answer: 'A',
      source: SOURCE,
    };
    const q2: Fact = { ...q1, question: 'Two?' };
    expect(() => generateDecks([fileOf([q1], 'deck-a'), fileOf([q2], 'deck-b')])).toThrow(
      /fact id already used/,
    );
  });

  it('refuses a "name all" list question that does not say how many', () => {
    const list: Fact = {
      id: 'l-1',
      family: 'f',
      level: 'core',
      type: 'list',
      question: 'Which drugs?',
      items: ['A', 'B'],
      source: SOURCE,
    };
    expect(() => generateDecks([fileOf([list])])).toThrow(/must say how many/);
    const [deck] = generateDecks([fileOf([{ ...list, question: 'Which two drugs?' }])]);
    expect(deck?.cards[0]?.back).toBe('- A\n- B');
  });

  it('refuses a table count that a card does not show', () => {
    const fact: Fact = {
      ...mirnaRelation('t-1', 'LMS', '28 of 136 (20%)', false),
      count: { value: 29, total: 136, percent: 20 },
    };
    expect(() => generateDecks([fileOf([fact])])).toThrow(/must show the count "29 of 136"/);
  });
});

describe('count items (issue 12)', () => {
  const percentOf = (option: string) => Number(/\((\d+)%\)/.exec(option)?.[1] ?? NaN);
  const countItems = decks
    .flatMap((deck) => deck.cards)
    .filter((card) => card.kind === 'mcq' && card.choices!.options.every((o) => /\(\d+%\)$/.test(o)));

  it('exist', () => {
    expect(countItems.length).toBeGreaterThan(5);
  });

  it('never offer a distractor within a point of the answer, nor two options with the same percentage', () => {
    for (const card of countItems) {
      const { options, answer } = card.choices!;
      const right = percentOf(options[answer[0]!]!);
      const percents = options.map(percentOf);
      expect(new Set(percents).size, card.id).toBe(percents.length);
      for (const [i, percent] of percents.entries()) {
        if (!answer.includes(i))
          expect(Math.abs(percent - right), `${card.id}: ${options[i]}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('no multiple-choice item marks wrong what another card teaches about the same subject', () => {
    const relations = facts.filter((f): f is RelationFact => f.type === 'relation');
    for (const card of cards.filter((c) => c.kind === 'mcq')) {
      const fact = factById.get(card.factId);
      if (fact?.type !== 'relation') continue;
      const forward = card.id.endsWith(':fwd');
      const key = answerKey(forward ? fact.subject : fact.object);
      // Every answer any family gives for this subject (forward) or object (reverse).
      const taught = new Set(
        relations
          .filter((r) => answerKey(forward ? r.subject : r.object) === key)
          .map((r) => answerKey(forward ? r.object : r.subject)),
      );
      const options = card.choices!.options;
      options.forEach((option, i) => {
        if (!card.choices!.answer.includes(i))
          expect(taught.has(answerKey(option)), `${card.id}: ${option}`).toBe(false);
      });
    }
  });

  it('do not mark the text’s 10% for MFH/UPS wrong (hist-t2-mfh)', () => {
    const item = countItems.find((card) => card.id === 'hist-t2-mfh:mcq:fwd');
    expect(item).toBeDefined();
    expect(item!.choices!.options.filter((o) => /\(10%\)/.test(o))).toEqual([]);
  });
});

describe('children’s histologies (issue 12)', () => {
  it('no card ranks OS above ES: the review calls both the most common types', () => {
    const cards = decks.flatMap((deck) => deck.cards);
    const ranking = cards.filter(
      (card) => card.kind === 'ordered' && /children/i.test(card.front) && /Osteosarcoma/.test(card.back),
    );
    expect(ranking).toEqual([]);
    const both = cards.find((card) => card.id === 'hist-child-most-common:qa');
    expect(both?.back).toMatch(
      /Osteosarcoma \(OS, 36%\) and Ewing sarcoma \(ES, 35%\), both "the most common types"/,
    );
  });
});

describe('radiosurgery thresholds (issue 12)', () => {
  const cards = decks.flatMap((deck) => deck.cards);
  it('are asked as cases that combine the two thresholds', () => {
    const few = cards.find((c) => c.id === 'rt-threshold-case-few-small:qa');
    const large = cards.find((c) => c.id === 'rt-threshold-case-large:qa');
    const many = cards.find((c) => c.id === 'rt-threshold-case-many-small:qa');
    expect(few?.back).toMatch(/^Radiosurgery alone\n\n.*fewer than 5.*over 2 cm/);
    expect(large?.back).toMatch(/^Radiosurgery plus WBRT\n\n.*over 2 cm/);
    expect(many?.back).toMatch(/^Radiosurgery plus WBRT\n\n.*greater number of lesions/);
    // Each case is also a multiple-choice item whose options are the same three treatments.
    for (const id of ['few-small', 'large', 'many-small']) {
      const mcq = cards.find((c) => c.id === `rt-threshold-case-${id}:mcq`);
      expect(mcq?.choices?.options.slice().sort()).toEqual([
        'Radiosurgery alone',
        'Radiosurgery plus WBRT',
        'Surgery alone',
      ]);
    }
    const together = cards.find((c) => c.id === 'rt-thresholds-together:qa');
    expect(together?.back).toMatch(/fewer than 5.*over 2 cm/);
  });

  it('cite reference 66 only where the review’s sentence carries it, and call the 18 Gy one patient’s plan', () => {
    expect(cards.find((c) => c.id === 'rt-srs-alone-threshold:cloze')?.source?.refs).toEqual([]);
    expect(cards.find((c) => c.id === 'rt-wbrt-size-threshold:cloze')?.source?.refs).toEqual([66]);
    const dose = cards.filter((c) => c.factId === 'rt-fig2-dose');
    expect(dose.length).toBeGreaterThan(0);
    for (const card of dose) expect(card.back).toMatch(/One patient's plan/);
  });
});

describe('microRNA directions (issue 12)', () => {
  const direction = decks
    .flatMap((deck) => deck.cards)
    .filter((card) => card.factId.endsWith('-direction') && card.factId.startsWith('mirna-'));

  it('ask every microRNA with one stem, so its wording cannot give the direction away', () => {
    const qa = direction.filter((card) => card.kind === 'qa');
    expect(qa).toHaveLength(9);
    const stems = new Set(qa.map((card) => card.front.replace(/(miR-\w+|the miR-200 family)/, 'X')));
    expect([...stems]).toEqual([
      'Does the review list X among the microRNAs that promote sarcoma progression, or among those that negatively regulate sarcoma growth and metastasis?',
    ]);
  });

  it('cite an excerpt that names the microRNA', () => {
    for (const card of direction) {
      const name = /(miR-\w+)/.exec(card.front)?.[1] ?? 'miR-200';
      expect(card.source?.quote.toLowerCase(), card.id).toContain(name.toLowerCase());
    }
  });
});

describe('questions with one answer (issue 12)', () => {
  it('a question whose answer is a list says how many answers are expected', () => {
    const unclear = decks
      .flatMap((deck) => deck.cards)
      .filter((card) => card.kind === 'qa')
      .map((card) => {
        const items = card.back.split('\n').filter((line) => /^- /.test(line)).length;
        return { card, items };
      })
      .filter(({ card, items }) => items > 1 && !listQuestionStatesCount(card.front, items))
      .map(({ card, items }) => `${card.id} (${items} items): ${card.front}`);
    expect(unclear).toEqual([]);
  });

  it('the p53 card asks the review’s contrast between tumorigenesis and progression', () => {
    const card = decks.flatMap((deck) => deck.cards).find((c) => c.id === 'bio-wt-p53-loss-progression:qa');
    expect(card?.front).toMatch(/critical for the tumorigenesis of OS/);
    expect(card?.back).toMatch(/^That loss of wild-type p53 may also be involved in sarcoma progression/);
  });
});

describe('core and optional decks (issue 12)', () => {
  const optional = decks.find((d) => d.id === OPTIONAL_DECK.id);
  const core = decks.filter((d) => d.id !== OPTIONAL_DECK.id);

  it('mark every fact core or detail, and put only the detail facts’ cards in the optional deck', () => {
    expect(optional?.title).toBe('Tables, figures and abbreviations');
    const detailFacts = new Set(facts.filter((f) => f.level === 'detail').map((f) => f.id));
    expect(detailFacts.size).toBeGreaterThan(30);
    expect(new Set(optional?.cards.map((c) => c.factId))).toEqual(detailFacts);
    for (const deck of core)
      for (const card of deck.cards) expect(detailFacts.has(card.factId), card.id).toBe(false);
    // The optional cards keep their topic's tag, so a search by topic still finds them.
    for (const card of optional?.cards ?? []) {
      expect(card.tags[0]).toBe(OPTIONAL_DECK.id);
      expect(files.some((file) => card.tags.includes(file.deckId))).toBe(true);
    }
  });

  it('move abbreviations, single table cells and totals, and figure layout out of the core', () => {
    for (const fact of facts) {
      const trivia =
        fact.family === 'abbreviation' ||
        fact.count !== undefined ||
        /^(table-total|table-content|table1-totals|figure2-panel)$/.test(fact.family);
      if (trivia) expect(fact.level, fact.id).toBe('detail');
    }
  });

  it('turning a fact into a detail moves its cards without changing the core decks’ other cards', () => {
    const moved = files.map((file) => ({
      ...file,
      facts: file.facts.map((f): Fact => (f.id === 'hist-synonym-mfh' ? { ...f, level: 'detail' } : f)),
    }));
    const after = generateDecks(moved);
    const histology = (list: typeof decks) => list.find((d) => d.id === 'histology')?.cards ?? [];
    expect(histology(after)).toEqual(histology(decks).filter((c) => c.factId !== 'hist-synonym-mfh'));
    expect(after.find((d) => d.id === OPTIONAL_DECK.id)?.cards.map((c) => c.id)).toContain(
      'hist-synonym-mfh:qa',
    );
  });
});

describe('multiple choice that form cannot answer (issue 12)', () => {
  const mcqs = cards.filter((c) => c.kind === 'mcq');

  it('keeps every option within twice the length of every other', () => {
    for (const card of mcqs) {
      const lengths = (card.choices?.options ?? []).map((o) => o.length);
      expect(Math.max(...lengths), card.id).toBeLessThanOrEqual(MAX_LENGTH_RATIO * Math.min(...lengths));
    }
  });

  it('never names in a microRNA-target stem a category only the answer fits', () => {
    const stems = mcqs
      .filter((c) => c.tags.includes('mirna-target') && c.id.endsWith(':fwd'))
      .map((c) => c.front);
    expect(stems.length).toBeGreaterThanOrEqual(4);
    for (const stem of stems)
      expect(stem).not.toMatch(/tumor suppressor|angiogenic factor|transcription factor|protein/);
  });

  it('asks no abbreviation as multiple choice: initials would give it away', () => {
    expect(mcqs.filter((c) => c.tags.includes('abbreviation'))).toEqual([]);
  });

  it('asks the prognostic microRNA findings as four options of the same shape', () => {
    const items = mcqs.filter((c) => c.tags.includes('mirna-prognostic'));
    expect(items.length).toBe(4);
    for (const item of items) expect(item.choices?.options.every((o) => /miR-/.test(o))).toBe(true);
  });

  it('refuses a hand-made item whose options are not parallel in length', () => {
    const fact: Fact = {
      id: 'c-1',
      family: 'f',
      level: 'core',
      type: 'choice',
      question: 'Which one?',
      answer: 'A long answer that gives itself away',
      distractors: ['No', 'Never'],
      source: SOURCE,
    };
    expect(() => generateDecks([fileOf([fact])])).toThrow(/not parallel/);
  });

  it('gives a relation one multiple-choice direction when told', () => {
    const family = [
      mirnaRelation('r-1', 'miR-1', 'AAA'),
      mirnaRelation('r-2', 'miR-2', 'BBB'),
      { ...mirnaRelation('r-3', 'miR-3', 'CCC'), mcq: 'reverse' as const },
    ];
    const ids = generateDecks([fileOf(family)])[0]!.cards.map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('r-3:mcq'))).toEqual(['r-3:mcq:rev']);
  });
});
