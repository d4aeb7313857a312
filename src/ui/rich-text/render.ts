/**
 * Loading what renders a card's markup, on demand: DOMPurify for HTML cards, and markdown-it too for Markdown
 * cards, each in its own chunk, so plain-text (built-in) study downloads neither.
 */
import type { Markup } from '../../domain/deck-format';

/** Renders one card text into sanitized nodes. */
export type Render = (text: string) => DocumentFragment;

const loaded = new Map<Markup, Render>();
const loading = new Map<Markup, Promise<Render>>();

async function load(markup: Markup): Promise<Render> {
  if (markup === 'html') {
    const { sanitize } = await import('./sanitize');
    return (text) => sanitize(text, 'html');
  }
  const [{ sanitize }, { markdownToHtml }] = await Promise.all([import('./sanitize'), import('./markdown')]);
  return (text) => sanitize(markdownToHtml(text), 'markdown');
}

/** The renderer of `markup` when it has loaded already, so a second card renders without waiting. */
export function loadedRenderer(markup: Markup): Render | undefined {
  return loaded.get(markup);
}

/** The renderer of `markup`, loaded once. */
export function loadRenderer(markup: Markup): Promise<Render> {
  let promise = loading.get(markup);
  if (!promise) {
    promise = load(markup).then((render) => {
      loaded.set(markup, render);
      return render;
    });
    // A failed load (offline, during a broken update) may be tried again on the next card.
    promise.catch(() => loading.delete(markup));
    loading.set(markup, promise);
  }
  return promise;
}
