import { describe, expect, it } from 'vitest';
import {
  CLOZE_BLANK,
  MCQ_PREFIX,
  cardId,
  makeClozeCards,
  makeMcqCard,
  makeOrderedCard,
  makeQaCard,
  parseCloze,
} from '../../src/deckgen/card-kinds';
import type { CardBase } from '../../src/deckgen/card-kinds';
import { SOURCE } from './helpers';

const BASE: CardBase = { factId: 'mirna-17-pten', tags: ['mirna', 'mirna-target'], source: SOURCE };

describe('qa cards', () => {
  it('carries the fact id, tags, source and a stable id', () => {
    const card = makeQaCard(BASE, 'fwd', 'What does miR-17 target?', 'PTEN');
    expect(card).toEqual({
      id: 'mirna-17-pten:qa:fwd',
      factId: 'mirna-17-pten',
      kind: 'qa',
      front: 'What does miR-17 target?',
      back: 'PTEN',
      tags: ['mirna', 'mirna-target'],
      source: SOURCE,
    });
    expect(cardId('x', 'qa')).toBe('x:qa');
  });
});

describe('cloze cards', () => {
  it('hides every blank on one card by default', () => {
    const [card, ...rest] = makeClozeCards(BASE, 'Sites are {{lung}}, {{bone}} and {{liver}}.', false);
    expect(rest).toEqual([]);
    expect(card?.id).toBe('mirna-17-pten:cloze');
    expect(card?.front).toBe(`Sites are ${CLOZE_BLANK}, ${CLOZE_BLANK} and ${CLOZE_BLANK}.`);
    expect(card?.back).toBe('Sites are lung, bone and liver.');
  });

  it('makes one card per blank when separate, named by its answer, showing the other answers', () => {
    const cards = makeClozeCards(BASE, '{{30-35%}} for {{1-2 years}}', true, 'A note.');
    expect(cards.map((c) => [c.id, c.front])).toEqual([
      ['mirna-17-pten:cloze:30-35pct', `${CLOZE_BLANK} for 1-2 years`],
      ['mirna-17-pten:cloze:1-2-years', `30-35% for ${CLOZE_BLANK}`],
    ]);
    expect(cards.every((c) => c.back === '30-35% for 1-2 years\n\nA note.')).toBe(true);
  });

  it('parses blanks and literal text', () => {
    expect(parseCloze('a {{b}} c {{ d }}')).toEqual({ parts: ['a ', ' c ', ''], answers: ['b', 'd'] });
  });
});

describe('ordered cards', () => {
  const lobes = ['Frontal', 'Parietal', 'Temporal', 'Occipital'];

  it('lists the items shuffled on the front and numbered in order on the back', () => {
    const card = makeOrderedCard(BASE, 'Order the lobes?', lobes);
    expect(card.kind).toBe('ordered');
    const [question, ...shown] = card.front.split('\n');
    expect(question).toBe('Order the lobes?');
    expect(shown.map((l) => l.replace(/^- /, '')).sort()).toEqual([...lobes].sort());
    expect(shown.map((l) => l.replace(/^- /, ''))).not.toEqual(lobes);
    expect(card.back).toBe('1. Frontal\n2. Parietal\n3. Temporal\n4. Occipital');
  });

  it('never shows two items already in the answer order', () => {
    for (const factId of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const card = makeOrderedCard({ ...BASE, factId }, 'Which first?', ['One', 'Two']);
      expect(card.front).toBe('Which first?\n- Two\n- One');
    }
  });
});

describe('multiple-choice cards', () => {
  const pool = ['VEGF-A', 'ADAM-9', 'ZEB1/2', 'TIAM1, MMP-2 and MMP-9', 'PTEN'];

  it('offers the answer and up to three distractors from the pool, never the answer twice', () => {
    const card = makeMcqCard(BASE, 'fwd', 'What does miR-17 target?', 'PTEN', pool);
    expect(card?.id).toBe('mirna-17-pten:mcq:fwd');
    expect(card?.front).toBe(`${MCQ_PREFIX}What does miR-17 target?`);
    const options = card?.choices?.options ?? [];
    expect(options).toHaveLength(4);
    expect(options.filter((o) => o === 'PTEN')).toHaveLength(1);
    expect(options.every((o) => pool.includes(o))).toBe(true);
    expect(card?.choices?.answer.map((i) => options[i])).toEqual(['PTEN']);
  });

  it('is deterministic for the same id and pool', () => {
    const a = makeMcqCard(BASE, 'fwd', 'Q?', 'PTEN', pool);
    const b = makeMcqCard(BASE, 'fwd', 'Q?', 'PTEN', [...pool].reverse());
    expect(a).toEqual(b);
  });

  it('is not generated when the family offers fewer than two distractors', () => {
    expect(makeMcqCard(BASE, 'fwd', 'Q?', 'Promotes', ['Promotes', 'Suppresses'])).toBeUndefined();
  });
});
