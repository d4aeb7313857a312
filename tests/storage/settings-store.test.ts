import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/types';
import { StorageError } from '../../src/storage/errors';
import { deleteMeta, getMeta, setMeta } from '../../src/storage/meta-store';
import { getSettings, saveSettings } from '../../src/storage/settings-store';
import { openTestDb } from './helpers';

describe('settings-store', () => {
  it('returns the defaults when nothing is stored', async () => {
    const db = await openTestDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves valid settings and reads them back', async () => {
    const db = await openTestDb();
    const settings: Settings = {
      retention: 0.85,
      learningSteps: ['5m', '1h', '1d'],
      relearningSteps: [],
      maximumInterval: 365,
      newPerDay: 0,
      reviewsPerDay: 99999,
      dayStartHour: 0,
      theme: 'dark',
      countQuizAsReviews: true,
      leechThreshold: 4,
      reviewOrder: 'retrievability',
    };
    await expect(saveSettings(db, settings)).resolves.toEqual(settings);
    expect(await getSettings(db)).toEqual(settings);
    expect(await db.get('settings', 'settings')).toEqual(settings);
  });

  it('fills settings missing from an older record with their defaults', async () => {
    const db = await openTestDb();
    // Written by an older version: no theme yet, and a retention the current limits no longer allow.
    await db.put(
      'settings',
      { retention: 0.5, newPerDay: 5, learningSteps: ['2m'] } as unknown as Settings,
      'settings',
    );
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5, learningSteps: ['2m'] });
  });

  it('reads a record stored before the leech and review-order settings with their defaults', async () => {
    const db = await openTestDb();
    const {
      leechThreshold: _threshold,
      reviewOrder: _order,
      ...before
    } = {
      ...DEFAULT_SETTINGS,
      newPerDay: 7,
      countQuizAsReviews: true,
    };
    await db.put('settings', before as Settings, 'settings');
    const read = await getSettings(db);
    expect(read).toEqual({ ...before, leechThreshold: 8, reviewOrder: 'due' });
    // The defaults pass the schema, so saving the merged record works at once.
    await expect(saveSettings(db, read)).resolves.toEqual(read);
  });

  const invalid: [string, Partial<Settings>, RegExp][] = [
    ['retention too low', { retention: 0.69 }, /retention must be between 70% and 99%/],
    ['retention too high', { retention: 0.995 }, /retention/],
    [
      'a step without a unit',
      { learningSteps: ['10'] },
      /Learning steps are whole numbers followed by m, h or d/,
    ],
    ['a step in seconds', { relearningSteps: ['30s'] }, /Relearning steps/],
    ['a zero step', { learningSteps: ['0m'] }, /longer than zero/],
    ['negative new cards', { newPerDay: -1 }, /New cards per day must be between 0 and 9999/],
    ['too many reviews', { reviewsPerDay: 100000 }, /Reviews per day/],
    ['fractional hour', { dayStartHour: 4.5 }, /whole number/],
    ['hour 24', { dayStartHour: 24 }, /between 0 and 23/],
    ['interval 0', { maximumInterval: 0 }, /Maximum interval/],
    ['interval too long', { maximumInterval: 36501 }, /Maximum interval/],
    [
      'a quiz switch that is not on or off',
      { countQuizAsReviews: 'yes' as unknown as boolean },
      /Count quiz answers as reviews/,
    ],
    ['unknown theme', { theme: 'sepia' as Settings['theme'] }, /Theme must be system, light or dark/],
    ['a leech threshold of 0', { leechThreshold: 0 }, /Leech threshold \(lapses\) must be between 1 and 99/],
    ['a fractional leech threshold', { leechThreshold: 2.5 }, /Leech threshold \(lapses\) must be a whole/],
    ['a leech threshold of 100', { leechThreshold: 100 }, /Leech threshold/],
    [
      'an unknown review order',
      { reviewOrder: 'alphabetical' as Settings['reviewOrder'] },
      /Review order must be due date, lowest retrievability or random/,
    ],
  ];
  it.each(invalid)('rejects %s with kind "invalid" and stores nothing', async (_name, change, message) => {
    const db = await openTestDb();
    const saved = { ...DEFAULT_SETTINGS, newPerDay: 11 };
    await saveSettings(db, saved);
    const error = await saveSettings(db, { ...DEFAULT_SETTINGS, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('invalid');
    expect((error as StorageError).message).toMatch(message);
    expect(await getSettings(db)).toEqual(saved);
  });

  it('accepts the limits themselves', async () => {
    const db = await openTestDb();
    const edges: Settings = {
      ...DEFAULT_SETTINGS,
      retention: 0.7,
      maximumInterval: 1,
      dayStartHour: 23,
      newPerDay: 9999,
      leechThreshold: 1,
    };
    await saveSettings(db, edges);
    await saveSettings(db, { ...edges, retention: 0.99, maximumInterval: 36500, leechThreshold: 99 });
    expect(await getSettings(db)).toMatchObject({
      retention: 0.99,
      maximumInterval: 36500,
      dayStartHour: 23,
      leechThreshold: 99,
    });
  });
});

describe('meta-store', () => {
  it('stores, reads and deletes small values', async () => {
    const db = await openTestDb();
    expect(await getMeta(db, 'persist-requested')).toBeUndefined();
    await setMeta(db, 'persist-requested', true);
    await setMeta(db, 'deck-index-hash', 'abc123');
    expect(await getMeta(db, 'persist-requested')).toBe(true);
    expect(await getMeta(db, 'deck-index-hash')).toBe('abc123');
    await deleteMeta(db, 'persist-requested');
    expect(await getMeta(db, 'persist-requested')).toBeUndefined();
  });
});
