/** New ids for what the learner makes: decks, notes, snapshots. */

/** A new id for a deck or a note: a readable prefix, the time and randomness (ids are never reused). */
export function newId(prefix: string, at: Date, random: () => number = Math.random): string {
  const slug = prefix
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const noise = Math.floor(random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0');
  return `${slug || 'x'}-${at.getTime().toString(36)}${noise}`;
}
