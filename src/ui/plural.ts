/** "1 card", "1,234 cards": a count in the learner's number format and the word that fits it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
