import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { QueueCounts } from '../../domain/queue';
import { now, timeZone } from '../../state/clock';
import { loadOverview } from '../../state/study-snapshot';
import CountsLine from '../components/CountsLine';
import { useCollection } from '../context';
import { navigate } from '../router';
import TopBar from '../components/TopBar';

const total = (c: QueueCounts) => c.new + c.learning + c.review;

/** Home: every deck with its new, learning and due counts, and a Study button per deck and for all. */
export default function HomeScreen() {
  const collection = useCollection();
  const [exportStatus, setExportStatus] = createSignal('');
  const exportRaw = async () => {
    setExportStatus('Preparing the file…');
    try {
      const { downloadRawData } = await import('../../state/raw-export');
      setExportStatus(`Saved ${await downloadRawData()}.`);
    } catch (error) {
      setExportStatus(
        `The data could not be exported: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const [overview] = createResource(
    () => (collection.state() === 'ready' ? collection.revision() : false),
    async () =>
      loadOverview(await collection.db(), collection.decks(), collection.settings(), now(), timeZone()),
  );

  return (
    <>
      <TopBar title="SarcoMet" />
      <main id="main" tabindex="-1">
        <Show when={collection.notice()}>
          <p class="notice" role="status">
            {collection.notice()}
          </p>
        </Show>
        <Switch>
          <Match when={collection.state() === 'loading' || (overview.loading && !overview.latest)}>
            <p class="empty muted" role="status">
              Preparing your decks…
            </p>
          </Match>
          <Match when={collection.state() === 'error'}>
            <div class="empty" role="alert">
              <h2>Your decks could not be loaded</h2>
              <p>{collection.error()}</p>
              <div class="button-row">
                <button type="button" class="btn btn-primary" onClick={() => void collection.load()}>
                  Try again
                </button>
                <button type="button" class="btn" onClick={() => void exportRaw()}>
                  Export raw data
                </button>
              </div>
              <p class="muted">
                Export raw data saves everything stored on this device (reviews included) as a file, so
                nothing is lost whatever happens.
              </p>
              <Show when={exportStatus()}>
                <p role="status">{exportStatus()}</p>
              </Show>
            </div>
          </Match>
          <Match when={overview.latest}>
            {(data) => (
              <Show
                when={data().decks.length > 0}
                fallback={
                  <div class="empty">
                    <h2>No decks yet</h2>
                    <p class="muted">The built-in decks load when the app first opens online.</p>
                  </div>
                }
              >
                <section class="study-all card-surface" aria-labelledby="all-title">
                  <div>
                    <h2 id="all-title" class="section-title">
                      Today
                    </h2>
                    <CountsLine counts={data().all} />
                    <p class="muted">
                      {data().answeredToday === 0
                        ? 'Nothing studied yet today.'
                        : `${data().answeredToday} ${data().answeredToday === 1 ? 'answer' : 'answers'} so far today.`}
                    </p>
                  </div>
                  <button
                    type="button"
                    class="btn btn-primary btn-block"
                    onClick={() => navigate({ name: 'study', deckId: null })}
                  >
                    Study all
                  </button>
                </section>
                <h2 class="section-title">Decks</h2>
                <Show when={data().decks.length > 1}>
                  <p class="muted deck-limit-note">
                    The daily limits ({collection.settings().newPerDay} new cards,{' '}
                    {collection.settings().reviewsPerDay} reviews) are shared by all decks: each deck shows
                    what studying it alone would give.
                  </p>
                </Show>
                <ul class="deck-list">
                  <For each={data().decks}>
                    {(row) => (
                      <li class="card-surface deck-row">
                        <div>
                          <h3>{row.deck.title}</h3>
                          <CountsLine counts={row.counts} />
                        </div>
                        <button
                          type="button"
                          class={`btn btn-small ${total(row.counts) > 0 ? '' : 'btn-ghost'}`}
                          onClick={() => navigate({ name: 'study', deckId: row.deck.id })}
                          aria-label={`Study ${row.deck.title}`}
                        >
                          Study
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Match>
        </Switch>
      </main>
    </>
  );
}
