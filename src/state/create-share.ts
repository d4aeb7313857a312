/**
 * Sharing one deck: as a link (the deck in the URL fragment, no scheduling), as a QR code of that link, as a
 * file through the system share sheet, or as a download. The deck is read when sharing opens, so the file is
 * ready before the learner taps "Share…" (browsers allow the share sheet only within the tap's activation).
 */
import { createSignal, type Accessor } from 'solid-js';
import { deckFileName } from '../domain/deck-export';
import type { DeckFile } from '../domain/deck-format';
import { encodeShareLink } from '../domain/share-link';
import { exportDeck } from '../storage/deck-export-store';
import type { Collection } from './create-collection';
import { downloadBlob } from './download';

export type ShareLink = { ok: true; url: string } | { ok: false; chars: number };

export type ShareOutcome = 'shared' | 'cancelled' | 'failed';

export interface DeckShare {
  /** The deck's title once read. */
  title: Accessor<string>;
  /** Set when the deck could not be read: a sentence for the learner. */
  error: Accessor<string>;
  /** The link, or why there is none (too long); undefined while the deck is read. */
  link: Accessor<ShareLink | undefined>;
  /** Whether the file (not the link) carries the learner's schedule and reviews. */
  includeScheduling: Accessor<boolean>;
  setIncludeScheduling(value: boolean): void;
  /** The deck file to share or download, with or without scheduling as chosen; undefined while read. */
  file: Accessor<File | undefined>;
  /** The system share sheet exists (Web Share API). */
  canShare: boolean;
  /** Copies the link; false when the clipboard refused (the UI then selects the link for the learner). */
  copyLink(): Promise<boolean>;
  /** Opens the share sheet with the file, or the link where files cannot be shared. */
  shareSheet(): Promise<ShareOutcome>;
  /** Saves the file as a download. */
  download(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message
    ? error.message
    : 'The deck could not be read. Close this and try again.';
}

/** A deck file as a `File`: JSON, the way the Export button writes it. */
function fileOf(deck: DeckFile): File {
  return new File([JSON.stringify(deck, null, 1)], deckFileName(deck), { type: 'application/json' });
}

/** The link of a deck at this app's address. */
function linkOf(deck: DeckFile): ShareLink {
  const encoded = encodeShareLink(deck);
  if (!encoded.ok) return { ok: false, chars: encoded.bytes };
  return { ok: true, url: `${location.origin}${location.pathname}${encoded.fragment}` };
}

export function createDeckShare(collection: Collection, deckId: string): DeckShare {
  const [title, setTitle] = createSignal('');
  const [error, setError] = createSignal('');
  const [link, setLink] = createSignal<ShareLink>();
  const [includeScheduling, setScheduling] = createSignal(false);
  const [plainFile, setPlainFile] = createSignal<File>();
  const [scheduledFile, setScheduledFile] = createSignal<File>();
  const file = () => (includeScheduling() ? scheduledFile() : plainFile());

  const read = async (scheduling: boolean) => exportDeck(await collection.db(), deckId, { scheduling });

  void read(false).then(
    (deck) => {
      setTitle(deck.title);
      setLink(linkOf(deck));
      setPlainFile(fileOf(deck));
    },
    (err: unknown) => setError(messageOf(err)),
  );

  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  return {
    title,
    error,
    link,
    includeScheduling,
    setIncludeScheduling(value) {
      setScheduling(value);
      // Read again each time: the schedule changes as the learner studies.
      if (value) {
        setScheduledFile(undefined);
        read(true).then(
          (deck) => includeScheduling() && setScheduledFile(fileOf(deck)),
          (err: unknown) => setError(messageOf(err)),
        );
      }
    },
    file,
    canShare,
    async copyLink() {
      const current = link();
      if (!current?.ok || !navigator.clipboard) return false;
      try {
        await navigator.clipboard.writeText(current.url);
        return true;
      } catch {
        return false;
      }
    },
    async shareSheet() {
      const current = file();
      if (!current) return 'failed';
      // Some share targets refuse JSON; the same bytes as text are accepted more widely.
      const asText = new File([current], current.name.replace(/\.json$/, '.txt'), { type: 'text/plain' });
      const files = [current, asText].find((f) => navigator.canShare?.({ files: [f] }));
      const currentLink = link();
      const data: ShareData | undefined = files
        ? { files: [files], title: title() }
        : currentLink?.ok && !includeScheduling()
          ? { url: currentLink.url, title: title() }
          : undefined;
      if (!data) return 'failed';
      try {
        await navigator.share(data);
        return 'shared';
      } catch (err) {
        return err instanceof DOMException && err.name === 'AbortError' ? 'cancelled' : 'failed';
      }
    },
    download() {
      const current = file();
      if (current) downloadBlob(current, current.name);
    },
  };
}
