/**
 * The answer side of a built-in cloze card: which words the front hid, so the card can highlight them. Kept
 * apart from card-text.ts, whose HTML helpers the study screen does not need.
 */

/** Marker a built-in cloze front shows in place of each hidden answer (src/deckgen/card-kinds.ts). */
export const CLOZE_BLANK = '[...]';

export interface TextSegment {
  text: string;
  /** True for the words a cloze front hid: the answer side highlights them, as Anki does. */
  answer: boolean;
}

/** Where the answer of a cloze's last blank ends: before `tail` at the end of the text or of its first paragraph. */
function endOfLastAnswer(back: string, tail: string, from: number): number {
  const paragraph = back.indexOf('\n\n', from + 1);
  const textEnd = paragraph === -1 ? back.length : paragraph;
  const end = textEnd - tail.length;
  return end > from && back.slice(end, textEnd) === tail ? end : -1;
}

/**
 * A plain-text cloze back split into the words its front hid and the rest, by walking the front's literal
 * parts through the back (the back is the front with each "[...]" filled in, then maybe a note after a blank
 * line). When the back does not follow the front, the whole back is one plain segment: never a wrong mark.
 */
export function clozeAnswerSegments(front: string, back: string): TextSegment[] {
  const parts = front.split(CLOZE_BLANK);
  const plain: TextSegment[] = [{ text: back, answer: false }];
  if (parts.length < 2 || !back.startsWith(parts[0]!)) return plain;
  const segments: TextSegment[] = [];
  if (parts[0]) segments.push({ text: parts[0], answer: false });
  let at = parts[0]!.length;
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i]!;
    const last = i === parts.length - 1;
    // The answer runs to where the next literal part starts; the last part ends the text before any note.
    const end = last ? endOfLastAnswer(back, next, at) : next ? back.indexOf(next, at + 1) : -1;
    if (end <= at) return plain;
    segments.push({ text: back.slice(at, end), answer: true });
    if (next) segments.push({ text: next, answer: false });
    at = end + next.length;
  }
  if (at < back.length) segments.push({ text: back.slice(at), answer: false });
  return segments;
}
