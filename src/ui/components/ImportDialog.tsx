import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ImportPhase } from '../../state/create-import-flow';
import Dialog from './Dialog';
import RichText from './RichText';
import { plural } from '../plural';
import '../styles/dialogs.css';

const ORIGIN_NAMES = {
  file: 'a SarcoMet deck file',
  link: 'a share link',
  'anki-text': 'an Anki or CSV text export',
  quizlet: 'a Quizlet export',
  apkg: 'an Anki package',
} as const;

function titleOf(phase: ImportPhase): string {
  switch (phase.name) {
    case 'reading':
      return 'Reading the deck…';
    case 'preview':
      return `Import “${phase.candidate.deck.title}”?`;
    case 'importing':
      return `Importing “${phase.candidate.deck.title}”…`;
    case 'done':
      return phase.undone ? 'Import undone' : `Imported “${phase.title}”`;
    case 'error':
      return 'This deck cannot be imported';
    case 'idle':
      return '';
  }
}

/** The preview of an import, its confirmation, its result (with undo) or why it cannot be imported. */
export default function ImportDialog(props: {
  phase: ImportPhase;
  onConfirm: (keepScheduling: boolean) => void;
  onUndo: () => void;
  onOpenDeck: (deckId: string) => void;
  onClose: () => void;
}) {
  const [keep, setKeep] = createSignal(true);
  const busy = () => props.phase.name === 'reading' || props.phase.name === 'importing';
  return (
    <Dialog
      open={props.phase.name !== 'idle'}
      title={titleOf(props.phase)}
      onClose={props.onClose}
      busy={busy()}
    >
      <Switch>
        <Match when={props.phase.name === 'reading' && props.phase}>
          {(phase) => (
            <p role="status" class="muted">
              Checking {phase().what}…
            </p>
          )}
        </Match>
        <Match when={props.phase.name === 'preview' && props.phase}>
          {(phase) => {
            const deck = () => phase().candidate.deck;
            const plan = () => phase().plan;
            const reviews = () => deck().cards.reduce((sum, card) => sum + (card.history?.length ?? 0), 0);
            return (
              <>
                <p class="muted">
                  From {ORIGIN_NAMES[phase().candidate.origin]} · {plural(deck().cards.length, 'card')}
                </p>
                <Show when={deck().description}>
                  <p>{deck().description}</p>
                </Show>
                <ul class="import-facts" aria-label="What the import changes">
                  <li>
                    <strong>{plan().added.toLocaleString()}</strong> new
                  </li>
                  <Show when={plan().existed}>
                    <li>
                      <strong>{plan().updated.toLocaleString()}</strong> updated
                    </li>
                    <li>
                      <strong>{plan().unchanged.toLocaleString()}</strong> unchanged
                    </li>
                  </Show>
                </ul>
                <Show when={plan().existed}>
                  <p class="muted">
                    You have this deck already: new cards are added and changed cards updated. Your reviews
                    and your own cards are kept.
                  </p>
                </Show>
                <Show when={phase().candidate.notices.length > 0}>
                  <ul class="import-notices">
                    <For each={phase().candidate.notices}>{(notice) => <li>{notice}</li>}</For>
                  </ul>
                </Show>
                <h3 class="section-title">Sample</h3>
                <ul class="import-sample">
                  <For each={phase().sample}>
                    {(card) => (
                      <li>
                        <div class="q">
                          <RichText text={card.front} markup={card.markup} />
                        </div>
                        <div class="a">
                          <RichText text={card.back} markup={card.markup} />
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={phase().candidate.hasScheduling}>
                  <label class="check-row">
                    <input
                      type="checkbox"
                      checked={keep()}
                      onChange={(event) => setKeep(event.currentTarget.checked)}
                    />
                    <span>
                      Keep the scheduling and review history in the file ({plural(reviews(), 'review')}).
                      Cards you already have keep yours.
                    </span>
                  </label>
                </Show>
                <div class="button-row">
                  <button
                    type="button"
                    class="btn btn-primary"
                    onClick={() => props.onConfirm(phase().candidate.hasScheduling && keep())}
                  >
                    Import
                  </button>
                  <button type="button" class="btn" onClick={() => props.onClose()}>
                    Cancel
                  </button>
                </div>
              </>
            );
          }}
        </Match>
        <Match when={props.phase.name === 'importing'}>
          <p role="status" class="muted">
            Saving the cards…
          </p>
        </Match>
        <Match when={props.phase.name === 'done' && props.phase}>
          {(phase) => (
            <>
              <p role="status">
                {phase().undone
                  ? 'Your collection is back as it was before the import.'
                  : `${plural(phase().result.added, 'card')} added, ${phase().result.updated.toLocaleString()} updated${
                      phase().result.reviews > 0 ? `, ${plural(phase().result.reviews, 'review')} kept` : ''
                    }.`}
              </p>
              <div class="button-row">
                <Show when={!phase().undone}>
                  <button
                    type="button"
                    class="btn btn-primary"
                    onClick={() => props.onOpenDeck(phase().deckId)}
                  >
                    Open deck
                  </button>
                  <button type="button" class="btn" onClick={() => props.onUndo()}>
                    Undo import
                  </button>
                </Show>
                <button type="button" class="btn" onClick={() => props.onClose()}>
                  Close
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={props.phase.name === 'error' && props.phase}>
          {(phase) => (
            <>
              <p role="alert" class="error-text">
                {phase().message}
              </p>
              <p class="muted">Your collection was not changed.</p>
              <div class="button-row">
                <button type="button" class="btn" onClick={() => props.onClose()}>
                  Close
                </button>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </Dialog>
  );
}
