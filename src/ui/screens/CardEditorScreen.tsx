import { createResource, createSignal, Show } from 'solid-js';
import { normalizeTags } from '../../domain/notes';
import { loadDeckCard, saveCardTextOf } from '../../state/deck-actions';
import { useCollection } from '../context';
import { navigate } from '../router';
import ErrorList from '../components/ErrorList';
import TopBar from '../components/TopBar';
import '../styles/editor.css';

/**
 * Editing one imported card (from a shared deck file or an Anki export), which has no editor note: its front,
 * back, tags and source; its markup, schedule and reviews stay.
 */
export default function CardEditorScreen(props: { deckId: string; cardId: string }) {
  const collection = useCollection();
  const [errors, setErrors] = createSignal<string[]>([]);
  const [saving, setSaving] = createSignal(false);
  const [card] = createResource(
    () => [props.deckId, props.cardId] as const,
    async ([deckId, cardId]) => (await loadDeckCard(collection, deckId, cardId)) ?? null,
  );
  const back = () => navigate({ name: 'deck', deckId: props.deckId });

  const save = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    setSaving(true);
    setErrors([]);
    try {
      await saveCardTextOf(collection, props.cardId, {
        front: String(data.get('front') ?? ''),
        back: String(data.get('back') ?? ''),
        tags: normalizeTags(String(data.get('tags') ?? '')),
        sourceNote: String(data.get('source') ?? ''),
      });
      back();
    } catch (error) {
      setErrors([error instanceof Error ? error.message : 'The card could not be saved. Try again.']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <TopBar title="Edit card" back={{ label: 'Back to the deck', onBack: back }} />
      <main id="main" tabindex="-1" class="editor">
        <Show when={card.state === 'ready'} fallback={<p class="muted">Loading the card…</p>}>
          <Show
            when={card()}
            fallback={<p class="empty">This card no longer exists. It may have been deleted.</p>}
          >
            {(current) => (
              <form
                class="settings-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void save(event.currentTarget);
                }}
              >
                <Show when={current().markup === 'html'}>
                  <p class="hint format-help">
                    This card came from Anki and is written in HTML; it is sanitized when shown.
                  </p>
                </Show>
                <div class="field">
                  <label for="card-front">Front</label>
                  <textarea id="card-front" name="front" rows="4" value={current().front} />
                </div>
                <div class="field">
                  <label for="card-back">Back</label>
                  <textarea id="card-back" name="back" rows="4" value={current().back} />
                </div>
                <div class="field">
                  <label for="card-tags">Tags (separated by spaces)</label>
                  <input id="card-tags" name="tags" type="text" value={current().tags.join(' ')} />
                </div>
                <div class="field">
                  <label for="card-source">Source (optional)</label>
                  <input id="card-source" name="source" type="text" value={current().sourceNote ?? ''} />
                </div>
                <ErrorList errors={errors()} />
                <div class="button-row">
                  <button type="submit" class="btn btn-primary" disabled={saving()}>
                    Save
                  </button>
                  <button type="button" class="btn" onClick={back}>
                    Cancel
                  </button>
                </div>
              </form>
            )}
          </Show>
        </Show>
      </main>
    </>
  );
}
