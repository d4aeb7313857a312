/**
 * The only place the UI reads the time and time zone, so that browser tests can move the clock
 * (Playwright's clock replaces Date) and the domain stays pure.
 */
export const now = (): Date => new Date();

export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
