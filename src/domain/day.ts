/**
 * The study day. As in Anki, a day starts at a set local hour (4 am by default), so a late-night session
 * still counts as "today". Time zones are explicit (IANA names) so the logic is pure and testable.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function zoneOffset(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which a local wall-clock time occurs in a zone (the later one across a DST gap). */
function instantOfLocal(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  let instant = guess - zoneOffset(guess, timeZone);
  instant = guess - zoneOffset(instant, timeZone);
  return instant;
}

export interface StudyDay {
  /** Epoch ms at which this study day began. */
  start: number;
  /** Epoch ms at which the next study day begins. */
  end: number;
}

/**
 * The study day containing `now`: from `startHour` local time to the same hour on the next calendar day.
 * @param timeZone IANA zone such as "Europe/Berlin"; the browser passes its own.
 */
export function studyDay(now: Date, startHour: number, timeZone: string): StudyDay {
  const p = localParts(now.getTime(), timeZone);
  // Calendar arithmetic in UTC avoids DST: only the y/m/d of the local date matter here.
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day));
  if (p.hour < startHour) date.setUTCDate(date.getUTCDate() - 1);
  const next = new Date(date);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    start: instantOfLocal(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      startHour,
      timeZone,
    ),
    end: instantOfLocal(
      next.getUTCFullYear(),
      next.getUTCMonth() + 1,
      next.getUTCDate(),
      startHour,
      timeZone,
    ),
  };
}
