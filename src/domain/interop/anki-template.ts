/**
 * Rendering Anki card templates into the HTML of a card's front and back, as Anki's own renderer does
 * (rslib/src/template.rs): `{{Field}}`, `{{FrontSide}}`, `{{#Field}}…{{/Field}}` and `{{^Field}}…{{/Field}}`
 * sections (nested), the filters `cloze`, `cloze-only`, `text`, `hint` and `type` (other filters, such as
 * `furigana` or `tts`, give the field as is), and the special fields `Tags`, `Deck`, `Subdeck`, `Card` and
 * `Type`. The output is not sanitized here: the app sanitizes HTML cards with DOMPurify when it shows them.
 * Media are not imported, so `stripMedia` removes `[sound:…]` and `<img>` references and counts them.
 */

/** What a template is rendered with: one note, and which of its cards. */
export interface TemplateNote {
  /** Field name -> content (Anki's HTML). */
  fields: Readonly<Record<string, string>>;
  tags: readonly string[];
  /** Full deck name, `::` between levels. */
  deck: string;
  /** Note type name, for `{{Type}}`. */
  noteType?: string;
}

export interface CardTemplate {
  /** The template's name ("Card 1"), for `{{Card}}`. */
  name: string;
  /** Question format (`qfmt`). */
  front: string;
  /** Answer format (`afmt`). */
  back: string;
}

export interface RenderOptions {
  /** False for plain-text cards: cloze blanks are written without HTML. Default true. */
  html?: boolean;
}

type Side = 'question' | 'answer';

interface RenderContext {
  note: TemplateNote;
  template: CardTemplate;
  /** Card ordinal, 0-based: the template index, or the cloze number less one. */
  ord: number;
  side: Side;
  frontSide: string;
  html: boolean;
}

type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'field'; key: string; filters: string[] }
  | { type: 'section'; key: string; inverted: boolean; children: TemplateNode[] };

/** Parses a template; unmatched `{{/X}}` tags are ignored and unclosed sections close at the end, as in Anki. */
export function parseTemplate(template: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: { key: string; children: TemplateNode[] }[] = [];
  const current = () => stack[stack.length - 1]?.children ?? root;
  let last = 0;
  for (const match of template.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    if (match.index > last) current().push({ type: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const tag = (match[1] ?? '').trim();
    const sigil = tag[0];
    if (sigil === '#' || sigil === '^') {
      const section = {
        type: 'section' as const,
        key: tag.slice(1).trim(),
        inverted: sigil === '^',
        children: [],
      };
      current().push(section);
      stack.push(section);
    } else if (sigil === '/') {
      const key = tag.slice(1).trim();
      const at = stack.map((s) => s.key).lastIndexOf(key);
      if (at >= 0) stack.length = at;
    } else if (sigil !== '!') {
      const parts = tag.split(':');
      const key = (parts.pop() ?? '').trim();
      current().push({ type: 'field', key, filters: parts.map((p) => p.trim()) });
    }
  }
  if (last < template.length) current().push({ type: 'text', text: template.slice(last) });
  return root;
}

/** Parsed templates: a package has a few templates and renders each for thousands of cards. */
const parsed = new Map<string, TemplateNode[]>();

function parsedTemplate(template: string): TemplateNode[] {
  let nodes = parsed.get(template);
  if (!nodes) {
    if (parsed.size >= 500) parsed.clear();
    nodes = parseTemplate(template);
    parsed.set(template, nodes);
  }
  return nodes;
}

/** Anki's test for an empty field: nothing but white space, `&nbsp;`, `<br>` and `<div>` tags. */
export function isFieldEmpty(value: string): boolean {
  return /^(?:\s|&nbsp;|<\/?(?:br|div)\s*\/?>)*$/i.test(value);
}

function lookup(key: string, ctx: RenderContext): string | undefined {
  const { note } = ctx;
  if (Object.hasOwn(note.fields, key)) return note.fields[key];
  switch (key) {
    case 'FrontSide':
      return ctx.side === 'answer' ? ctx.frontSide : '';
    case 'Tags':
      return note.tags.join(' ');
    case 'Deck':
      return note.deck;
    case 'Subdeck':
      return note.deck.split('::').pop() ?? '';
    case 'Card':
      return ctx.template.name;
    case 'Type':
      return note.noteType ?? '';
    case 'CardFlag':
      return '';
  }
  // Cloze note types may test the card's number: {{#c2}}…{{/c2}} shows on the second card only.
  const cloze = /^c(\d+)$/.exec(key);
  if (cloze) return Number(cloze[1]) === ctx.ord + 1 ? '1' : '';
  return undefined;
}

function applyFilter(filter: string, value: string, ctx: RenderContext): string {
  switch (filter) {
    case 'cloze':
      return renderCloze(value, ctx.ord + 1, ctx.side, { html: ctx.html });
    case 'cloze-only':
      return clozeOnly(value, ctx.ord + 1);
    case 'text':
      return htmlToText(value);
    case 'hint':
      return isFieldEmpty(value) ? '' : `<details class="hint"><summary>Hint</summary>${value}</details>`;
    default:
      return value;
  }
}

function renderNodes(nodes: readonly TemplateNode[], ctx: RenderContext): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'section') {
      const shown = !isFieldEmpty(lookup(node.key, ctx) ?? '');
      if (shown !== node.inverted) out += renderNodes(node.children, ctx);
    } else if (!node.filters.includes('type')) {
      // Filters apply from the one nearest the field outwards: {{text:cloze:Text}} is cloze, then text.
      let value = lookup(node.key, ctx) ?? '';
      for (let i = node.filters.length - 1; i >= 0; i--)
        value = applyFilter(node.filters[i] ?? '', value, ctx);
      out += value;
    }
  }
  return out;
}

/** Renders one side of a card from a template. */
export function renderTemplate(
  template: string,
  note: TemplateNote,
  card: { ord: number; side: Side; frontSide?: string; name?: string },
  options: RenderOptions = {},
): string {
  const ctx: RenderContext = {
    note,
    template: { name: card.name ?? '', front: '', back: '' },
    ord: card.ord,
    side: card.side,
    frontSide: card.frontSide ?? '',
    html: options.html ?? true,
  };
  return renderNodes(parsedTemplate(template), ctx);
}

/**
 * The front and back of a note's card. Anki's answer templates usually begin with `{{FrontSide}}<hr id=answer>`;
 * the app shows the front above the answer anyway, so a back that starts with the whole front has it
 * (and the rule after it) removed. Both sides are trimmed and have media references removed.
 */
export function renderCard(
  template: CardTemplate,
  note: TemplateNote,
  ord: number,
  options: RenderOptions = {},
): { front: string; back: string } {
  const nodesFront = renderTemplate(
    template.front,
    note,
    { ord, side: 'question', name: template.name },
    options,
  );
  const front = stripMedia(nodesFront).text.trim();
  const fullBack = stripMedia(
    renderTemplate(
      template.back,
      note,
      { ord, side: 'answer', frontSide: nodesFront, name: template.name },
      options,
    ),
  ).text.trim();
  let back = fullBack;
  if (front !== '' && fullBack.startsWith(front)) {
    const rest = fullBack
      .slice(front.length)
      .replace(/^(?:\s|<br\s*\/?>|<hr\b[^>]*>)*/i, '')
      .trim();
    if (!isFieldEmpty(rest)) back = rest;
  }
  return { front, back };
}

type ClozeNode = string | { n: number; children: ClozeNode[]; hint?: string };

const CLOZE_OPEN = /\{\{c(\d+)::/y;

/** Parses cloze deletions `{{c1::answer::hint}}`, nested ones too; an unclosed deletion stays text. */
function parseCloze(text: string): ClozeNode[] {
  const root: ClozeNode[] = [];
  const stack: { n: number; children: ClozeNode[]; opening: string }[] = [];
  const current = () => stack[stack.length - 1]?.children ?? root;
  let buffer = '';
  const flush = () => {
    if (buffer) current().push(buffer);
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    CLOZE_OPEN.lastIndex = i;
    const open = CLOZE_OPEN.exec(text);
    if (open) {
      flush();
      stack.push({ n: Number(open[1]), children: [], opening: open[0] });
      i += open[0].length;
    } else if (stack.length > 0 && text.startsWith('}}', i)) {
      flush();
      const done = stack.pop()!;
      const node: ClozeNode = { n: done.n, children: done.children };
      const lastChild = done.children[done.children.length - 1];
      if (typeof lastChild === 'string' && lastChild.includes('::')) {
        const at = lastChild.indexOf('::');
        done.children[done.children.length - 1] = lastChild.slice(0, at);
        node.hint = lastChild.slice(at + 2);
      }
      current().push(node);
      i += 2;
    } else {
      buffer += text[i];
      i++;
    }
  }
  flush();
  // Unclosed deletions: put their opening back as text.
  while (stack.length > 0) {
    const open = stack.pop()!;
    current().push(open.opening, ...open.children);
  }
  return root;
}

function clozeText(
  nodes: readonly ClozeNode[],
  render: (node: Exclude<ClozeNode, string>) => string,
): string {
  return nodes.map((node) => (typeof node === 'string' ? node : render(node))).join('');
}

/**
 * A cloze field for card `n` (1-based): on the question, deletion n as `[...]` (or `[hint]`), the others as
 * their text; on the answer, every deletion as its text, deletion n marked.
 */
export function renderCloze(text: string, n: number, side: Side, options: RenderOptions = {}): string {
  const html = options.html ?? true;
  const render = (node: Exclude<ClozeNode, string>): string => {
    if (node.n !== n) return clozeText(node.children, render);
    const shown = side === 'question' ? `[${node.hint ?? '...'}]` : clozeText(node.children, render);
    return html ? `<span class="cloze">${shown}</span>` : shown;
  };
  return clozeText(parseCloze(text), render);
}

/** The answers of deletion `n` only, joined by ", " (Anki's `cloze-only` filter, used for typing). */
function clozeOnly(text: string, n: number): string {
  const answers: string[] = [];
  const visit = (nodes: readonly ClozeNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.n === n)
        answers.push(clozeText(node.children, (inner) => clozeText(inner.children, () => '')));
      else visit(node.children);
    }
  };
  visit(parseCloze(text));
  return answers.join(', ');
}

/** The cloze numbers a text uses, ascending: "{{c2::a}} {{c1::b}} {{c2::c}}" -> [1, 2]. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  const visit = (nodes: readonly ClozeNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.n > 0) numbers.add(node.n);
      visit(node.children);
    }
  };
  visit(parseCloze(text));
  return [...numbers].sort((a, b) => a - b);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the common named entities and numeric ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Anki's `text` filter: the HTML's text (line breaks and blocks as spaces), escaped again for HTML. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>|<\/(?:div|p|li|tr)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return escapeHtml(decodeEntities(text));
}

/** Removes `[sound:…]` and `<img …>` references (media are not imported) and says how many there were. */
export function stripMedia(html: string): { text: string; removed: number } {
  let removed = 0;
  const text = html.replace(/\[sound:[^\]]*\]|<img\b[^>]*>/gi, () => {
    removed++;
    return '';
  });
  return { text, removed };
}
