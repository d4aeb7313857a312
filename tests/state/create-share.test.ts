import 'fake-indexeddb/auto';
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DECK_LIMITS, type DeckFile } from '../../src/domain/deck-format';
import { decodeSharePayload, SHARE_HASH_PREFIX } from '../../src/domain/share-link';
import type { Collection } from '../../src/state/create-collection';
import { createDeckShare, type DeckShare } from '../../src/state/create-share';
import { importDeck } from '../../src/storage/deck-import';
import type { AppDatabase } from '../../src/storage/transaction';
import { incompressibleText } from '../domain/fixtures';
import { deckCard, deckFile, NOW, openTestDb } from '../storage/helpers';

let db: AppDatabase;
const collection = { db: async () => db } as unknown as Collection;
const disposers: (() => void)[] = [];

beforeEach(async () => {
  db = await openTestDb();
  vi.stubGlobal('location', { origin: 'https://sarcomet.example', pathname: '/app/' });
});
afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
  db.close();
  vi.unstubAllGlobals();
});

async function seed(deck: DeckFile) {
  await importDeck(db, deck, { builtIn: false, hash: '', now: NOW, scheduling: 'drop' });
}

/** A share of `deckId`, once its deck has been read. */
async function shareOf(deckId: string): Promise<DeckShare> {
  const share = createRoot((dispose) => {
    disposers.push(dispose);
    return createDeckShare(collection, deckId);
  });
  await vi.waitFor(() => expect(share.link() ?? share.error()).toBeTruthy());
  return share;
}

function linkDeck(share: DeckShare): DeckFile {
  const link = share.link();
  if (!link?.ok) throw new Error('no link');
  const decoded = decodeSharePayload(link.url.split(SHARE_HASH_PREFIX)[1]!);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.candidate.deck;
}

describe('createDeckShare', () => {
  it('links to the deck at this app address, without scheduling', async () => {
    await seed(deckFile('bio', 3));
    const share = await shareOf('bio');
    expect(share.title()).toBe('Deck bio');
    const link = share.link();
    expect(link?.ok && link.url).toMatch(/^https:\/\/sarcomet\.example\/app\/#deck=1\./);
    const deck = linkDeck(share);
    expect(deck.cards.map((c) => c.id)).toEqual(['bio.c0', 'bio.c1', 'bio.c2']);
    expect(deck.cards.some((c) => c.schedule)).toBe(false);
  });

  it('offers the file, with scheduling only when asked', async () => {
    await seed(deckFile('bio', 2));
    const share = await shareOf('bio');
    const plain = share.file()!;
    expect([plain.name, plain.type]).toEqual(['deck-bio.sarcomet.json', 'application/json']);
    expect((JSON.parse(await plain.text()) as DeckFile).cards.some((c) => c.schedule)).toBe(false);
    share.setIncludeScheduling(true);
    await vi.waitFor(() => expect(share.file()).toBeDefined());
    const scheduled = JSON.parse(await share.file()!.text()) as DeckFile;
    expect(scheduled.cards.every((c) => c.schedule)).toBe(true);
    share.setIncludeScheduling(false);
    expect(share.file()).toBe(plain);
  });

  it('says a deck is too large for a link, and still offers the file', async () => {
    const cards = Array.from({ length: 120 }, (_, i) =>
      deckCard('big', i, { front: incompressibleText(DECK_LIMITS.maxTextLength, i + 1) }),
    );
    await seed(deckFile('big', cards));
    const share = await shareOf('big');
    const link = share.link();
    expect(link?.ok).toBe(false);
    expect(!link?.ok && link?.chars).toBeGreaterThan(2_000_000);
    expect(share.file()?.size).toBeGreaterThan(2_000_000);
  });

  it('says why a deck cannot be shared', async () => {
    const share = await shareOf('missing');
    expect(share.error()).toBe('This deck no longer exists.');
    expect(share.link()).toBeUndefined();
  });

  it('shares the file as text where JSON is refused, the link where files are, and hears a cancel', async () => {
    await seed(deckFile('bio', 2));
    const shared: ShareData[] = [];
    let acceptFiles = (file: File) => file.type === 'text/plain';
    let fail: Error | undefined;
    vi.stubGlobal('navigator', {
      canShare: (data: ShareData) => (data.files ?? []).every((f) => acceptFiles(f)),
      share: async (data: ShareData) => {
        if (fail) throw fail;
        shared.push(data);
      },
    });
    const share = await shareOf('bio');
    expect(share.canShare).toBe(true);

    expect(await share.shareSheet()).toBe('shared');
    expect(shared[0]!.files!.map((f) => [f.name, f.type])).toEqual([['deck-bio.sarcomet.txt', 'text/plain']]);
    expect(await shared[0]!.files![0]!.text()).toBe(await share.file()!.text());

    acceptFiles = () => false;
    expect(await share.shareSheet()).toBe('shared');
    const link = share.link();
    expect(shared[1]).toEqual({ url: link?.ok && link.url, title: 'Deck bio' });

    fail = new DOMException('Share canceled', 'AbortError');
    expect(await share.shareSheet()).toBe('cancelled');
    fail = new DOMException('Not allowed', 'NotAllowedError');
    expect(await share.shareSheet()).toBe('failed');
  });

  it('copies the link, and says when the clipboard refuses', async () => {
    await seed(deckFile('bio', 1));
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const share = await shareOf('bio');
    expect(share.canShare).toBe(false);
    expect(await share.copyLink()).toBe(true);
    const link = share.link();
    expect(writeText).toHaveBeenCalledWith(link?.ok && link.url);
    writeText.mockRejectedValueOnce(new DOMException('Denied', 'NotAllowedError'));
    expect(await share.copyLink()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await share.copyLink()).toBe(false);
  });
});
