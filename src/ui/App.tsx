import { createEffect, lazy, Match, onMount, Show, Switch } from 'solid-js';
import { blocked, versionChanged } from '../state/app-db';
import { createCollection } from '../state/create-collection';
import { createImportFlow } from '../state/create-import-flow';
import { resumePendingReschedule } from '../state/pending-reschedule';
import { readShareLink } from '../state/read-share-link';
import { createInstallPrompt } from '../pwa/create-install-prompt';
import { createServiceWorker } from '../pwa/create-service-worker';
import InstallHint from './components/InstallHint';
import NavBar, { type NavName } from './components/NavBar';
import UpdatePrompt from './components/UpdatePrompt';
import { CollectionContext, ImportFlowContext } from './context';
import { createRoute, navigate, replaceRoute, type Route } from './router';
import HomeScreen from './screens/HomeScreen';
import { loadStudyScreen } from './screens/lazy';

// Home is in the first bundle; the other screens (and the scheduler they bring) load when first needed, so
// the first screen evaluates less JavaScript. Home preloads the study screen once it has painted.
const StudyScreen = lazy(loadStudyScreen);
const DecksScreen = lazy(() => import('./screens/DecksScreen'));
const DeckScreen = lazy(() => import('./screens/DeckScreen'));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen'));
const ExamScreen = lazy(() => import('./screens/ExamScreen'));
const NoteEditorScreen = lazy(() => import('./screens/NoteEditorScreen'));
const CardEditorScreen = lazy(() => import('./screens/CardEditorScreen'));
const QuizScreen = lazy(() => import('./screens/QuizScreen'));
const StatsScreen = lazy(() => import('./screens/StatsScreen'));
const ImportDialog = lazy(() => import('./components/ImportDialog'));

function navName(route: Route): NavName | null {
  if (route.name === 'home' || route.name === 'study' || route.name === 'study-exam' || route.name === 'exam')
    return 'home';
  if (
    route.name === 'decks' ||
    route.name === 'deck' ||
    route.name === 'edit-note' ||
    route.name === 'edit-card'
  )
    return 'decks';
  if (route.name === 'settings') return 'settings';
  if (route.name === 'stats') return 'stats';
  if (route.name === 'quiz' || route.name === 'quiz-study') return 'quiz';
  return null;
}

export default function App() {
  const collection = createCollection();
  const route = createRoute();
  const serviceWorker = createServiceWorker();
  const installPrompt = createInstallPrompt();
  const importFlow = createImportFlow(collection);

  onMount(() => void collection.load());

  // A rescheduling that a closed tab left half-way finishes once the collection is loaded.
  createEffect(() => {
    if (collection.state() === 'ready') void resumePendingReschedule(collection);
  });

  createEffect(() => {
    const theme = collection.settings().theme;
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  });

  // A share link (#deck=…) opens the import preview over the Decks screen; the fragment is replaced so a
  // reload does not offer the deck again.
  createEffect(() => {
    const current = route();
    if (current.name !== 'shared-deck') return;
    importFlow.offer(readShareLink(current.payload), 'the shared deck');
    replaceRoute({ name: 'decks' });
  });

  // Move focus to the new screen's content, so keyboard and screen-reader users land on it.
  createEffect((previous: Route['name'] | undefined) => {
    const name = route().name;
    if (previous !== undefined && previous !== name)
      queueMicrotask(() => document.getElementById('main')?.focus());
    return name;
  });

  return (
    <CollectionContext.Provider value={collection}>
      <ImportFlowContext.Provider value={importFlow}>
        <div class="app">
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <Show when={versionChanged() || blocked()}>
            <div class="banner" role="alert">
              <p>
                {versionChanged()
                  ? 'SarcoMet was updated in another tab. Reload to keep studying; your reviews are saved.'
                  : 'Close other SarcoMet tabs so this one can update its data.'}
              </p>
              <button type="button" class="btn btn-small" onClick={() => location.reload()}>
                Reload
              </button>
            </div>
          </Show>
          <Show when={collection.state() === 'error' && route().name !== 'home'}>
            <div class="banner" role="alert">
              <p>{collection.error()}</p>
              <button type="button" class="btn btn-small" onClick={() => void collection.load()}>
                Try again
              </button>
            </div>
          </Show>
          <Switch>
            <Match when={route().name === 'home'}>
              <HomeScreen />
            </Match>
            <Match when={route().name === 'study' && route()}>
              {(r) => <StudyScreen deckId={(r() as Extract<Route, { name: 'study' }>).deckId} />}
            </Match>
            <Match when={route().name === 'study-exam' && route()}>
              {(r) => (
                <StudyScreen deckId={null} examId={(r() as Extract<Route, { name: 'study-exam' }>).examId} />
              )}
            </Match>
            <Match when={route().name === 'exam'}>
              <ExamScreen />
            </Match>
            <Match when={route().name === 'decks'}>
              <DecksScreen />
            </Match>
            <Match when={route().name === 'deck' && route()}>
              {(r) => <DeckScreen deckId={(r() as Extract<Route, { name: 'deck' }>).deckId} />}
            </Match>
            <Match when={route().name === 'edit-note' && route()}>
              {(r) => {
                const editing = () => r() as Extract<Route, { name: 'edit-note' }>;
                return <NoteEditorScreen deckId={editing().deckId} noteId={editing().noteId} />;
              }}
            </Match>
            <Match when={route().name === 'edit-card' && route()}>
              {(r) => {
                const editing = () => r() as Extract<Route, { name: 'edit-card' }>;
                return <CardEditorScreen deckId={editing().deckId} cardId={editing().cardId} />;
              }}
            </Match>
            <Match when={route().name === 'quiz'}>
              <QuizScreen />
            </Match>
            <Match when={route().name === 'quiz-study' && route()}>
              {(r) => (
                <StudyScreen deckId={null} quizId={(r() as Extract<Route, { name: 'quiz-study' }>).quizId} />
              )}
            </Match>
            <Match when={route().name === 'settings'}>
              <SettingsScreen />
            </Match>
            <Match when={route().name === 'stats'}>
              <StatsScreen />
            </Match>
            <Match when={route().name === 'not-found'}>
              <main id="main" tabindex="-1" class="empty">
                <h1>Page not found</h1>
                <a href="#/">Go to Home</a>
              </main>
            </Match>
          </Switch>
          <Show when={route().name === 'home'}>
            <InstallHint
              mode={installPrompt.mode()}
              onInstall={() => void installPrompt.install()}
              onDismiss={installPrompt.dismiss}
            />
          </Show>
          <UpdatePrompt
            updateAvailable={serviceWorker.updateAvailable()}
            offlineReady={serviceWorker.offlineReady()}
            onReload={() => void serviceWorker.reload()}
            onDismissUpdate={serviceWorker.dismissUpdate}
            onDismissOfflineReady={serviceWorker.dismissOfflineReady}
          />
          <NavBar current={navName(route())} />
          <Show when={importFlow.phase().name !== 'idle'}>
            <ImportDialog
              phase={importFlow.phase()}
              onConfirm={(keep) => void importFlow.confirm(keep)}
              onUndo={() => void importFlow.undo()}
              onOpenDeck={(deckId) => {
                importFlow.close();
                navigate({ name: 'deck', deckId });
              }}
              onClose={importFlow.close}
            />
          </Show>
        </div>
      </ImportFlowContext.Provider>
    </CollectionContext.Provider>
  );
}
