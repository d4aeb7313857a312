import { describe, expect, it } from 'vitest';
import { studyDay } from '../../src/domain/day';

const iso = (ms: number) => new Date(ms).toISOString();

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

  it('contains now for every hour of a day in several zones', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Adelaide']) {
      for (let h = 0; h < 24; h++) {
        const now = new Date(Date.UTC(2026, 5, 15, h, 17));
        const day = studyDay(now, 4, zone);
        expect(day.start).toBeLessThanOrEqual(now.getTime());
        expect(day.end).toBeGreaterThan(now.getTime());
      }
    }
  });
});
