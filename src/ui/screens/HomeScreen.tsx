import { createMemo, createResource, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import type { QueueCounts } from '../../domain/queue';
import { now, timeZone } from '../../state/clock';
import { loadOverview } from '../../state/study-snapshot';
import { createBackupReminder } from '../../state/backup-reminder';
import BackupReminder from '../components/BackupReminder';
import CountsLine from '../components/CountsLine';
import { useCollection } from '../context';
import { href, navigate } from '../router';
import TopBar from '../components/TopBar';
import { preloadStudyScreen } from './lazy';
import { errorReason } from '../../domain/error-reason';

const total = (c: QueueCounts) => c.new + c.learning + c.review;

interface HomeView {
  /** Today's counts over all decks; null while a first visit imports the decks. */
  all: QueueCounts | null;
  answeredToday: number;
  decks: { id: string; title: string; counts: QueueCounts | null; paused: boolean }[];
}

/** Home: every deck with its new, learning and due counts, and a Study button per deck and for all. */
export default function HomeScreen() {
  const collection = useCollection();
  const reminder = createBackupReminder(collection);
  onMount(preloadStudyScreen);
  const [exportStatus, setExportStatus] = createSignal('');
  const exportRaw = async () => {
    setExportStatus('Preparing the file…');
    try {
      const { downloadRawData } = await import('../../state/raw-export');
      setExportStatus(`Saved ${await downloadRawData()}.`);
    } catch (error) {
      setExportStatus(`The data could not be exported: ${errorReason(error)}`);
    }
  };
  const [dailyError, setDailyError] = createSignal('');
  const addToDaily = async (deckId: string, title: string) => {
    setDailyError('');
    try {
      // The deck actions load with the deck screens, not with Home.
      const { setDailyStudy } = await import('../../state/deck-actions');
      await setDailyStudy(collection, deckId, true);
    } catch (error) {
      setDailyError(`“${title}” could not be added to Study all: ${errorReason(error)} Try again.`);
    }
  };
  const [overview] = createResource(
    () => (collection.state() === 'ready' ? collection.revision() : false),
    async () =>
      loadOverview(await collection.db(), collection.decks(), collection.settings(), now(), timeZone()),
  );
  /** What Home shows: the counts, or on a first visit, the decks of the index while they are imported. */
  const view = createMemo((): HomeView | undefined => {
    const data = collection.state() === 'importing' ? undefined : overview.latest;
    if (data) {
      return {
        all: data.all,
        answeredToday: data.answeredToday,
        decks: data.decks.map((row) => ({
          id: row.deck.id,
          title: row.deck.title,
          counts: row.counts,
          paused: row.deck.paused === true,
        })),
      };
    }
    // A first visit: the decks of the index, until their counts are known (no "Preparing" flash between).
    const pending = collection.pendingDecks();
    if (pending.length === 0 || collection.state() === 'error') return undefined;
    return {
      all: null,
      answeredToday: 0,
      decks: pending.map((d) => ({ id: d.id, title: d.title, counts: null, paused: d.optional === true })),
    };
  });

  return (
    <>
      <TopBar title="SarcoMet" />
      <main id="main" tabindex="-1">
        <BackupReminder reminder={reminder} />
        <Show when={collection.notice()}>
          <p class="notice" role="status">
            {collection.notice()}
          </p>
        </Show>
        <Switch>
          <Match when={collection.state() === 'loading' || (!view() && overview.loading)}>
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
          <Match when={view()}>
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
                    <Show
                      when={data().all}
                      fallback={
                        <p class="muted" role="status">
                          Getting your decks ready…
                        </p>
                      }
                    >
                      {(all) => <CountsLine counts={all()} />}
                    </Show>
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
                  <a class="home-exam-link" href={href({ name: 'exam' })}>
                    Exam planner
                  </a>
                </section>
                <h2 class="section-title">Decks</h2>
                <Show when={dailyError()}>
                  <p class="notice" role="alert">
                    {dailyError()}
                  </p>
                </Show>
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
                          <h3>{row.title}</h3>
                          <Show when={row.counts} fallback={<p class="counts muted">Preparing…</p>}>
                            {(counts) => <CountsLine counts={counts()} />}
                          </Show>
                          <Show when={row.paused}>
                            <p class="muted paused-note">
                              Not in Study all.{' '}
                              <button
                                type="button"
                                class="link-button"
                                aria-label={`Add ${row.title} to Study all`}
                                onClick={() => void addToDaily(row.id, row.title)}
                              >
                                Add to Study all
                              </button>
                            </p>
                          </Show>
                        </div>
                        <button
                          type="button"
                          class={`btn btn-small ${row.counts && total(row.counts) === 0 ? 'btn-ghost' : ''}`}
                          onClick={() => navigate({ name: 'study', deckId: row.id })}
                          aria-label={`Study ${row.title}`}
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
