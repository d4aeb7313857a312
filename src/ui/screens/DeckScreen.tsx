import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { CardState, type CardRecord } from '../../domain/types';
import { cardsOfDeck, suspendCard } from '../../storage/card-store';
import SourceDetails from '../components/SourceDetails';
import { useCollection } from '../context';
import { navigate } from '../router';
import TopBar from '../components/TopBar';

const PAGE = 50;

function status(card: CardRecord): string {
  if (card.suspended) return 'Suspended';
  if (card.kind === 'mcq') return 'Quiz item';
  if (card.fsrs.state === CardState.New) return 'New';
  const due = new Date(card.fsrs.due).toLocaleDateString([], { month: 'short', day: 'numeric' });
  return `Due ${due}`;
}

/** One deck's cards, filterable by tag and searchable, each with its source. */
export default function DeckScreen(props: { deckId: string }) {
  const collection = useCollection();
  const deck = () => collection.decks().find((d) => d.id === props.deckId);
  const [cards] = createResource(
    () => [props.deckId, collection.revision()] as const,
    async ([deckId]) => cardsOfDeck(await collection.db(), deckId),
  );
  const [tag, setTag] = createSignal<string | null>(null);
  const [query, setQuery] = createSignal('');
  const [shown, setShown] = createSignal(PAGE);
  const [error, setError] = createSignal('');

  const toggleSuspend = async (card: CardRecord) => {
    setError('');
    try {
      await suspendCard(await collection.db(), card.id, !card.suspended);
      collection.changed();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The card could not be changed. Please try again.');
    }
  };

  const tags = createMemo(() => {
    const all = new Set<string>();
    for (const card of cards() ?? []) for (const t of card.tags) if (t !== props.deckId) all.add(t);
    return [...all].sort();
  });
  const filtered = createMemo(() => {
    const q = query().trim().toLowerCase();
    const t = tag();
    return (cards() ?? []).filter(
      (card: CardRecord) =>
        (!t || card.tags.includes(t)) &&
        (!q || card.front.toLowerCase().includes(q) || card.back.toLowerCase().includes(q)),
    );
  });

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
          <div class="chips" role="group" aria-label="Filter by tag">
            <button type="button" class="chip" aria-pressed={tag() === null} onClick={() => setTag(null)}>
              All
            </button>
            <For each={tags()}>
              {(t) => (
                <button
                  type="button"
                  class="chip"
                  aria-pressed={tag() === t}
                  onClick={() => {
                    setTag(tag() === t ? null : t);
                    setShown(PAGE);
                  }}
                >
                  {t}
                </button>
              )}
            </For>
          </div>
          <p class="muted" role="status">
            {filtered().length} of {cards()?.length ?? 0} cards
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
                  <p class="q">{card.front}</p>
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
                  <p class="a">{card.back}</p>
                  <Show when={card.source}>{(source) => <SourceDetails source={source()} />}</Show>
                  <Show when={card.kind !== 'mcq'}>
                    <div class="card-row-actions">
                      <span class="muted">{status(card)}</span>
                      <button
                        type="button"
                        class="btn btn-small"
                        aria-label={`${card.suspended ? 'Unsuspend' : 'Suspend'}: ${card.front}`}
                        onClick={() => void toggleSuspend(card)}
                      >
                        {card.suspended ? 'Unsuspend' : 'Suspend'}
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={filtered().length > shown()}>
            <button type="button" class="btn btn-block" onClick={() => setShown(shown() + PAGE)}>
              Show more cards
            </button>
          </Show>
        </Show>
      </main>
    </>
  );
}
