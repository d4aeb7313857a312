/** Test helpers for state factories: built-in decks served through a stubbed fetch, a fresh database. */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import type { DeckCard } from '../../src/domain/deck-format';
import type { DeckRecord } from '../../src/domain/types';
import { connection } from '../../src/state/app-db';
import { deckFile } from '../storage/helpers';

/**
 * Serves a deck index of `ids` and their deck files (3 cards each, or `cards[id]`) through a stubbed
 * fetch; files for which `fail` is true answer HTTP 500.
 */
export function serveDecks(
  ids: string[],
  options: { fail?: (file: string) => boolean; cards?: Record<string, DeckCard[] | number> } = {},
) {
  const files: Record<string, unknown> = {
    'index.json': {
      format: 'sarcomet-deck-index',
      decks: ids.map((id) => ({
        id,
        title: `Deck ${id}`,
        file: `${id}.json`,
        hash: 'abcdef12',
        cardCount: 3,
      })),
    },
  };
  for (const id of ids) files[`${id}.json`] = deckFile(id, options.cards?.[id] ?? 3);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const file = url.split('/').pop() ?? '';
      if (options.fail?.(file) || !(file in files)) return new Response('', { status: 500 });
      return Response.json(files[file]);
    }),
  );
}

/** Drops the app's connection and gives the next test an empty IndexedDB. */
export function freshIndexedDb(): void {
  connection.close();
  globalThis.indexedDB = new IDBFactory();
}

/** A deck record as an import stores it. */
export function deckRecord(id: string): DeckRecord {
  return {
    id,
    title: `Deck ${id}`,
    description: '',
    language: 'en',
    tags: [],
    builtIn: false,
    hash: 'abcdef12',
    cardCount: 0,
    importedAt: 0,
    updatedAt: 0,
  };
}
