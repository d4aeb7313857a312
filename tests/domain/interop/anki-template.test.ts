import { describe, expect, it } from 'vitest';
import {
  clozeNumbers,
  htmlToText,
  isFieldEmpty,
  renderCard,
  renderCloze,
  renderTemplate,
  stripMedia,
  type TemplateNote,
} from '../../../src/domain/interop/anki-template';

const NOTE: TemplateNote = {
  fields: {
    Front: 'What is <b>MAP</b>?',
    Back: 'Mean arterial pressure',
    Extra: '',
    Blank: '&nbsp;<br>',
    Text: 'The {{c1::femur}} is the {{c2::longest::bone}} {{c3::bone}}.',
  },
  tags: ['cardio', 'vitals'],
  deck: 'Medicine::Cardiology',
  noteType: 'Basic+',
};

describe('renderTemplate', () => {
  const cases: {
    name: string;
    template: string;
    side?: 'question' | 'answer';
    ord?: number;
    want: string;
  }[] = [
    { name: 'field', template: '{{Front}}', want: 'What is <b>MAP</b>?' },
    { name: 'spaces inside braces', template: '{{ Back }}', want: 'Mean arterial pressure' },
    { name: 'unknown field renders empty', template: '[{{Nope}}]', want: '[]' },
    {
      name: 'section shown when field has text',
      template: '{{#Back}}B:{{Back}}{{/Back}}',
      want: 'B:Mean arterial pressure',
    },
    { name: 'section hidden when field empty', template: 'x{{#Extra}}E{{/Extra}}y', want: 'xy' },
    { name: 'section hidden when only nbsp and br', template: 'x{{#Blank}}E{{/Blank}}y', want: 'xy' },
    { name: 'inverted section', template: '{{^Extra}}no extra{{/Extra}}', want: 'no extra' },
    { name: 'inverted section hidden', template: '{{^Back}}none{{/Back}}', want: '' },
    {
      name: 'nested sections',
      template: '{{#Front}}F{{#Extra}}E{{/Extra}}{{^Extra}}-{{#Back}}B{{/Back}}{{/Extra}}{{/Front}}',
      want: 'F-B',
    },
    { name: 'unmatched close tag is ignored', template: 'a{{/Back}}b', want: 'ab' },
    { name: 'text filter strips html', template: '{{text:Front}}', want: 'What is MAP?' },
    { name: 'type filter is dropped', template: 'Q{{type:Back}}', want: 'Q' },
    { name: 'type:cloze is dropped', template: '{{type:cloze:Text}}', want: '' },
    { name: 'unknown filter gives the field', template: '{{furigana:Back}}', want: 'Mean arterial pressure' },
    {
      name: 'hint filter gives a details element',
      template: '{{hint:Back}}',
      want: '<details class="hint"><summary>Hint</summary>Mean arterial pressure</details>',
    },
    { name: 'hint of empty field is empty', template: '{{hint:Extra}}', want: '' },
    { name: 'Tags', template: '{{Tags}}', want: 'cardio vitals' },
    { name: 'Deck', template: '{{Deck}}', want: 'Medicine::Cardiology' },
    { name: 'Subdeck', template: '{{Subdeck}}', want: 'Cardiology' },
    { name: 'Type', template: '{{Type}}', want: 'Basic+' },
    { name: 'comment tag', template: 'a{{! note to self }}b', want: 'ab' },
    { name: 'FrontSide is empty on the question', template: '{{FrontSide}}Q', want: 'Q' },
    {
      name: 'cloze on the question, card 2 with hint',
      template: '{{cloze:Text}}',
      ord: 1,
      want: 'The femur is the <span class="cloze">[bone]</span> bone.',
    },
    {
      name: 'cloze on the answer, card 2',
      template: '{{cloze:Text}}',
      ord: 1,
      side: 'answer',
      want: 'The femur is the <span class="cloze">longest</span> bone.',
    },
    { name: 'cloze-only', template: '{{cloze-only:Text}}', ord: 2, want: 'bone' },
    {
      name: 'text after cloze',
      template: '{{text:cloze:Text}}',
      ord: 0,
      want: 'The [...] is the longest bone.',
    },
    { name: 'cN section on its card', template: '{{#c2}}two{{/c2}}{{^c2}}other{{/c2}}', ord: 1, want: 'two' },
    {
      name: 'cN section on another card',
      template: '{{#c2}}two{{/c2}}{{^c2}}other{{/c2}}',
      ord: 0,
      want: 'other',
    },
  ];
  it.each(cases)('$name', ({ template, side, ord, want }) => {
    expect(renderTemplate(template, NOTE, { ord: ord ?? 0, side: side ?? 'question' })).toBe(want);
  });

  it('{{Card}} gives the template name and {{FrontSide}} the front on the answer', () => {
    expect(renderTemplate('{{Card}}', NOTE, { ord: 0, side: 'question', name: 'Card 2' })).toBe('Card 2');
    expect(renderTemplate('{{FrontSide}}|{{Back}}', NOTE, { ord: 0, side: 'answer', frontSide: 'F' })).toBe(
      'F|Mean arterial pressure',
    );
  });
});

describe('renderCloze', () => {
  const cases: {
    name: string;
    text: string;
    n: number;
    side: 'question' | 'answer';
    html?: boolean;
    want: string;
  }[] = [
    {
      name: 'blank',
      text: 'a {{c1::b}} c',
      n: 1,
      side: 'question',
      want: 'a <span class="cloze">[...]</span> c',
    },
    { name: 'plain blank', text: 'a {{c1::b}} c', n: 1, side: 'question', html: false, want: 'a [...] c' },
    { name: 'plain answer', text: 'a {{c1::b}} c', n: 1, side: 'answer', html: false, want: 'a b c' },
    {
      name: 'other deletions as text',
      text: '{{c1::x}} {{c2::y}}',
      n: 2,
      side: 'question',
      html: false,
      want: 'x [...]',
    },
    {
      name: 'same number twice',
      text: '{{c1::x}} {{c1::y}}',
      n: 1,
      side: 'question',
      html: false,
      want: '[...] [...]',
    },
    { name: 'hint', text: '{{c1::Paris::capital}}', n: 1, side: 'question', html: false, want: '[capital]' },
    {
      name: 'hint not on answer',
      text: '{{c1::Paris::capital}}',
      n: 1,
      side: 'answer',
      html: false,
      want: 'Paris',
    },
    {
      name: 'nested: outer hidden',
      text: '{{c1::a {{c2::b}} c}}',
      n: 1,
      side: 'question',
      html: false,
      want: '[...]',
    },
    {
      name: 'nested: inner hidden',
      text: '{{c1::a {{c2::b}} c}}',
      n: 2,
      side: 'question',
      html: false,
      want: 'a [...] c',
    },
    {
      name: 'unclosed stays text',
      text: 'x {{c1::y',
      n: 1,
      side: 'question',
      html: false,
      want: 'x {{c1::y',
    },
    {
      name: 'html inside kept',
      text: '{{c1::<b>b</b>}}',
      n: 1,
      side: 'answer',
      want: '<span class="cloze"><b>b</b></span>',
    },
  ];
  it.each(cases)('$name', ({ text, n, side, html, want }) => {
    expect(renderCloze(text, n, side, { html: html ?? true })).toBe(want);
  });

  it.each([
    ['{{c2::a}} {{c1::b}} {{c2::c}}', [1, 2]],
    ['{{c1::a {{c3::b}}}}', [1, 3]],
    ['no deletions', []],
    ['{{c1::unclosed', []],
  ] as const)('clozeNumbers(%s)', (text, want) => {
    expect(clozeNumbers(text)).toEqual(want);
  });
});

describe('renderCard', () => {
  it('drops the repeated front and the answer rule from the back', () => {
    const card = renderCard(
      { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
      NOTE,
      0,
    );
    expect(card).toEqual({ front: 'What is <b>MAP</b>?', back: 'Mean arterial pressure' });
  });

  it('keeps a back that only repeats the front', () => {
    const card = renderCard({ name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}' }, NOTE, 0);
    expect(card.back).toBe('What is <b>MAP</b>?');
  });

  it('removes media references from both sides', () => {
    const note: TemplateNote = { ...NOTE, fields: { Front: 'Q<img src="a.png">', Back: 'A [sound:a.mp3]' } };
    expect(renderCard({ name: 'c', front: '{{Front}}', back: '{{Back}}' }, note, 0)).toEqual({
      front: 'Q',
      back: 'A',
    });
  });
});

describe('helpers', () => {
  it.each([
    ['', true],
    ['  &nbsp; <br/> <div></div>', true],
    ['x', false],
    ['<img src="a.png">', false],
  ])('isFieldEmpty(%j) is %s', (value, want) => {
    expect(isFieldEmpty(value)).toBe(want);
  });

  it('htmlToText decodes entities and keeps the text safe for HTML', () => {
    expect(htmlToText('<div>a&nbsp;&lt;b&gt;</div><div>c &amp; d</div>')).toBe('a &lt;b&gt; c &amp; d');
  });

  it('stripMedia counts what it removes', () => {
    expect(stripMedia('<IMG SRC="x.jpg"> one [sound:b.mp3] two <img src=y>')).toEqual({
      text: ' one  two ',
      removed: 3,
    });
  });
});
