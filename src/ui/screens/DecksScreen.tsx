import { createMemo, For, Show } from 'solid-js';
import type { DeckRecord } from '../../domain/types';
import { useCollection } from '../context';
import { href } from '../router';
import TopBar from '../components/TopBar';

/** Decks grouped by topic. */
export default function DecksScreen() {
  const collection = useCollection();
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
      <TopBar title="Decks" />
      <main id="main" tabindex="-1">
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
