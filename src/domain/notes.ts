/**
 * The card editor's notes and the cards each gives, as Anki's note types do: basic (one card), basic and
 * reversed (two), cloze (one per deletion number, Anki's `{{c1::answer::hint}}` syntax) and multiple choice.
 * Card ids come from the note id and the card's place in the note, never from its text, so editing a note
 * keeps every card's schedule and history.
 */
import { DECK_LIMITS, type DeckCard, type NoteSource, type NoteType } from './deck-format';

export const NOTE_TYPE_NAMES: Record<NoteType, string> = {
  basic: 'Basic',
  reversed: 'Basic and reversed',
  cloze: 'Cloze',
  mcq: 'Multiple choice',
};

/** One cloze deletion: `{{c<n>::answer}}` or `{{c<n>::answer::hint}}`. */
const CLOZE = /\{\{c(\d{1,3})::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The deletion numbers a cloze text uses, ascending and distinct. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(CLOZE)) {
    const n = Number(match[1]);
    if (n > 0) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

/**
 * The front and back of cloze card `n`: deletion `n` becomes `[...]` (or `[hint]`) on the front and its
 * answer, in bold, on the back; the other deletions show their answers on both sides.
 */
export function renderCloze(text: string, n: number): { front: string; back: string } {
  const side = (reveal: boolean) =>
    text.replace(CLOZE, (_all, number: string, answer: string, hint: string | undefined) => {
      if (Number(number) !== n) return answer;
      if (reveal) return `**${answer}**`;
      return hint && hint.trim() ? `[${hint.trim()}]` : '[...]';
    });
  return { front: side(false), back: side(true) };
}

export interface NoteInput {
  /** Also the `factId` of every card of the note. */
  noteId: string;
  note: NoteSource;
  tags: string[];
  sourceNote?: string;
}

export type NoteCheck = { ok: true; cards: DeckCard[] } | { ok: false; errors: string[] };

/** What is wrong with a note, in the editor's words, or the cards it gives. */
export function cardsOfNote(input: NoteInput): NoteCheck {
  const { noteId, note } = input;
  const front = note.front.trim();
  const back = note.back.trim();
  const errors: string[] = [];
  const max = DECK_LIMITS.maxTextLength;
  if (!front)
    errors.push(note.type === 'cloze' ? 'Write the text with at least one deletion.' : 'Write the front.');
  if (front.length > max || back.length > max) errors.push(`A field is longer than ${max} characters.`);
  const base = (): Omit<DeckCard, 'id' | 'kind' | 'front' | 'back'> => {
    const card: Omit<DeckCard, 'id' | 'kind' | 'front' | 'back'> = {
      factId: noteId,
      tags: [...input.tags],
      markup: 'markdown',
      note: { type: note.type, front, back },
    };
    if (input.sourceNote?.trim()) card.sourceNote = input.sourceNote.trim();
    return card;
  };
  const cards: DeckCard[] = [];
  switch (note.type) {
    case 'basic':
    case 'reversed':
      if (!back) errors.push('Write the back.');
      cards.push({ ...base(), id: `${noteId}:qa`, kind: 'qa', front, back });
      if (note.type === 'reversed') {
        cards.push({ ...base(), id: `${noteId}:qa:rev`, kind: 'qa', front: back, back: front });
      }
      break;
    case 'cloze': {
      const numbers = clozeNumbers(front);
      if (front && numbers.length === 0) {
        errors.push('Mark at least one deletion, like {{c1::answer}} or {{c1::answer::hint}}.');
      }
      for (const n of numbers) {
        const sides = renderCloze(front, n);
        cards.push({
          ...base(),
          id: `${noteId}:cloze:c${n}`,
          kind: 'cloze',
          front: sides.front,
          back: back ? `${sides.back}\n\n${back}` : sides.back,
        });
      }
      break;
    }
    case 'mcq': {
      const options = (note.options ?? []).map((option) => option.trim());
      const answer = [...new Set(note.answer ?? [])].sort((a, b) => a - b);
      if (options.length < 2) errors.push('Give at least two options.');
      if (options.some((option) => !option)) errors.push('Fill in every option or remove the empty one.');
      if (options.some((option) => option.length > DECK_LIMITS.maxShortText)) {
        errors.push(`Options are at most ${DECK_LIMITS.maxShortText} characters.`);
      }
      if (new Set(options).size !== options.length) errors.push('Two options are the same.');
      if (answer.length === 0 || answer.some((i) => i >= options.length)) {
        errors.push('Mark the correct option.');
      }
      const correct = answer.map((i) => options[i]).join('; ');
      cards.push({
        ...base(),
        note: { ...note, front, back, options, answer },
        id: `${noteId}:mcq`,
        kind: 'mcq',
        front,
        back: back ? `${correct}\n\n${back}` : correct || '—',
        choices: { options, answer },
      });
      break;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cards };
}

/**
 * Tags typed by the learner ("Cardio, exam-2  neuro"), as deck files allow them: lower-case letters,
 * digits, `-` and `/`, distinct, at most `DECK_LIMITS.maxTags`.
 */
export function normalizeTags(text: string): string[] {
  const tags = text
    .split(/[\s,;]+/)
    .map((tag) =>
      tag
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9/-]+/g, '-')
        .replace(/^[-/]+|-+$/g, '')
        .slice(0, 60),
    )
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)].slice(0, DECK_LIMITS.maxTags);
}
