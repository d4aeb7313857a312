import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/domain/card-text';
import { clozeAnswerSegments } from '../../src/domain/cloze-answer';

describe('plainText', () => {
  it.each([
    ['Plain *text*', undefined, 'Plain *text*'],
    ['<b>Bold</b> &amp; <i>it</i><br>next', 'html', 'Bold & it next'],
    ['<img src=x onerror=alert(1)>Caption', 'html', 'Caption'],
    ['**Bold** and *it*, H~2~O, x^2^', 'markdown', 'Bold and it, H2O, x2'],
    ['- one\n- two\n1. three', 'markdown', 'one two three'],
  ] as const)('%j (%s) reads %j', (text, markup, plain) => {
    expect(plainText(text, markup)).toBe(plain);
  });
});

describe('clozeAnswerSegments', () => {
  const answers = (front: string, back: string) =>
    clozeAnswerSegments(front, back)
      .filter((s) => s.answer)
      .map((s) => s.text);

  it('marks each filled-in blank, and keeps the note after the blank line plain', () => {
    const front = 'In adults, LMS is the most common ([...]), then MFH/UPS at [...].';
    const back =
      'In adults, LMS is the most common (20%), then MFH/UPS at 10%.\n\nPercentages as given in the text.';
    expect(answers(front, back)).toEqual(['20%', '10%']);
    expect(
      clozeAnswerSegments(front, back)
        .map((s) => s.text)
        .join(''),
    ).toBe(back);
  });

  it('marks a blank at the very end, and one that ends the sentence before a note', () => {
    expect(
      answers('Radiosurgery alone for fewer than [...]', 'Radiosurgery alone for fewer than 5 metastases'),
    ).toEqual(['5 metastases']);
    expect(answers('A dose of [...].', 'A dose of 18 Gy.\n\nOne patient’s plan.')).toEqual(['18 Gy']);
  });

  it('leaves a back that does not follow its front as one plain segment', () => {
    expect(clozeAnswerSegments('Alpha [...] beta', 'Something else entirely')).toEqual([
      { text: 'Something else entirely', answer: false },
    ]);
    expect(clozeAnswerSegments('No blank here', 'No blank here')).toEqual([
      { text: 'No blank here', answer: false },
    ]);
  });

  it('marks every blank of every built-in cloze card', async () => {
    const { generateDecks } = await import('../../src/deckgen/generate');
    const { loadFactFiles } = await import('../../src/deckgen/load');
    const cards = generateDecks(loadFactFiles('decks')).flatMap((d) =>
      d.cards.filter((c) => c.kind === 'cloze'),
    );
    expect(cards.length).toBeGreaterThan(20);
    for (const card of cards) {
      const blanks = card.front.split('[...]').length - 1;
      const marked = answers(card.front, card.back);
      expect(marked.length, card.id).toBe(blanks);
      for (const text of marked) expect(text.trim().length, card.id).toBeGreaterThan(0);
    }
  });
});
