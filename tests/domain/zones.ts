/**
 * Time-zone helpers for the property tests of the study day and the scheduler. They read offsets straight
 * from Intl, independently of src/domain/day.ts, so the tests do not check the code against itself.
 */

/** Zones with the awkward cases: half- and quarter-hour offsets, 30-minute DST (Lord Howe), DST at
 * 02:45 (Chatham), DST at midnight (Santiago), southern-hemisphere DST, no DST at all. */
export const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/St_Johns',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
] as const;

export const HOUR = 3_600_000;
export const START_HOURS = Array.from({ length: 24 }, (_, h) => h);

const formats = new Map<string, Intl.DateTimeFormat>();

/** UTC offset of `zone` at `ms`, in minutes, read from Intl's "GMT+05:45" style name. */
export function offsetMinutes(zone: string, ms: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formats.set(zone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Every instant in [from, to) at which the zone's offset changes (the first instant of the new offset). */
export function transitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  const step = 6 * HOUR;
  for (let t = from; t < to; t += step) {
    if (offsetMinutes(zone, t) === offsetMinutes(zone, t + step)) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetMinutes(zone, mid) === offsetMinutes(zone, lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/** A small seeded generator (mulberry32), so "random" cases are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
