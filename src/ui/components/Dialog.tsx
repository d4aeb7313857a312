import { createEffect, onCleanup, type JSX } from 'solid-js';

/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, makes the page behind inert and
 * closes it on Escape (which calls `onClose`). Focus returns to where it was when it closes.
 */
export default function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
  /** Set while work is in progress: Escape does nothing. */
  busy?: boolean;
}) {
  let dialog: HTMLDialogElement | undefined;
  let returnFocus: Element | null = null;
  const titleId = `dialog-${Math.random().toString(36).slice(2, 9)}`;

  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    } else if (!props.open && dialog.open) {
      dialog.close();
      if (returnFocus instanceof HTMLElement) returnFocus.focus();
    }
  });
  onCleanup(() => dialog?.open && dialog.close());

  return (
    <dialog
      ref={dialog}
      class="dialog card-surface"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!props.busy) props.onClose();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
