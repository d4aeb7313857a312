/**
 * The collection as the UI sees it: decks, settings, and a revision counter that screens watch to reload
 * counts after something changed. One instance lives in the app's context.
 */
import { createSignal, type Accessor } from 'solid-js';
import { DEFAULT_SETTINGS, type DeckRecord, type Settings } from '../domain/types';
import { listDecks } from '../storage/deck-store';
import { getSettings, saveSettings } from '../storage/settings-store';
import type { AppDatabase } from '../storage/transaction';
import { connection } from './app-db';
import { loadBuiltInDecks } from './builtin-decks';
import { now } from './clock';

export type LoadState = 'loading' | 'ready' | 'error';

export interface Collection {
  state: Accessor<LoadState>;
  /** A message the user can act on when loading failed. */
  error: Accessor<string>;
  decks: Accessor<DeckRecord[]>;
  settings: Accessor<Settings>;
  /** Increases whenever cards or decks changed; screens re-read their data when it does. */
  revision: Accessor<number>;
  db(): Promise<AppDatabase>;
  changed(): void;
  updateSettings(next: Settings): Promise<void>;
  /** Loads decks and settings (importing built-in decks on first run or after an update). */
  load(): Promise<void>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Reload the app to try again.';
}

export function createCollection(): Collection {
  const [state, setState] = createSignal<LoadState>('loading');
  const [error, setError] = createSignal('');
  const [decks, setDecks] = createSignal<DeckRecord[]>([]);
  const [settings, setSettings] = createSignal<Settings>(DEFAULT_SETTINGS);
  const [revision, setRevision] = createSignal(0);

  const db = () => connection.get();
  /** Built-in decks in the review's order; other decks follow by title. */
  let order: string[] = [];

  const refreshDecks = async () => {
    const rank = (id: string) => {
      const i = order.indexOf(id);
      return i === -1 ? order.length : i;
    };
    const all = await listDecks(await db());
    setDecks(all.sort((a, b) => rank(a.id) - rank(b.id) || a.title.localeCompare(b.title)));
  };

  return {
    state,
    error,
    decks,
    settings,
    revision,
    db,
    changed() {
      setRevision((r) => r + 1);
    },
    async updateSettings(next) {
      // saveSettings returns what it stored (validated), so there is nothing to read back.
      setSettings(await saveSettings(await db(), next));
      setRevision((r) => r + 1);
    },
    async load() {
      setState('loading');
      try {
        const database = await db();
        setSettings(await getSettings(database));
        try {
          order = await loadBuiltInDecks(database, now());
        } catch (err) {
          // Offline before the first full load, or a damaged deck file: study what is already stored.
          const stored = await listDecks(database);
          if (stored.length === 0) throw err;
        }
        await refreshDecks();
        setState('ready');
        setRevision((r) => r + 1);
      } catch (err) {
        setError(message(err));
        setState('error');
      }
    },
  };
}
