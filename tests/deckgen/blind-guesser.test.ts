/**
 * Issue 12: multiple choice that form alone cannot answer. A blind guesser that knows no medicine answers
 * every item of the built-in decks from the stem and options; over the whole bank it must not beat chance
 * by more than 10 points. Its score per trick is printed, and each trick is checked on items made to fall
 * for it, so a trick that silently stopped working cannot make the bank look fair.
 */
import { describe, expect, it } from 'vitest';
import {
  allOfTheAbove,
  formatGuesserReport,
  listLength,
  longestOption,
  matchingNumber,
  repeatsStemWord,
  runBlindGuesser,
  sharedInitials,
  stemCount,
  type McqItem,
} from '../../src/deckgen/blind-guesser';
import { MCQ_PREFIX } from '../../src/deckgen/card-kinds';
import { generateDecks } from '../../src/deckgen/generate';
import { loadRealFacts } from './helpers';

function itemBank(): McqItem[] {
  return generateDecks(loadRealFacts()).flatMap((deck) =>
    deck.cards.flatMap((card) =>
      card.kind === 'mcq' && card.choices
        ? [
            {
              id: card.id,
              stem: card.front.slice(MCQ_PREFIX.length),
              options: card.choices.options,
              answer: card.choices.answer[0]!,
            },
          ]
        : [],
    ),
  );
}

describe('the blind guesser', () => {
  it('each trick picks what a test-wise student would', () => {
    expect(longestOption('Which?', ['a', 'abc', 'ab'])).toEqual([1]);
    expect(longestOption('Which?', ['ab', 'cd'])).toBeUndefined();
    expect(
      matchingNumber('Expression of which three proteins does miR-218 inhibit?', [
        'PTEN',
        'TIAM1, MMP-2 and MMP-9',
        'VEGF-A',
      ]),
    ).toEqual([1]);
    expect(
      matchingNumber('Which protein does miR-126 downregulate?', [
        'ZEB1/2',
        'ADAM-9',
        'TIAM1, MMP-2 and MMP-9',
      ]),
    ).toEqual([1]);
    expect(
      matchingNumber('Which transcription factors does miR-200 downregulate?', ['PTEN', 'ZEB1/2', 'ADAM-9']),
    ).toEqual([1]);
    expect(
      sharedInitials('What does the abbreviation FS stand for?', [
        'Fibrosarcoma',
        'Ewing sarcoma',
        'Chondrosarcoma',
      ]),
    ).toEqual([0]);
    expect(
      sharedInitials('Which abbreviation is used for soft tissue sarcoma?', ['SS', 'STS', 'ES']),
    ).toEqual([1]);
    expect(
      repeatsStemWord('Which angiogenic factor does miR-145 inhibit?', [
        'PTEN',
        'An angiogenic factor, VEGF-A',
        'ADAM-9',
      ]),
    ).toEqual([1]);
    expect(allOfTheAbove('Which?', ['A', 'B', 'All of the above'])).toEqual([2]);
    expect(allOfTheAbove('Which?', ['A', 'B', 'C'])).toBeUndefined();
  });

  it('counts list lengths and reads the number a stem asks for', () => {
    expect(listLength('TIAM1, MMP-2 and MMP-9')).toBe(3);
    expect(listLength('ZEB1/2')).toBe(2);
    expect(listLength('Leiomyosarcoma (LMS)')).toBe(1);
    expect(stemCount('Which three proteins does it inhibit?')).toBe(3);
    expect(stemCount('Which protein does it inhibit?')).toBe('singular');
    expect(stemCount('Which transcription factors does it downregulate?')).toBe('plural');
    expect(stemCount('Where do they occur?')).toBeUndefined();
  });

  it('scores expected hits: a tie among k options counts 1/k', () => {
    const report = runBlindGuesser([
      { id: 'a', stem: 'Which?', options: ['x', 'yyyy', 'z'], answer: 1 },
      { id: 'b', stem: 'Which?', options: ['xx', 'yy', 'zz'], answer: 0 },
    ]);
    expect(report.chance).toBeCloseTo(1 / 3);
    expect(report.score).toBeCloseTo((1 + 1 / 3) / 2);
    expect(report.tricks.find((t) => t.name === 'longest option')).toMatchObject({ applied: 1, expected: 1 });
  });
});

describe('the built-in item bank', () => {
  it('cannot be answered from form: the blind guesser beats chance by at most 10 points', () => {
    const items = itemBank();
    const report = runBlindGuesser(items);
    console.log(formatGuesserReport(report));
    expect(items.length).toBeGreaterThan(20);
    expect(report.score - report.chance).toBeLessThanOrEqual(0.1);
  });
});
