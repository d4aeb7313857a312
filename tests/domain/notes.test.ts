import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../src/domain/deck-format';
import { newId } from '../../src/domain/ids';
import { cardsOfNote, clozeNumbers, normalizeTags, renderCloze } from '../../src/domain/notes';
import { deckFile } from '../storage/helpers';

describe('cloze deletions', () => {
  it.each([
    ['{{c1::a}} and {{c2::b}}', [1, 2]],
    ['{{c2::b}} {{c1::a}} {{c2::again}}', [1, 2]],
    ['no deletion', []],
    ['{{c0::zero}} is not a deletion', []],
    ['{{c10::ten}}', [10]],
    ['{{c1::multi\nline}}', [1]],
  ])('finds the numbers of %j', (text, numbers) => {
    expect(clozeNumbers(text)).toEqual(numbers);
  });

  it.each([
    [
      '{{c1::Osteosarcoma}} is the most common',
      1,
      '[...] is the most common',
      '**Osteosarcoma** is the most common',
    ],
    ['{{c1::15::Gy}} Gy for {{c2::3 cm}}', 1, '[Gy] Gy for 3 cm', '**15** Gy for 3 cm'],
    ['{{c1::15::Gy}} Gy for {{c2::3 cm}}', 2, '15 Gy for [...]', '15 Gy for **3 cm**'],
    ['{{c1::a}} {{c1::b}}', 1, '[...] [...]', '**a** **b**'],
  ])('renders %j as card c%i', (text, n, front, back) => {
    expect(renderCloze(text, n)).toEqual({ front, back });
  });
});

describe('cardsOfNote', () => {
  const base = { noteId: 'n-1', tags: ['srs'], sourceNote: ' Lecture 3 ' };

  it('gives one card for a basic note, two for basic and reversed, with stable ids', () => {
    const basic = cardsOfNote({ ...base, note: { type: 'basic', front: 'Q?', back: 'A' } });
    expect(basic.ok && basic.cards.map((c) => [c.id, c.front, c.back])).toEqual([['n-1:qa', 'Q?', 'A']]);
    const reversed = cardsOfNote({ ...base, note: { type: 'reversed', front: 'Q?', back: 'A' } });
    expect(reversed.ok && reversed.cards.map((c) => [c.id, c.front, c.back])).toEqual([
      ['n-1:qa', 'Q?', 'A'],
      ['n-1:qa:rev', 'A', 'Q?'],
    ]);
    expect(basic.ok && basic.cards[0]).toMatchObject({
      factId: 'n-1',
      markup: 'markdown',
      tags: ['srs'],
      sourceNote: 'Lecture 3',
      note: { type: 'basic', front: 'Q?', back: 'A' },
    });
  });

  it('gives one card per deletion number of a cloze note, the extra on the back', () => {
    const check = cardsOfNote({
      ...base,
      note: { type: 'cloze', front: '{{c1::A}}, {{c2::B}} and {{c3::C::letter}}', back: 'Extra' },
    });
    expect(check.ok && check.cards.map((c) => [c.id, c.kind, c.front])).toEqual([
      ['n-1:cloze:c1', 'cloze', '[...], B and C'],
      ['n-1:cloze:c2', 'cloze', 'A, [...] and C'],
      ['n-1:cloze:c3', 'cloze', 'A, B and [letter]'],
    ]);
    expect(check.ok && check.cards[0]!.back).toBe('**A**, B and C\n\nExtra');
  });

  it('gives a multiple-choice item with its options and answer', () => {
    const check = cardsOfNote({
      ...base,
      note: { type: 'mcq', front: 'Which?', back: '', options: [' One ', 'Two', 'Three'], answer: [1] },
    });
    expect(check.ok && check.cards[0]).toMatchObject({
      id: 'n-1:mcq',
      kind: 'mcq',
      back: 'Two',
      choices: { options: ['One', 'Two', 'Three'], answer: [1] },
    });
  });

  it.each([
    [{ type: 'basic', front: ' ', back: 'A' }, 'Write the front.'],
    [{ type: 'basic', front: 'Q', back: '' }, 'Write the back.'],
    [{ type: 'cloze', front: 'No deletion here', back: '' }, 'Mark at least one deletion'],
    [{ type: 'mcq', front: 'Q', back: '', options: ['A'], answer: [0] }, 'Give at least two options.'],
    [{ type: 'mcq', front: 'Q', back: '', options: ['A', 'A'], answer: [0] }, 'Two options are the same.'],
    [{ type: 'mcq', front: 'Q', back: '', options: ['A', 'B'], answer: [] }, 'Mark the correct option.'],
    [{ type: 'mcq', front: 'Q', back: '', options: ['A', ''], answer: [0] }, 'Fill in every option'],
  ] as const)('explains what is missing in %j', (note, message) => {
    const check = cardsOfNote({
      ...base,
      note: {
        ...note,
        options: 'options' in note ? [...note.options] : undefined,
        answer: 'answer' in note ? [...note.answer] : undefined,
      },
    });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.join(' ')).toContain(message);
  });

  it('gives cards that pass the deck file schema', () => {
    const notes = [
      { type: 'basic', front: '**Bold** H~2~O', back: '- one\n- two' },
      { type: 'reversed', front: 'x^2^', back: '*it*' },
      { type: 'cloze', front: '{{c1::a}} {{c2::b::hint}}', back: '' },
      { type: 'mcq', front: 'Q', back: 'why', options: ['A', 'B'], answer: [0, 1] },
    ] as const;
    const cards = notes.flatMap((note, i) => {
      const check = cardsOfNote({
        noteId: `n-${i}`,
        tags: ['t'],
        note: {
          ...note,
          options: 'options' in note ? [...note.options] : undefined,
          answer: 'answer' in note ? [...note.answer] : undefined,
        },
      });
      return check.ok ? check.cards : [];
    });
    expect(cards).toHaveLength(6);
    const parsed = parseDeckFile(JSON.parse(JSON.stringify(deckFile('mine', cards))));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
});

describe('normalizeTags and newId', () => {
  it('makes typed tags valid deck tags', () => {
    expect(normalizeTags('Cardio, exam-2  Neuro/SRS cardio  ü!')).toEqual([
      'cardio',
      'exam-2',
      'neuro/srs',
      'u',
    ]);
  });

  it('makes ids that pass the id pattern, from the title, time and randomness', () => {
    const id = newId('Journal Club: Sarcoma!', new Date('2026-01-05T09:00:00Z'), () => 0.5);
    expect(id).toMatch(/^journal-club-sarcoma-[a-z0-9]+$/);
    expect(newId('日本', new Date(0), () => 0)).toMatch(/^x-0/);
  });
});
