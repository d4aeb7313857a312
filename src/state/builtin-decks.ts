/**
 * Loads the built-in decks the build emits (decks/index.json and one file per deck) into the collection.
 * The service worker precaches these files, so this works offline after the first visit.
 */
import { parseDeckIndex } from '../domain/deck-format';
import { syncBuiltInDecks, type SyncSummary } from '../storage/deck-store';
import type { AppDatabase } from '../storage/transaction';

const base = import.meta.env.BASE_URL;

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(`${base}decks/${path}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`The deck file ${path} could not be loaded (HTTP ${response.status}).`);
  return response.json();
}

export interface BuiltInSync {
  /** The built-in deck ids in the order the index lists them (the review's order). */
  order: string[];
  summary: SyncSummary;
  /** Titles of the decks by id, for messages about the ones that failed. */
  titles: Map<string, string>;
}

/** Imports built-in decks that are new or changed since the last run; says which failed and why. */
export async function loadBuiltInDecks(db: AppDatabase, now: Date): Promise<BuiltInSync> {
  const index = parseDeckIndex(await fetchJson('index.json'));
  if (!index.ok) throw new Error(`The built-in deck list is damaged: ${index.errors.join('; ')}`);
  const summary = await syncBuiltInDecks(db, index.value, fetchJson, now);
  return {
    order: index.value.decks.map((d) => d.id),
    summary,
    titles: new Map(index.value.decks.map((d) => [d.id, d.title])),
  };
}

/**
 * A status line for built-in decks that could not be updated, saying why and what to do; empty when all
 * were. A full disk is named as such, since freeing space is the fix; anything else is retried on reload.
 */
export function syncNotice(sync: BuiltInSync): string {
  const failed = sync.summary.failed;
  if (failed.length === 0) return '';
  const names = failed.map((f) => `“${sync.titles.get(f.deckId) ?? f.deckId}”`).join(', ');
  const what =
    failed.length === 1
      ? `The deck ${names} could not be updated`
      : `The decks ${names} could not be updated`;
  if (failed.some((f) => f.error.kind === 'quota')) {
    return `${what}: your device is out of storage space. Free some space, then reload SarcoMet. Your reviews are safe.`;
  }
  return `${what}. Check that you are online, then reload SarcoMet to try again. Your reviews are safe.`;
}
