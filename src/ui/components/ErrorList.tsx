import { For, Show } from 'solid-js';

/** What is wrong, one line each, in an alert region (announced when it appears); nothing when empty. */
export default function ErrorList(props: { errors: string[] }) {
  return (
    <Show when={props.errors.length > 0}>
      <div role="alert" class="banner">
        <For each={props.errors}>{(error) => <p>{error}</p>}</For>
      </div>
    </Show>
  );
}
