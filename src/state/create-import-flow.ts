/**
 * The one way a deck enters the collection from outside (a file picked or dropped, a share link, an Anki or
 * Quizlet export): read and validate it, show a preview of what the import would change, and import it only
 * when the learner confirms, taking a snapshot first so the import can be undone.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { DeckCard } from '../domain/deck-format';
import type { ImportCandidate } from '../domain/import-candidate';
import { newId } from '../domain/ids';
import type { ImportOptions, ImportResult } from '../storage/deck-import';
import { now, timeZone } from './clock';
import type { Collection } from './create-collection';

// Importing brings the deck schema and the scheduler: loaded on the first import, not with the first screen.
const importer = () => import('../storage/deck-import');

export type ImportPhase =
  | { name: 'idle' }
  | { name: 'reading'; what: string }
  | {
      name: 'preview';
      candidate: ImportCandidate;
      /** What importing would do, scheduling dropped and kept. */
      plan: ImportResult;
      /** A few cards to show. */
      sample: DeckCard[];
    }
  | { name: 'importing'; candidate: ImportCandidate }
  | { name: 'done'; title: string; deckId: string; result: ImportResult; snapshotId: string; undone: boolean }
  | { name: 'error'; message: string };

export interface ImportFlow {
  phase: Accessor<ImportPhase>;
  /** Reads a file and shows its preview (or the reason it cannot be imported). */
  offerFile(file: File): void;
  /** Shows the preview of a candidate another path produced (a share link). */
  offer(candidate: Promise<ImportCandidate>, what: string): void;
  /** Imports the previewed deck, keeping the file's scheduling or not. */
  confirm(keepScheduling: boolean): Promise<void>;
  /** Puts the collection back as it was before the last import. */
  undo(): Promise<void>;
  /** Closes the preview, result or error. */
  close(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message
    ? error.message
    : 'The deck could not be read. Try again, or ask for the file again.';
}

const SAMPLE = 3;

export function createImportFlow(collection: Collection): ImportFlow {
  const [phase, setPhase] = createSignal<ImportPhase>({ name: 'idle' });
  /** Each offer gets a number; an older offer that resolves late is ignored. */
  let generation = 0;

  const options = (keepScheduling: boolean): ImportOptions => ({
    builtIn: false,
    hash: '',
    now: now(),
    scheduling: keepScheduling ? 'keep' : 'drop',
  });

  const offer = (candidate: Promise<ImportCandidate>, what: string) => {
    const mine = ++generation;
    setPhase({ name: 'reading', what });
    void (async () => {
      try {
        const read = await candidate;
        const { previewImport } = await importer();
        const plan = await previewImport(await collection.db(), read.deck, options(false));
        if (mine !== generation) return;
        setPhase({ name: 'preview', candidate: read, plan, sample: read.deck.cards.slice(0, SAMPLE) });
      } catch (error) {
        if (mine === generation) setPhase({ name: 'error', message: messageOf(error) });
      }
    })();
  };

  return {
    phase,
    offer,
    offerFile(file) {
      offer(
        import('./read-import-file').then(({ readImportFile }) =>
          readImportFile(file, { ...collection.settings(), timeZone: timeZone() }),
        ),
        file.name,
      );
    },
    async confirm(keepScheduling) {
      const current = phase();
      if (current.name !== 'preview') return;
      const mine = ++generation;
      const { candidate } = current;
      setPhase({ name: 'importing', candidate });
      const at = now();
      const snapshotId = newId('import', at);
      try {
        const { importDeck } = await importer();
        const result = await importDeck(await collection.db(), candidate.deck, {
          ...options(keepScheduling),
          now: at,
          snapshot: { id: snapshotId, label: `Before importing "${candidate.deck.title}"` },
        });
        collection.changed('decks');
        if (mine !== generation) return;
        setPhase({
          name: 'done',
          title: candidate.deck.title,
          deckId: result.deckId,
          result,
          snapshotId,
          undone: false,
        });
      } catch (error) {
        if (mine === generation) setPhase({ name: 'error', message: messageOf(error) });
      }
    },
    async undo() {
      const current = phase();
      if (current.name !== 'done' || current.undone) return;
      try {
        const { restoreSnapshot } = await import('../storage/snapshot-store');
        await restoreSnapshot(await collection.db(), current.snapshotId);
        collection.changed('decks');
        setPhase({ ...current, undone: true });
      } catch (error) {
        setPhase({ name: 'error', message: messageOf(error) });
      }
    },
    close() {
      generation += 1;
      setPhase({ name: 'idle' });
    },
  };
}
