import { Show, type JSX } from 'solid-js';

/** A screen's header: an optional back button, the title (the screen's h1), and optional actions. */
export default function TopBar(props: {
  title: string;
  back?: { label: string; onBack: () => void };
  children?: JSX.Element;
}) {
  return (
    <header class="topbar">
      <Show when={props.back}>
        {(back) => (
          <button type="button" class="btn btn-small btn-ghost" onClick={() => back().onBack()}>
            <span aria-hidden="true">←</span>
            <span class="visually-hidden">{back().label}</span>
          </button>
        )}
      </Show>
      <h1>{props.title}</h1>
      {props.children}
    </header>
  );
}
