/**
 * The collection as the UI sees it: decks, settings, and a revision counter that screens watch to reload
 * counts after something changed. One instance lives in the app's context.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { DeckIndex } from '../domain/deck-format';
import { DEFAULT_SETTINGS, type DeckRecord, type Settings } from '../domain/types';
import { listDecks } from '../storage/deck-store';
import { deleteOrphans } from '../storage/live-db';
import { getSettings, saveSettings } from '../storage/settings-store';
import type { AppDatabase } from '../storage/transaction';
import { connection } from './app-db';
import { fetchDeckIndex, syncBuiltIns, syncNotice } from './builtin-decks';
import { now } from './clock';
import { makeTabChannel, type ChangeKind, type TabMessage } from './tab-sync';

/** `importing`: a first visit, while the built-in decks are imported (their index is known already). */
export type LoadState = 'loading' | 'importing' | 'ready' | 'error';

export interface Collection {
  state: Accessor<LoadState>;
  /** A message the user can act on when loading failed. */
  error: Accessor<string>;
  decks: Accessor<DeckRecord[]>;
  /** On a first visit: the built-in decks of the index, which Home lists until it has their counts. */
  pendingDecks: Accessor<DeckIndex['decks']>;
  settings: Accessor<Settings>;
  /** A status line about something that did not work but left the collection usable (a deck update failed). */
  notice: Accessor<string>;
  /** Increases whenever cards or decks changed, here or in another tab; screens re-read their data. */
  revision: Accessor<number>;
  db(): Promise<AppDatabase>;
  /** Says that this tab changed the collection: screens here re-read, and other tabs are told. */
  changed(kind?: ChangeKind, cardIds?: string[]): void;
  /**
   * Says that a restore made another database live: other tabs are told, and this tab reloads onto it, as
   * they do.
   */
  replaced(): void;
  /** Calls `listener` when another tab changed the collection; returns a function that stops it. */
  onRemoteChange(listener: (message: TabMessage) => void): () => void;
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
  const [notice, setNotice] = createSignal('');
  const [pendingDecks, setPendingDecks] = createSignal<DeckIndex['decks']>([]);

  const db = () => connection.get();
  const channel = makeTabChannel();
  /** Built-in decks in the review's order; other decks follow by title. */
  let order: string[] = [];

  /** Shows `all` decks, built-in ones in the review's order and other decks after them by title. */
  const showDecks = (all: DeckRecord[]) => {
    const rank = (id: string) => {
      const i = order.indexOf(id);
      return i === -1 ? order.length : i;
    };
    setDecks(all.sort((a, b) => rank(a.id) - rank(b.id) || a.title.localeCompare(b.title)));
  };
  const refreshDecks = async () => showDecks(await listDecks(await db()));

  /** Brings the built-in decks up to date, and says so when one could not be. */
  const sync = async (database: AppDatabase, index: DeckIndex) => {
    try {
      const summary = await syncBuiltIns(database, index, now());
      setNotice(syncNotice(summary, index));
      if (summary.imported.length === 0 && summary.removedDecks.length === 0) return;
      await refreshDecks();
      setRevision((r) => r + 1);
      channel.post({ kind: 'decks' });
    } catch (err) {
      setNotice(`The built-in decks could not be updated: ${message(err)} Your reviews are safe.`);
    }
  };

  const reload = () => {
    connection.close();
    location.reload();
  };

  channel.subscribe((message) => {
    if (message.kind === 'collection') {
      reload();
      return;
    }
    void (async () => {
      try {
        if (message.kind === 'settings') setSettings(await getSettings(await db()));
        if (message.kind === 'decks') await refreshDecks();
      } catch {
        // The next action here reads the database anyway and reports what fails then.
      }
      setRevision((r) => r + 1);
    })();
  });

  return {
    state,
    error,
    notice,
    decks,
    pendingDecks,
    settings,
    revision,
    db,
    changed(kind = 'cards', cardIds) {
      channel.post(cardIds ? { kind, cardIds } : { kind });
      // Deck records changed (one added, renamed, deleted, imported or paused): this tab's list follows at
      // once, and what reads the list (Home's counts) reads again once it has, as for another tab's change.
      if (kind === 'decks') {
        void refreshDecks()
          .catch(() => undefined)
          .finally(() => setRevision((r) => r + 1));
        return;
      }
      setRevision((r) => r + 1);
    },
    replaced() {
      channel.post({ kind: 'collection' });
      reload();
    },
    onRemoteChange: (listener) => channel.subscribe(listener),
    async updateSettings(next) {
      // saveSettings returns what it stored (validated), so there is nothing to read back.
      setSettings(await saveSettings(await db(), next));
      setRevision((r) => r + 1);
      channel.post({ kind: 'settings' });
    },
    async load() {
      setState('loading');
      // A restore that a closed tab left half-way: its database is deleted; the collection never changed.
      void deleteOrphans().catch(() => undefined);
      try {
        // The deck index is fetched while the database opens, not after.
        const indexRequest = fetchDeckIndex().then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        const database = await db();
        const [stored, saved, fetched] = await Promise.all([
          listDecks(database),
          getSettings(database),
          indexRequest,
        ]);
        setSettings(saved);
        let index: DeckIndex | null = null;
        if ('value' in fetched) {
          index = fetched.value;
          order = index.decks.map((d) => d.id);
        } else {
          // Offline before the service worker cached the decks, or a damaged deck list.
          if (stored.length === 0) throw fetched.error;
          setNotice(
            'The built-in decks could not be checked for updates. Check that you are online, then reload SarcoMet. Your reviews are safe.',
          );
        }
        if (stored.length > 0 || !index) {
          // A return visit: study at once; deck updates arrive in the background.
          showDecks(stored);
          setState('ready');
          setRevision((r) => r + 1);
          if (index) void sync(database, index);
          return;
        }
        // A first visit: the decks show from the index at once while they are imported off the main thread.
        setPendingDecks(index.decks);
        setState('importing');
        await sync(database, index);
        // The pending decks stay until Home has the counts of the imported ones.
        setState('ready');
        setRevision((r) => r + 1);
      } catch (err) {
        setError(message(err));
        setState('error');
      }
    },
  };
}
