/**
 * Loads the built-in decks the build emits (decks/index.json and one file per deck) into the collection.
 * The service worker precaches these files, so this works offline after the first visit.
 */
import { parseDeckIndex } from '../domain/deck-format';
import { syncBuiltInDecks } from '../storage/deck-store';
import type { AppDatabase } from '../storage/transaction';

const base = import.meta.env.BASE_URL;

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(`${base}decks/${path}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`The deck file ${path} could not be loaded (HTTP ${response.status}).`);
  return response.json();
}

/**
 * Imports built-in decks that are new or changed since the last run.
 * Returns the built-in deck ids in the order the index lists them (the review's order).
 */
export async function loadBuiltInDecks(db: AppDatabase, now: Date): Promise<string[]> {
  const index = parseDeckIndex(await fetchJson('index.json'));
  if (!index.ok) throw new Error(`The built-in deck list is damaged: ${index.errors.join('; ')}`);
  await syncBuiltInDecks(db, index.value, fetchJson, now);
  return index.value.decks.map((d) => d.id);
}
