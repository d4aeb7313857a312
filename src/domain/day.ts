/**
 * The study day. As in Anki, a day starts at a set local hour (4 am by default), so a late-night session
 * still counts as "today". Time zones are explicit (IANA names) so the logic is pure and testable.
 *
 * Days are numbered by the local calendar date on which they start (days since 1970-01-01), and a day starts
 * at the first instant at which the local clock reads the start hour or later. That one rule covers DST:
 * when the start hour falls in a gap (clocks jump from 02:00 to 03:00) the day starts at the first instant
 * after the gap; when it happens twice (clocks fall back) the day starts at the first of the two. Days
 * therefore tile time with no gap and no overlap, 23 or 25 hours long around DST changes.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const minutes = tzOffset(timeZone, new Date(instant));
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return Math.round(minutes * 60_000);
}

/**
 * The first instant at which the zone's clock reads `wall` or later, where `wall` is a local wall-clock
 * time written as if it were UTC epoch ms. Assumes at most one offset change within a day of `wall`, which
 * holds for every zone in the tz database since 1970.
 */
function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  // The clock reads `wall` at `wall - offset` if the zone has that offset then.
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  // `wall` is in a gap: the clock jumps over it at the change, which lies in (wall - after, wall - before].
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Start of each study day, by zone, start hour and day number: the slow part, computed once per day. */
const starts = new Map<string, number>();

/**
 * Epoch ms at which study day `day` begins: the first instant at which the clock in `timeZone` reads
 * `startHour`:00 or later on that local date (so the first instant after a DST gap, or the first of two
 * repeated hours).
 * @param day Days since 1970-01-01 of the local date, as returned by {@link studyDayNumber}.
 * @param startHour Local hour (0-23) at which a study day starts.
 * @param timeZone IANA zone such as "Europe/Berlin".
 */
export function studyDayStart(day: number, startHour: number, timeZone: string): number {
  const key = `${timeZone}|${startHour}|${day}`;
  let start = starts.get(key);
  if (start === undefined) {
    start = firstInstantAtOrAfter(day * DAY_MS + startHour * HOUR_MS, timeZone);
    if (starts.size > 10_000) starts.clear();
    starts.set(key, start);
  }
  return start;
}

/**
 * The number of the study day containing `now`: days since 1970-01-01 of the local date on which that
 * study day began. Two instants are `b - a` study days apart when their numbers are `a` and `b`; the
 * scheduler counts elapsed days and intervals with it.
 * @param startHour Local hour (0-23) at which a study day starts.
 * @param timeZone IANA zone such as "Europe/Berlin"; the browser passes its own.
 */
export function studyDayNumber(now: Date | number, startHour: number, timeZone: string): number {
  const instant = typeof now === 'number' ? now : now.getTime();
  // The local wall clock, shifted back by the start hour, gives the date the day started on...
  let day = Math.floor((instant + offsetAt(instant, timeZone) - startHour * HOUR_MS) / DAY_MS);
  // ...except near a DST change, where the wall clock can move back across the start hour (Chatham falls
  // back from 03:45 to 02:45): the boundaries are the truth.
  while (instant < studyDayStart(day, startHour, timeZone)) day--;
  while (instant >= studyDayStart(day + 1, startHour, timeZone)) day++;
  return day;
}

export interface StudyDay {
  /** Epoch ms at which this study day began. */
  start: number;
  /** Epoch ms at which the next study day begins. */
  end: number;
}

/**
 * The study day containing `now`: from `startHour` local time to the same hour on the next local date.
 * Always `start <= now < end`, and the next day starts at `end`.
 * @param startHour Local hour (0-23) at which a study day starts.
 * @param timeZone IANA zone such as "Europe/Berlin"; the browser passes its own.
 * @throws RangeError for a zone the runtime does not know.
 */
export function studyDay(now: Date, startHour: number, timeZone: string): StudyDay {
  const day = studyDayNumber(now, startHour, timeZone);
  return { start: studyDayStart(day, startHour, timeZone), end: studyDayStart(day + 1, startHour, timeZone) };
}
