import { describe, expect, it } from 'vitest';
import { DECK_LIMITS, parseDeckFile } from '../../../src/domain/deck-format';
import { parseDelimitedText, splitDelimited } from '../../../src/domain/interop/delimited-text';
import { hashText, normaliseTag, slugId } from '../../../src/domain/interop/interop-ids';

const anki = (text: string, fileName = 'My Deck.txt') => parseDelimitedText(text, { fileName });

describe('splitDelimited', () => {
  const cases: { name: string; text: string; sep: string; want: string[][] }[] = [
    {
      name: 'tabs',
      text: 'a\tb\nc\td',
      sep: '\t',
      want: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    {
      name: 'CRLF and a last line ending',
      text: 'a,b\r\nc,d\r\n',
      sep: ',',
      want: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { name: 'quoted separator', text: '"a,b",c', sep: ',', want: [['a,b', 'c']] },
    { name: 'doubled quotes', text: '"say ""hi""",x', sep: ',', want: [['say "hi"', 'x']] },
    {
      name: 'quoted newline',
      text: '"line 1\nline 2";b\nc;d',
      sep: ';',
      want: [
        ['line 1\nline 2', 'b'],
        ['c', 'd'],
      ],
    },
    {
      name: 'empty fields',
      text: 'a,,c\n,,',
      sep: ',',
      want: [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    },
    {
      name: 'blank lines skipped',
      text: 'a|b\n\n\nc|d',
      sep: '|',
      want: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { name: 'quote inside a field is literal', text: 'it"s,x', sep: ',', want: [['it"s', 'x']] },
    { name: 'empty quoted field', text: '"",b', sep: ',', want: [['', 'b']] },
  ];
  it.each(cases)('$name', ({ text, sep, want }) => {
    expect(splitDelimited(text, sep).map((r) => r.fields)).toEqual(want);
  });

  it('reports the line each record starts on, after quoted newlines', () => {
    expect(splitDelimited('"a\nb",c\nd,e', ',', 3).map((r) => r.line)).toEqual([3, 5]);
  });

  it('rejects a quote that is never closed, naming its line', () => {
    expect(() => splitDelimited('a,b\n"c,d\ne,f', ',')).toThrow('Line 2: a field starts with a quote');
  });
});

describe('ids and tags', () => {
  it.each([
    ['Pathology::Sarcomas', 'pathology-sarcomas'],
    ['  Über Größe! ', 'uber-gro-e'],
    ['Ελληνικά', `deck-${hashText('Ελληνικά').slice(0, 8)}`],
  ])('slugId(%j) = %j', (name, want) => {
    expect(slugId(name)).toBe(want);
  });

  it.each([
    ['Cardio', 'cardio'],
    ['#AK_Step1_v12::#B&B::Heme', 'ak-step1-v12/bb/heme'],
    ['leech', 'leech'],
    ['::', undefined],
    ['ünïcöde', 'unicode'],
    ['x'.repeat(61), undefined],
  ])('normaliseTag(%j) = %j', (raw, want) => {
    expect(normaliseTag(raw)).toBe(want);
  });
});

describe('parseDelimitedText: Anki text exports', () => {
  it('reads the header lines, tags and html, and gives a valid deck', () => {
    const text = [
      '#separator:tab',
      '#html:true',
      '#deck:Medicine::Cardiology',
      '#notetype:Basic',
      '#tags column:3',
      'What is <b>MAP</b>?\tMean arterial pressure\tCardio Vitals::BP',
      'Normal HR?\t60-100/min\t',
    ].join('\n');
    const candidate = anki(text);
    expect(candidate.origin).toBe('anki-text');
    expect(candidate.hasScheduling).toBe(false);
    const deck = candidate.deck;
    expect(parseDeckFile(deck).ok).toBe(true);
    expect(deck.id).toBe('cardiology');
    expect(deck.title).toBe('Cardiology');
    expect(deck.cards).toHaveLength(2);
    expect(deck.cards[0]).toMatchObject({
      kind: 'qa',
      front: 'What is <b>MAP</b>?',
      back: 'Mean arterial pressure',
      tags: ['cardio', 'vitals/bp'],
      markup: 'html',
    });
    expect(deck.cards[1]?.tags).toEqual([]);
  });

  const separators: { name: string; header: string; line: string }[] = [
    { name: 'Comma', header: '#separator:Comma', line: 'q,a' },
    { name: 'Semicolon', header: '#separator:Semicolon', line: 'q;a' },
    { name: 'Pipe', header: '#separator:Pipe', line: 'q|a' },
    { name: 'Space', header: '#separator:Space', line: 'q a' },
    { name: 'literal character', header: '#separator:^', line: 'q^a' },
    { name: 'guessed tab', header: '', line: 'q\ta' },
    { name: 'guessed semicolon', header: '', line: 'q;a' },
    { name: 'guessed comma', header: '', line: 'q,a' },
  ];
  it.each(separators)('separator: $name', ({ header, line }) => {
    const card = anki([header, line].filter(Boolean).join('\n')).deck.cards[0];
    expect([card?.front, card?.back]).toEqual(['q', 'a']);
  });

  it('rejects a separator it does not know, naming the line', () => {
    expect(() => anki('#separator:Dash\nq-a')).toThrow('Line 1: "Dash" is not a separator');
  });

  it.each([
    ['#html:false with tags stays plain text', '#html:false\n<b>q</b>\ta', undefined],
    ['no header and tags: html', '<b>q</b>\ta', 'html'],
    ['no header, plain text', 'q < r\ta & b', undefined],
  ] as const)('%s', (_name, text, markup) => {
    expect(anki(text).deck.cards[0]?.markup).toBe(markup);
  });

  it('appends further fields to the back and keeps quoted line breaks', () => {
    const deck = anki('#separator:Comma\n#html:false\n"Term","Line 1\nLine 2","Extra"').deck;
    expect(deck.cards[0]?.back).toBe('Line 1\nLine 2\nExtra');
  });

  it('uses the guid column for ids and ignores the notetype and deck columns', () => {
    const text = [
      '#separator:tab',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      'g1\tBasic\tA\tq1\ta1',
      'g2\tBasic\tB\tq2\ta2',
    ].join('\n');
    const candidate = anki(text);
    expect(candidate.deck.cards.map((c) => [c.front, c.back])).toEqual([
      ['q1', 'a1'],
      ['q2', 'a2'],
    ]);
    expect(candidate.deck.cards[0]?.id).toBe(`my-deck:${hashText('guid:g1')}:qa`);
    expect(candidate.notices).toContain('The file names 2 decks; all cards were put in one deck.');
    // The guid, not the text, names the card: editing the front keeps its id.
    expect(anki(text.replace('q1', 'q1 edited')).deck.cards[0]?.id).toBe(candidate.deck.cards[0]?.id);
  });

  it('finds the tags column from #columns', () => {
    expect(anki('#columns:Front\tBack\tTags\nq\ta\tone two').deck.cards[0]?.tags).toEqual(['one', 'two']);
  });

  it('gives stable ids from the front, and distinct ones to repeated fronts in file order', () => {
    const text = 'Same\tfirst\nOther\tx\nSame\tsecond';
    const ids = anki(text).deck.cards.map((c) => c.id);
    expect(ids).toEqual([
      `my-deck:${hashText('Same')}:qa`,
      `my-deck:${hashText('Other')}:qa`,
      `my-deck:${hashText('Same')}-2:qa`,
    ]);
    expect(anki(text).deck.cards.map((c) => c.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('turns a cloze note into one card per deletion', () => {
    const deck = anki(
      '#notetype:Cloze\n#html:false\nThe {{c1::femur}} is the {{c2::longest}} bone\tExtra',
    ).deck;
    expect(deck.cards.map((c) => [c.id.split(':').slice(-2).join(':'), c.kind, c.front, c.back])).toEqual([
      ['cloze:c1', 'cloze', 'The [...] is the longest bone', 'The femur is the longest bone\nExtra'],
      ['cloze:c2', 'cloze', 'The femur is the [...] bone', 'The femur is the longest bone\nExtra'],
    ]);
    expect(new Set(deck.cards.map((c) => c.factId)).size).toBe(1);
  });

  it('removes media, drops unusable tags and says so', () => {
    const candidate = anki('#html:true\n#tags column:3\nq<img src="x.png">\ta [sound:y.mp3]\tok ::');
    expect(candidate.deck.cards[0]).toMatchObject({ front: 'q', back: 'a', tags: ['ok'] });
    expect(candidate.notices).toEqual([
      '2 images and sounds were removed: media are not imported.',
      '1 tag could not be kept (too long, no letters or digits, or over 20 on a card).',
    ]);
  });

  it('skips rows with an empty front or back, naming their lines', () => {
    const candidate = anki('#separator:tab\nq\ta\n\tno front\nno back\t\nq2\ta2');
    expect(candidate.deck.cards).toHaveLength(2);
    expect(candidate.notices).toEqual(['2 rows with an empty front or back were skipped (lines 3 and 4).']);
  });

  it('takes the title and id from the file name when there is no #deck', () => {
    const deck = anki('q\ta', 'exports/Renal Physiology (2024).csv').deck;
    expect([deck.id, deck.title]).toEqual(['renal-physiology-2024', 'Renal Physiology (2024)']);
  });

  it('strips a byte-order mark', () => {
    expect(anki('\ufeffq\ta').deck.cards[0]?.front).toBe('q');
  });

  const rejections: { name: string; text: string; message: string }[] = [
    { name: 'empty file', text: '', message: 'This file is empty' },
    { name: 'only white space', text: ' \n\t\n', message: 'This file is empty' },
    {
      name: 'binary junk',
      text: 'PK\u0003\u0004\u0000\u0000\u0014junk',
      message: 'it looks like binary data',
    },
    { name: 'only headers', text: '#separator:tab\n#html:false\n', message: 'No cards found' },
    {
      name: 'field too long',
      text: `q\ta\nq2\t${'x'.repeat(DECK_LIMITS.maxTextLength + 1)}`,
      message: `Line 2, field 2, is ${(DECK_LIMITS.maxTextLength + 1).toLocaleString('en-US')} characters long`,
    },
  ];
  it.each(rejections)('rejects: $name', ({ text, message }) => {
    expect(() => anki(text)).toThrow(message);
  });

  it('rejects more rows than a deck holds', () => {
    const text = 'q\ta\n'.repeat(DECK_LIMITS.maxCards + 1);
    expect(() => anki(text)).toThrow(
      `one deck holds at most ${DECK_LIMITS.maxCards.toLocaleString('en-US')}`,
    );
  });
});

describe('parseDelimitedText: Quizlet exports', () => {
  const quizlet = (text: string) => parseDelimitedText(text, { fileName: 'Bio 101.txt', format: 'quizlet' });

  it('reads term, tab, definition lines as plain-text cards', () => {
    const candidate = quizlet('mitosis\tcell division\nosteoblast\tbuilds bone, "not" breaks it\n');
    expect(candidate.origin).toBe('quizlet');
    expect(parseDeckFile(candidate.deck).ok).toBe(true);
    expect(candidate.deck.cards.map((c) => [c.front, c.back, c.markup])).toEqual([
      ['mitosis', 'cell division', undefined],
      ['osteoblast', 'builds bone, "not" breaks it', undefined],
    ]);
    expect(candidate.deck.title).toBe('Bio 101');
  });

  it('keeps a definition that runs over several lines', () => {
    expect(quizlet('term\tline one\nline two\nnext\tdef').deck.cards.map((c) => c.back)).toEqual([
      'line one\nline two',
      'def',
    ]);
  });

  it('rejects a file whose first line has no tab', () => {
    expect(() => quizlet('just words\nmore')).toThrow('Line 1 has no tab between term and definition');
  });
});
