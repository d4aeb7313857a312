import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { plainText } from '../../domain/card-text';
import { isLeech } from '../../domain/leech';
import { CardState, LEECH_TAG, type CardRecord } from '../../domain/types';
import {
  deleteCustomDeck,
  deleteNotesOf,
  downloadDeck,
  loadDeckCards,
  renameCustomDeck,
  resetCardsOf,
  setSuspended,
} from '../../state/deck-actions';
import { rememberDeleted } from '../../state/deleted-deck';
import { loadCardInfo, type CardInfo as CardInfoData } from '../../state/card-info';
import CardInfo from '../components/CardInfo';
import Dialog from '../components/Dialog';
import RichText from '../components/RichText';
import SourceDetails from '../components/SourceDetails';
import { useCollection } from '../context';
import { navigate } from '../router';
import TopBar from '../components/TopBar';
import ShareDeckButton from '../components/ShareDeckButton';
import '../styles/dialogs.css';

const PAGE = 50;

function status(card: CardRecord): string {
  if (card.suspended) return isLeech(card) ? 'Leech, suspended' : 'Suspended';
  if (card.kind === 'mcq') return 'Quiz item';
  if (card.fsrs.state === CardState.New) return 'New';
  const due = new Date(card.fsrs.due).toLocaleDateString([], { month: 'short', day: 'numeric' });
  return `Due ${due}`;
}

/** A card's front as words, for the accessible names of its buttons. */
function label(card: CardRecord): string {
  const text = plainText(card.front, card.markup);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'That did not work. Please try again.';
}

interface Confirmation {
  title: string;
  message: string;
  action: string;
  run: () => Promise<void>;
}

/** One deck: its actions, and its cards, searchable and filterable by tag, each with its own actions. */
export default function DeckScreen(props: { deckId: string }) {
  const collection = useCollection();
  const deck = () => collection.decks().find((d) => d.id === props.deckId);
  const custom = () => deck()?.builtIn === false;
  const [cards] = createResource(
    () => [props.deckId, collection.revision()] as const,
    ([deckId]) => loadDeckCards(collection, deckId),
  );
  const [tag, setTag] = createSignal<string | null>(null);
  const [query, setQuery] = createSignal('');
  const [shown, setShown] = createSignal(PAGE);
  const [error, setError] = createSignal('');
  const [status_, setStatus] = createSignal('');
  const [confirming, setConfirming] = createSignal<Confirmation | null>(null);
  const [renaming, setRenaming] = createSignal(false);
  const [exporting, setExporting] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const [info, setInfo] = createSignal<CardInfoData | null>(null);
  const openInfo = (card: CardRecord) =>
    act(async () => {
      const loaded = await loadCardInfo(collection, card.id);
      if (!loaded) throw new Error('This card no longer exists.');
      setInfo(loaded);
    });

  const act = async (run: () => Promise<void>) => {
    setError('');
    setStatus('');
    try {
      await run();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const tags = createMemo(() => {
    const all = new Set<string>();
    for (const card of cards() ?? [])
      for (const t of card.tags) if (t !== props.deckId && t !== LEECH_TAG) all.add(t);
    return [...all].sort();
  });
  const toggleTag = (t: string) => {
    setTag(tag() === t ? null : t);
    setShown(PAGE);
  };
  /** Cards tagged "leech": forgotten so often that they were suspended (see domain/leech.ts). */
  const leeches = createMemo(() => (cards() ?? []).filter(isLeech).length);
  const filtered = createMemo(() => {
    const q = query().trim().toLowerCase();
    const t = tag();
    return (cards() ?? []).filter(
      (card: CardRecord) =>
        (!t || card.tags.includes(t)) &&
        (!q ||
          plainText(card.front, card.markup).toLowerCase().includes(q) ||
          plainText(card.back, card.markup).toLowerCase().includes(q) ||
          card.tags.some((cardTag) => cardTag.includes(q))),
    );
  });

  const confirmDeleteDeck = () => {
    const current = deck();
    if (!current) return;
    setConfirming({
      title: `Delete “${current.title}”?`,
      message: `Its ${current.cardCount} cards and their reviews are deleted. You can undo this for a while.`,
      action: 'Delete deck',
      run: async () => {
        const snapshotId = await deleteCustomDeck(collection, current.id);
        rememberDeleted({ title: current.title, snapshotId });
        navigate({ name: 'decks' });
      },
    });
  };

  const confirmDeleteNote = (card: CardRecord) => {
    const siblings = (cards() ?? []).filter((other) => other.factId === card.factId).length;
    setConfirming({
      title: 'Delete this note?',
      message:
        siblings > 1
          ? `The note and its ${siblings} cards are deleted, with their reviews.`
          : 'The card is deleted, with its reviews.',
      action: 'Delete',
      run: async () => {
        const count = await deleteNotesOf(collection, props.deckId, [card.factId]);
        setStatus(`Deleted ${count} card${count === 1 ? '' : 's'}.`);
      },
    });
  };

  const confirmReset = (card: CardRecord) => {
    setConfirming({
      title: 'Reset this card?',
      message: 'It becomes a new card again. Its past reviews are kept as history.',
      action: 'Reset',
      run: async () => {
        await resetCardsOf(collection, [card.id]);
        setStatus('The card is new again.');
      },
    });
  };

  const runConfirmed = async () => {
    const current = confirming();
    if (!current) return;
    setBusy(true);
    await act(current.run);
    setBusy(false);
    setConfirming(null);
  };

  return (
    <>
      <TopBar
        title={deck()?.title ?? 'Deck'}
        back={{ label: 'Back to Decks', onBack: () => navigate({ name: 'decks' }) }}
      >
        <button
          type="button"
          class="btn btn-small btn-primary"
          onClick={() => navigate({ name: 'study', deckId: props.deckId })}
        >
          Study
        </button>
      </TopBar>
      <main id="main" tabindex="-1">
        <Show when={deck()} fallback={<p class="empty">This deck does not exist (any more).</p>}>
          {(current) => (
            <>
              <Show when={current().description}>
                <p class="deck-description">{current().description}</p>
              </Show>
              <div class="button-row deck-actions" role="group" aria-label="Deck actions">
                <Show when={custom()}>
                  <button
                    type="button"
                    class="btn btn-small btn-primary"
                    onClick={() => navigate({ name: 'edit-note', deckId: props.deckId, noteId: null })}
                  >
                    Add card
                  </button>
                </Show>
                <button type="button" class="btn btn-small" onClick={() => setExporting(true)}>
                  Export
                </button>
                <ShareDeckButton deckId={props.deckId} />
                <Show when={custom()}>
                  <button type="button" class="btn btn-small" onClick={() => setRenaming(true)}>
                    Rename
                  </button>
                  <button type="button" class="btn btn-small" onClick={confirmDeleteDeck}>
                    Delete deck
                  </button>
                </Show>
              </div>
              <Show when={cards() && cards()!.length === 0}>
                <div class="empty">
                  <h2>No cards yet</h2>
                  <p class="muted">
                    Add a card: basic, basic and reversed, cloze or multiple choice. Or import a deck from the
                    Decks screen.
                  </p>
                </div>
              </Show>
              <Show when={(cards()?.length ?? 0) > 0}>
                <label class="visually-hidden" for="card-search">
                  Search cards
                </label>
                <input
                  id="card-search"
                  class="search"
                  type="search"
                  placeholder="Search cards"
                  value={query()}
                  onInput={(e) => {
                    setQuery(e.currentTarget.value);
                    setShown(PAGE);
                  }}
                />
                <Show when={tags().length > 0 || leeches() > 0}>
                  <div class="chips" role="group" aria-label="Filter by tag">
                    <button
                      type="button"
                      class="chip"
                      aria-pressed={tag() === null}
                      onClick={() => setTag(null)}
                    >
                      All
                    </button>
                    <Show when={leeches() > 0}>
                      <button
                        type="button"
                        class="chip chip-leech"
                        aria-pressed={tag() === LEECH_TAG}
                        onClick={() => toggleTag(LEECH_TAG)}
                      >
                        Leeches ({leeches()})
                      </button>
                    </Show>
                    <For each={tags()}>
                      {(t) => (
                        <button
                          type="button"
                          class="chip"
                          aria-pressed={tag() === t}
                          onClick={() => toggleTag(t)}
                        >
                          {t}
                        </button>
                      )}
                    </For>
                  </div>
                </Show>
                <p class="muted" role="status">
                  {filtered().length} of {cards()?.length ?? 0} cards
                </p>
              </Show>
              <p class="muted" role="status">
                {status_()}
              </p>
              <Show when={error()}>
                <p class="banner" role="alert">
                  {error()}
                </p>
              </Show>
              <ul class="card-list">
                <For each={filtered().slice(0, shown())}>
                  {(card) => (
                    <li class="card-surface">
                      <div class="q">
                        <RichText text={card.front} markup={card.markup} />
                      </div>
                      <Show when={card.choices}>
                        {(choices) => (
                          <ol class="choices" type="A" aria-label="Options">
                            <For each={choices().options}>
                              {(option, i) => (
                                <li classList={{ correct: choices().answer.includes(i()) }}>
                                  {option}
                                  <Show when={choices().answer.includes(i())}>
                                    <span class="visually-hidden"> (correct)</span>
                                    <span aria-hidden="true"> ✓</span>
                                  </Show>
                                </li>
                              )}
                            </For>
                          </ol>
                        )}
                      </Show>
                      <div class="a">
                        <RichText text={card.back} markup={card.markup} />
                      </div>
                      <Show when={card.source}>{(source) => <SourceDetails source={source()} />}</Show>
                      <Show when={card.sourceNote}>
                        <p class="muted source-note">Source: {card.sourceNote}</p>
                      </Show>
                      <div class="card-row-actions">
                        <span class="muted">{status(card)}</span>
                        <button
                          type="button"
                          class="btn btn-small"
                          aria-label={`Info: ${label(card)}`}
                          onClick={() => void openInfo(card)}
                        >
                          Info
                        </button>
                        <Show when={custom()}>
                          <button
                            type="button"
                            class="btn btn-small"
                            aria-label={`Edit: ${label(card)}`}
                            onClick={() =>
                              navigate(
                                card.note
                                  ? { name: 'edit-note', deckId: props.deckId, noteId: card.factId }
                                  : { name: 'edit-card', deckId: props.deckId, cardId: card.id },
                              )
                            }
                          >
                            Edit
                          </button>
                        </Show>
                        <Show when={card.kind !== 'mcq'}>
                          <button
                            type="button"
                            class="btn btn-small"
                            aria-label={`${card.suspended ? 'Unsuspend' : 'Suspend'}: ${label(card)}`}
                            onClick={() => void act(() => setSuspended(collection, card.id, !card.suspended))}
                          >
                            {card.suspended ? 'Unsuspend' : 'Suspend'}
                          </button>
                          <Show when={card.fsrs.state !== CardState.New}>
                            <button
                              type="button"
                              class="btn btn-small"
                              aria-label={`Reset: ${label(card)}`}
                              onClick={() => confirmReset(card)}
                            >
                              Reset
                            </button>
                          </Show>
                        </Show>
                        <Show when={custom()}>
                          <button
                            type="button"
                            class="btn btn-small"
                            aria-label={`Delete: ${label(card)}`}
                            onClick={() => confirmDeleteNote(card)}
                          >
                            Delete
                          </button>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={filtered().length > shown()}>
                <button type="button" class="btn btn-block" onClick={() => setShown(shown() + PAGE)}>
                  Show more cards
                </button>
              </Show>

              <Dialog
                open={confirming() !== null}
                title={confirming()?.title ?? ''}
                onClose={() => setConfirming(null)}
                busy={busy()}
              >
                <p>{confirming()?.message}</p>
                <div class="button-row">
                  <button
                    type="button"
                    class="btn btn-primary"
                    disabled={busy()}
                    onClick={() => void runConfirmed()}
                  >
                    {confirming()?.action}
                  </button>
                  <button type="button" class="btn" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              </Dialog>

              <Dialog open={info() !== null} title="Card info" onClose={() => setInfo(null)}>
                <Show when={info()}>{(shown) => <CardInfo info={shown()} />}</Show>
                <div class="button-row">
                  <button type="button" class="btn" onClick={() => setInfo(null)}>
                    Close
                  </button>
                </div>
              </Dialog>

              <Dialog open={renaming()} title="Rename deck" onClose={() => setRenaming(false)}>
                <form
                  class="settings-form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const data = new FormData(event.currentTarget);
                    const deckId = props.deckId;
                    void act(async () => {
                      await renameCustomDeck(
                        collection,
                        deckId,
                        String(data.get('title') ?? ''),
                        String(data.get('description') ?? ''),
                      );
                      setRenaming(false);
                    });
                  }}
                >
                  <div class="field">
                    <label for="rename-title">Name</label>
                    <input
                      id="rename-title"
                      name="title"
                      type="text"
                      required
                      maxlength="200"
                      value={current().title}
                    />
                  </div>
                  <div class="field">
                    <label for="rename-description">Description</label>
                    <textarea id="rename-description" name="description" rows="2" maxlength="2000">
                      {current().description}
                    </textarea>
                  </div>
                  <Show when={error()}>
                    <p role="alert" class="error-text">
                      {error()}
                    </p>
                  </Show>
                  <div class="button-row">
                    <button type="submit" class="btn btn-primary">
                      Save
                    </button>
                    <button type="button" class="btn" onClick={() => setRenaming(false)}>
                      Cancel
                    </button>
                  </div>
                </form>
              </Dialog>

              <Dialog
                open={exporting()}
                title={`Export “${current().title}”`}
                onClose={() => setExporting(false)}
              >
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    const scheduling = new FormData(event.currentTarget).get('scheduling') === 'on';
                    const deckId = props.deckId;
                    void act(async () => {
                      const name = await downloadDeck(collection, deckId, scheduling);
                      setExporting(false);
                      setStatus(`Saved ${name}.`);
                    });
                  }}
                >
                  <p class="muted">
                    A deck file (.json) that SarcoMet on any device can import. Without scheduling, whoever
                    imports it starts every card new.
                  </p>
                  <label class="check-row">
                    <input type="checkbox" name="scheduling" />
                    <span>Include my scheduling and review history</span>
                  </label>
                  <Show when={error()}>
                    <p role="alert" class="error-text">
                      {error()}
                    </p>
                  </Show>
                  <div class="button-row">
                    <button type="submit" class="btn btn-primary">
                      Download file
                    </button>
                    <button type="button" class="btn" onClick={() => setExporting(false)}>
                      Cancel
                    </button>
                  </div>
                </form>
              </Dialog>
            </>
          )}
        </Show>
      </main>
    </>
  );
}
