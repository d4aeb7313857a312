import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import type { Markup } from '../../domain/deck-format';
import { loadedRenderer, loadRenderer, type Render } from '../rich-text/render';
import '../styles/rich-text.css';

/**
 * A card text. Plain text (no `markup`, as in the built-in decks) is a text node, exactly as before; Markdown
 * and HTML are rendered and sanitized (code loaded on the first such card) and inserted as nodes.
 */
export default function RichText(props: { text: string; markup?: Markup | undefined }) {
  return (
    <Show when={props.markup} fallback={props.text}>
      {(markup) => <Rendered text={props.text} markup={markup()} />}
    </Show>
  );
}

function Rendered(props: { text: string; markup: Markup }) {
  let container!: HTMLDivElement;
  const [render, setRender] = createSignal<Render>();
  // If the renderer cannot load (offline during a broken update), the text is shown as it is written.
  const [failed, setFailed] = createSignal(false);

  createEffect(() => {
    const markup = props.markup;
    const ready = loadedRenderer(markup);
    setFailed(false);
    setRender(() => ready);
    if (ready) return;
    // A load that ends after the card changed to another markup is ignored.
    let current = true;
    onCleanup(() => (current = false));
    loadRenderer(markup).then(
      (loaded) => current && setRender(() => loaded),
      () => current && setFailed(true),
    );
  });

  createEffect(() => {
    const current = render();
    // Until another markup's renderer has loaded, the previous card's text must not stay on screen.
    container.replaceChildren(...(current ? [current(props.text)] : []));
  });

  return (
    <Show when={!failed()} fallback={props.text}>
      <div ref={container} class="rich-text" aria-busy={render() ? undefined : 'true'} />
    </Show>
  );
}
