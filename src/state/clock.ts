/**
 * The only place the UI reads the time and time zone, so that browser tests can move the clock
 * (Playwright's clock replaces Date) and the domain stays pure.
 */
export const now = (): Date => new Date();

export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A unique id for a review made at `at`: the time in base 36 and 8 random base-36 digits (16 characters,
 * where a UUID takes 36: a heavy learner stores millions of these).
 */
export function newLogId(at: Date): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  const digits = Array.from(random, (n) => n.toString(36).padStart(7, '0').slice(-4)).join('');
  return `${at.getTime().toString(36)}${digits}`;
}
