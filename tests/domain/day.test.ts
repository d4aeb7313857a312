import { describe, expect, it } from 'vitest';
import { studyDay, type StudyDay } from '../../src/domain/day';
import { HOUR, START_HOURS, ZONES, transitions } from './zones';

const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

describe('studyDay', () => {
  it.each([
    // [now (UTC), zone, start hour, expected start, expected end]
    ['2026-01-05T09:00:00Z', 'UTC', 4, '2026-01-05T04:00:00.000Z', '2026-01-06T04:00:00.000Z'],
    ['2026-01-05T03:59:59Z', 'UTC', 4, '2026-01-04T04:00:00.000Z', '2026-01-05T04:00:00.000Z'],
    ['2026-01-05T04:00:00Z', 'UTC', 4, '2026-01-05T04:00:00.000Z', '2026-01-06T04:00:00.000Z'],
    ['2026-01-05T09:00:00Z', 'UTC', 0, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'],
    // Berlin is UTC+1 in winter: 4 am local is 03:00 UTC.
    ['2026-01-05T02:30:00Z', 'Europe/Berlin', 4, '2026-01-04T03:00:00.000Z', '2026-01-05T03:00:00.000Z'],
    ['2026-01-05T03:30:00Z', 'Europe/Berlin', 4, '2026-01-05T03:00:00.000Z', '2026-01-06T03:00:00.000Z'],
    // New York is UTC-5 in winter: 11 pm local on the 4th is 04:00 UTC on the 5th, still the 4th's study day.
    ['2026-01-05T04:00:00Z', 'America/New_York', 4, '2026-01-04T09:00:00.000Z', '2026-01-05T09:00:00.000Z'],
    // Tokyo is UTC+9: 09:00 UTC is 18:00 local.
    ['2026-01-05T09:00:00Z', 'Asia/Tokyo', 4, '2026-01-04T19:00:00.000Z', '2026-01-05T19:00:00.000Z'],
    // Kathmandu has a 45-minute offset (UTC+5:45).
    ['2026-01-05T09:00:00Z', 'Asia/Kathmandu', 4, '2026-01-04T22:15:00.000Z', '2026-01-05T22:15:00.000Z'],
    // New York, 2 am start, 8 March 2026: 01:30 EST is still the 7th's day, which ends when the clocks jump
    // from 02:00 EST to 03:00 EDT (07:00Z), the first instant after the gap that holds 2 am.
    ['2026-03-08T06:30:00Z', 'America/New_York', 2, '2026-03-07T07:00:00.000Z', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08T06:59:00Z', 'America/New_York', 2, '2026-03-07T07:00:00.000Z', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08T07:00:00Z', 'America/New_York', 2, '2026-03-08T07:00:00.000Z', '2026-03-09T06:00:00.000Z'],
    // New York, 1 am start, 1 November 2026: 1 am happens twice; the day starts at the first, so it has 25 hours.
    ['2026-11-01T06:30:00Z', 'America/New_York', 1, '2026-11-01T05:00:00.000Z', '2026-11-02T06:00:00.000Z'],
    // Berlin, 2 am start, 29 March 2026: 2 am CET never happens; the day starts at 03:00 CEST (01:00Z).
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', 2, '2026-03-28T01:00:00.000Z', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', 2, '2026-03-29T01:00:00.000Z', '2026-03-30T00:00:00.000Z'],
    // Lord Howe moves its clocks by 30 minutes: 02:00 jumps to 02:30 on 4 October 2026 (15:30Z).
    [
      '2026-10-03T15:29:00Z',
      'Australia/Lord_Howe',
      2,
      '2026-10-02T15:30:00.000Z',
      '2026-10-03T15:30:00.000Z',
    ],
    // Chatham jumps from 02:45 to 03:45 on 27 September 2026: a 3 am start falls in the gap and resolves to
    // 03:45 (14:00Z), not to 04:00.
    ['2026-09-26T13:59:00Z', 'Pacific/Chatham', 3, '2026-09-25T14:15:00.000Z', '2026-09-26T14:00:00.000Z'],
    ['2026-09-26T14:00:00Z', 'Pacific/Chatham', 3, '2026-09-26T14:00:00.000Z', '2026-09-27T13:15:00.000Z'],
    // Chatham falls back from 03:45 to 02:45 on 5 April 2026 (14:00Z): 02:50 after the change is local time
    // before 3 am, but the day already started at the first 3 am (13:15Z).
    ['2026-04-04T14:05:00Z', 'Pacific/Chatham', 3, '2026-04-04T13:15:00.000Z', '2026-04-05T14:15:00.000Z'],
  ])('%s in %s with day start %i -> [%s, %s)', (now, zone, hour, start, end) => {
    const day = studyDay(new Date(now), hour, zone);
    expect(iso(day.start)).toBe(start);
    expect(iso(day.end)).toBe(end);
  });

  it('has a 23-hour day when clocks go forward (Berlin, 29 March 2026)', () => {
    const day = studyDay(new Date('2026-03-29T12:00:00Z'), 4, 'Europe/Berlin');
    expect(iso(day.start)).toBe('2026-03-29T02:00:00.000Z');
    expect(iso(day.end)).toBe('2026-03-30T02:00:00.000Z');
    const before = studyDay(new Date('2026-03-28T12:00:00Z'), 4, 'Europe/Berlin');
    expect(iso(before.start)).toBe('2026-03-28T03:00:00.000Z');
    expect(before.end).toBe(day.start);
  });

  it('rejects an unknown time zone', () => {
    expect(() => studyDay(new Date('2026-01-05T09:00:00Z'), 4, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  // Property: over all of 2026, in every zone and for every start hour, the days tile time (each day starts
  // where the previous one ends, no gap, no overlap) and studyDay(now) is the tile that contains now.
  // Instants: every 7 h 13 min (so every hour and minute of the day comes round), and one minute and one
  // millisecond either side of every offset change.
  describe.each(ZONES)('in %s over 2026', (zone) => {
    const instants: number[] = [];
    for (let t = YEAR_START; t < YEAR_END; t += 7 * HOUR + 13 * MINUTE) instants.push(t);
    for (const change of transitions(zone, YEAR_START, YEAR_END)) {
      instants.push(change - MINUTE, change - 1, change, change + MINUTE);
    }
    instants.sort((a, b) => a - b);

    it('tiles time with days that contain now, for every start hour', () => {
      const failures: string[] = [];
      for (const hour of START_HOURS) {
        // Walk the days of the year: each one starts where the last one ended.
        const days: StudyDay[] = [studyDay(new Date(YEAR_START - 2 * 24 * HOUR), hour, zone)];
        for (let last = days[0]!; last.start < YEAR_END;) {
          const next = studyDay(new Date(last.end), hour, zone);
          if (next.start !== last.end || next.end <= next.start) {
            failures.push(
              `${hour}h: after [${iso(last.start)}, ${iso(last.end)}) comes [${iso(next.start)}, ...)`,
            );
            break;
          }
          days.push(next);
          last = next;
        }
        // Every instant gets the tile that contains it.
        let i = 0;
        for (const now of instants) {
          while (i < days.length - 1 && days[i]!.end <= now) i++;
          const day = studyDay(new Date(now), hour, zone);
          if (!(day.start <= now && now < day.end) || day.start !== days[i]!.start) {
            failures.push(`${hour}h: ${iso(now)} -> [${iso(day.start)}, ${iso(day.end)})`);
          }
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  });
});
