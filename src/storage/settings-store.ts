/**
 * The user's settings: one record, validated with valibot on the way in, merged over `DEFAULT_SETTINGS`
 * on the way out (so a setting added in a later version starts at its default).
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, FSRS_PARAMETER_COUNT, REVIEW_ORDERS, type Settings } from '../domain/types';
import { StorageError } from './errors';
import { SETTINGS_KEY } from './schema';
import { runTransaction, type AppDatabase } from './transaction';

const STEP = /^\d+[mhd]$/;

const Steps = (label: string) =>
  v.pipe(
    v.array(
      v.pipe(
        v.string(`${label} are durations such as "10m"`),
        v.regex(STEP, `${label} are whole numbers followed by m, h or d, such as "1m", "10m", "1h" or "1d"`),
        v.check((step) => Number.parseInt(step, 10) > 0, `${label} must be longer than zero`),
      ),
      `${label} must be a list`,
    ),
    v.maxLength(20, `${label} can have at most 20 steps`),
  );

const WholeNumber = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`${label} must be a number`),
    v.integer(`${label} must be a whole number`),
    v.minValue(min, `${label} must be between ${min} and ${max}`),
    v.maxValue(max, `${label} must be between ${min} and ${max}`),
  );

const settingsEntries = {
  retention: v.pipe(
    v.number('Desired retention must be a number'),
    v.minValue(0.7, 'Desired retention must be between 70% and 99%'),
    v.maxValue(0.99, 'Desired retention must be between 70% and 99%'),
  ),
  learningSteps: Steps('Learning steps'),
  relearningSteps: Steps('Relearning steps'),
  maximumInterval: WholeNumber('Maximum interval (days)', 1, 36500),
  newPerDay: WholeNumber('New cards per day', 0, 9999),
  reviewsPerDay: WholeNumber('Reviews per day', 0, 99999),
  dayStartHour: WholeNumber('Start of the day (hour)', 0, 23),
  theme: v.picklist(['system', 'light', 'dark'], 'Theme must be system, light or dark'),
  countQuizAsReviews: v.boolean('"Count quiz answers as reviews" must be on or off'),
  leechThreshold: WholeNumber('Leech threshold (lapses)', 1, 99),
  reviewOrder: v.picklist(REVIEW_ORDERS, 'Review order must be due date, lowest retrievability or random'),
  parameters: v.optional(
    v.pipe(
      v.array(v.pipe(v.number(), v.finite()), 'FSRS parameters must be a list of numbers'),
      v.length(FSRS_PARAMETER_COUNT, `FSRS parameters must be ${FSRS_PARAMETER_COUNT} numbers`),
    ),
  ),
} satisfies { [K in keyof Settings]: v.GenericSchema<Settings[K]> };

/** The settings schema: everything a stored settings record must satisfy. */
export const SettingsSchema = v.object(settingsEntries);

/**
 * The stored settings over the defaults. A stored value that is missing or no longer valid (e.g. written by
 * an older version with other limits) falls back to its default, one setting at a time.
 */
export async function getSettings(db: AppDatabase): Promise<Settings> {
  const stored: unknown = await runTransaction(db, ['settings'], 'readonly', (tx) =>
    tx.objectStore('settings').get(SETTINGS_KEY),
  );
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return settings;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(settingsEntries) as (keyof Settings)[]) {
    const result = v.safeParse(settingsEntries[key], record[key]);
    // An optional setting that is absent (parameters: the defaults) stays absent.
    if (result.success && result.output !== undefined)
      (settings as Record<keyof Settings, unknown>)[key] = result.output;
  }
  return settings;
}

/**
 * Validates and stores the settings; resolves with what was stored. Rejects with `StorageError` kind
 * `invalid` (message listing every problem, nothing stored) when a value is out of range.
 */
export async function saveSettings(db: AppDatabase, settings: Settings): Promise<Settings> {
  const valid = validSettings(settings);
  await runTransaction(db, ['settings'], 'readwrite', (tx) =>
    tx.objectStore('settings').put(valid, SETTINGS_KEY),
  );
  return valid;
}

/**
 * The settings as they would be stored, or a `StorageError` kind `invalid` listing every problem. For a
 * module that stores settings together with something else, in one transaction.
 */
export function validSettings(settings: Settings): Settings {
  const result = v.safeParse(SettingsSchema, settings);
  if (!result.success) {
    const problems = [...new Set(result.issues.map((issue) => issue.message))];
    throw new StorageError('invalid', `Settings not saved: ${problems.join('; ')}.`, { details: problems });
  }
  return result.output;
}
