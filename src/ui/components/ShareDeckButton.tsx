import { createSignal, lazy, Show, Suspense } from 'solid-js';

// The dialog, the link codec and its compression load when the learner first taps Share.
const ShareDialog = lazy(() => import('./ShareDialog'));

/** "Share" for a deck: opens the share dialog, and gives focus back to the button when it closes. */
export default function ShareDeckButton(props: { deckId: string }) {
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  return (
    <>
      <button
        ref={button}
        type="button"
        class="btn btn-small"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Share
      </button>
      <Show when={open()}>
        <Suspense>
          <ShareDialog
            deckId={props.deckId}
            onClose={() => {
              setOpen(false);
              button?.focus();
            }}
          />
        </Suspense>
      </Show>
    </>
  );
}
