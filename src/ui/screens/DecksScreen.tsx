import { createEffect, createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import type { DeckRecord } from '../../domain/types';
import { bringBackSnapshot, createCustomDeck, setDailyStudy } from '../../state/deck-actions';
import { lastDeleted, rememberDeleted } from '../../state/deleted-deck';
import Dialog from '../components/Dialog';
import { useCollection, useImportFlow } from '../context';
import { href, navigate } from '../router';
import TopBar from '../components/TopBar';
import '../styles/dialogs.css';
import { errorReason } from '../../domain/error-reason';

/** What the file picker offers: deck files, Anki and Quizlet text exports, Anki packages. */
export const IMPORT_ACCEPT =
  '.json,.txt,.csv,.tsv,.apkg,.colpkg,application/json,text/plain,text/csv,text/tab-separated-values';

/** Decks grouped by topic. */
export default function DecksScreen() {
  const collection = useCollection();
  const importFlow = useImportFlow();
  const [creating, setCreating] = createSignal(false);
  const [createError, setCreateError] = createSignal('');
  const [dragging, setDragging] = createSignal(false);
  let picker: HTMLInputElement | undefined;

  const create = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    setCreateError('');
    try {
      const id = await createCustomDeck(
        collection,
        String(data.get('title') ?? ''),
        String(data.get('description') ?? ''),
      );
      setCreating(false);
      navigate({ name: 'deck', deckId: id });
    } catch (error) {
      setCreateError(error instanceof Error ? error.message : 'The deck could not be created. Try again.');
    }
  };
  const [undoError, setUndoError] = createSignal('');
  const [dailyStatus, setDailyStatus] = createSignal('');
  const toggleDaily = async (deck: DeckRecord, on: boolean) => {
    try {
      await setDailyStudy(collection, deck.id, on);
      setDailyStatus(
        on ? `“${deck.title}” is in daily study now.` : `“${deck.title}” is out of daily study.`,
      );
    } catch (error) {
      setDailyStatus(`“${deck.title}” could not be changed: ${errorReason(error)} Try again.`);
    }
  };
  // The undo of a deletion is offered for 30 seconds (the snapshot itself stays longer).
  createEffect(() => {
    if (!lastDeleted()) return;
    const timer = setTimeout(() => rememberDeleted(null), 30_000);
    onCleanup(() => clearTimeout(timer));
  });
  const undoDelete = async () => {
    const deleted = lastDeleted();
    if (!deleted) return;
    try {
      await bringBackSnapshot(collection, deleted.snapshotId);
      rememberDeleted(null);
    } catch (error) {
      setUndoError(error instanceof Error ? error.message : 'The deck could not be brought back.');
    }
  };
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const groups = createMemo(() => {
    const byTopic = new Map<string, DeckRecord[]>();
    for (const deck of collection.decks()) {
      const topic = deck.topic ?? 'Other';
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), deck]);
    }
    return [...byTopic.entries()];
  });
  return (
    <>
      <TopBar title="Decks">
        <div class="header-actions">
          <button type="button" class="btn btn-small" onClick={() => picker?.click()}>
            Import
          </button>
          <button type="button" class="btn btn-small btn-primary" onClick={() => setCreating(true)}>
            New deck
          </button>
        </div>
      </TopBar>
      <input
        ref={picker}
        type="file"
        accept={IMPORT_ACCEPT}
        class="visually-hidden"
        tabindex="-1"
        aria-hidden="true"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) importFlow.offerFile(file);
        }}
      />
      <Dialog open={creating()} title="New deck" onClose={() => setCreating(false)}>
        <form
          class="settings-form"
          onSubmit={(event) => {
            event.preventDefault();
            void create(event.currentTarget);
          }}
        >
          <div class="field">
            <label for="new-deck-title">Name</label>
            <input id="new-deck-title" name="title" type="text" required maxlength="200" autocomplete="off" />
          </div>
          <div class="field">
            <label for="new-deck-description">Description (optional)</label>
            <textarea id="new-deck-description" name="description" rows="2" maxlength="2000" />
          </div>
          <Show when={createError()}>
            <p role="alert" class="error-text">
              {createError()}
            </p>
          </Show>
          <div class="button-row">
            <button type="submit" class="btn btn-primary">
              Create deck
            </button>
            <button type="button" class="btn" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
      <Show when={lastDeleted()}>
        {(deleted) => (
          <div class="toast" role="status">
            <span>{undoError() || `Deleted “${deleted().title}”.`}</span>
            <button type="button" class="btn btn-small" onClick={() => void undoDelete()}>
              Undo
            </button>
          </div>
        )}
      </Show>
      <Show when={dragging()}>
        <p class="drop-hint" aria-hidden="true">
          Drop the file to import it
        </p>
      </Show>
      <main
        id="main"
        tabindex="-1"
        classList={{ 'drop-zone-active': dragging() }}
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
          setDragging(false);
        }}
        onDrop={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer?.files[0];
          if (file) importFlow.offerFile(file);
        }}
      >
        <p class="muted import-hint">
          Import a deck file, an Anki package (.apkg) or an Anki or Quizlet text export: use Import, or drop
          the file here.
        </p>
        <p class="muted daily-status" role="status">
          {dailyStatus()}
        </p>
        <Show
          when={groups().length > 0}
          fallback={
            <div class="empty">
              <h2>No decks yet</h2>
              <p class="muted">
                {collection.state() === 'loading' || collection.state() === 'importing'
                  ? 'Preparing your decks…'
                  : 'Decks appear here once they are loaded.'}
              </p>
            </div>
          }
        >
          <For each={groups()}>
            {([topic, decks]) => (
              <section aria-labelledby={`topic-${topic}`}>
                <h2 class="section-title" id={`topic-${topic}`}>
                  {topic}
                </h2>
                <ul class="deck-list">
                  <For each={decks}>
                    {(deck) => (
                      <li class="card-surface deck-row">
                        <div>
                          <h3>
                            <a href={href({ name: 'deck', deckId: deck.id })}>{deck.title}</a>
                          </h3>
                          <p class="muted">
                            {deck.cardCount} cards{deck.builtIn ? ' · built-in' : ''}
                          </p>
                          <Show when={deck.description}>
                            <p>{deck.description}</p>
                          </Show>
                          <label class="daily-switch">
                            <input
                              type="checkbox"
                              role="switch"
                              checked={!deck.paused}
                              aria-label={`In daily study: ${deck.title}`}
                              onChange={(e) => void toggleDaily(deck, e.currentTarget.checked)}
                            />
                            <span>In daily study</span>
                          </label>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </Show>
      </main>
    </>
  );
}
