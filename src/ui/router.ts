/**
 * A small hash router: routes are few and flat, and hash URLs work from the service worker's cached
 * index.html without any server rewrite.
 */
import { createSignal, onCleanup } from 'solid-js';

/**
 * How a share link's fragment starts; the same as `SHARE_HASH_PREFIX` of src/domain/share-link.ts, kept
 * here so the first screen does not load the codec (tests/ui/router.test.ts checks they agree).
 */
const SHARE_HASH_PREFIX = '#deck=';

export type Route =
  | { name: 'home' }
  | { name: 'study'; deckId: string | null }
  /** Studying today's plan of an exam (issue 11). */
  | { name: 'study-exam'; examId: string }
  | { name: 'exam' }
  | { name: 'decks' }
  | { name: 'deck'; deckId: string }
  /** The card editor: a new note (`noteId` null) or an existing one. */
  | { name: 'edit-note'; deckId: string; noteId: string | null }
  /** Editing the text of an imported card, which has no editor note. */
  | { name: 'edit-card'; deckId: string; cardId: string }
  | { name: 'settings' }
  /** Statistics of the reviews and cards (issue 13). */
  | { name: 'stats' }
  /** Quiz mode: setup, questions and results. */
  | { name: 'quiz' }
  /** A focused study session of the cards a finished quiz missed. */
  | { name: 'quiz-study'; quizId: string }
  /** A share link: `#deck=<payload>`, the deck itself in the fragment (src/domain/share-link.ts). */
  | { name: 'shared-deck'; payload: string }
  | { name: 'not-found'; path: string };

/** Parses a location hash such as "#/study/biology". */
export function parseRoute(hash: string): Route {
  if (hash.startsWith(SHARE_HASH_PREFIX))
    return { name: 'shared-deck', payload: hash.slice(SHARE_HASH_PREFIX.length) };
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'study' && second === 'exam' && parts[2] && parts.length === 3) {
    return { name: 'study-exam', examId: parts[2] };
  }
  if (first === 'study' && parts.length <= 2) return { name: 'study', deckId: second ?? null };
  if (first === 'exam' && parts.length === 1) return { name: 'exam' };
  if (first === 'decks' && parts.length === 1) return { name: 'decks' };
  if (first === 'decks' && second && parts.length === 2) return { name: 'deck', deckId: second };
  if (first === 'decks' && second && parts[2] === 'new' && parts.length === 3) {
    return { name: 'edit-note', deckId: second, noteId: null };
  }
  if (first === 'decks' && second && parts[2] === 'notes' && parts[3] && parts.length === 4) {
    return { name: 'edit-note', deckId: second, noteId: parts[3] };
  }
  if (first === 'decks' && second && parts[2] === 'cards' && parts[3] && parts.length === 4) {
    return { name: 'edit-card', deckId: second, cardId: parts[3] };
  }
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  if (first === 'stats' && parts.length === 1) return { name: 'stats' };
  if (first === 'quiz' && parts.length === 1) return { name: 'quiz' };
  if (first === 'quiz' && second && parts[2] === 'study' && parts.length === 3)
    return { name: 'quiz-study', quizId: second };
  return { name: 'not-found', path };
}

/** The href of a route. */
export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'study':
      return route.deckId ? `#/study/${encodeURIComponent(route.deckId)}` : '#/study';
    case 'study-exam':
      return `#/study/exam/${encodeURIComponent(route.examId)}`;
    case 'exam':
      return '#/exam';
    case 'decks':
      return '#/decks';
    case 'deck':
      return `#/decks/${encodeURIComponent(route.deckId)}`;
    case 'edit-note':
      return route.noteId
        ? `#/decks/${encodeURIComponent(route.deckId)}/notes/${encodeURIComponent(route.noteId)}`
        : `#/decks/${encodeURIComponent(route.deckId)}/new`;
    case 'edit-card':
      return `#/decks/${encodeURIComponent(route.deckId)}/cards/${encodeURIComponent(route.cardId)}`;
    case 'settings':
      return '#/settings';
    case 'stats':
      return '#/stats';
    case 'quiz':
      return '#/quiz';
    case 'quiz-study':
      return `#/quiz/${encodeURIComponent(route.quizId)}/study`;
    case 'shared-deck':
      return `${SHARE_HASH_PREFIX}${route.payload}`;
    case 'not-found':
      return '#/';
  }
}

/** The current route as a signal that follows `hashchange`. */
export function createRoute() {
  const [route, setRoute] = createSignal<Route>(parseRoute(location.hash));
  const onChange = () => setRoute(parseRoute(location.hash));
  window.addEventListener('hashchange', onChange);
  onCleanup(() => window.removeEventListener('hashchange', onChange));
  return route;
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

/**
 * Shows `route` in place of the current history entry, adding none: after a share link has been read, a
 * reload or Back must not offer the deck again.
 */
export function replaceRoute(route: Route): void {
  history.replaceState(history.state, '', href(route));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
