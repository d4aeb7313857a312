import { createResource, Match, Switch } from 'solid-js';

/**
 * A QR code of `text` as SVG elements built by Solid, labelled for screen readers. qrcode is loaded when a
 * code is first shown. Text too long for a QR code gets a sentence instead.
 */
export default function QrCode(props: { text: string; label: string }) {
  const [code] = createResource(
    () => props.text,
    async (text) => (await import('../qr/qr-path')).qrPath(text),
  );
  return (
    <Switch>
      <Match when={code.error}>
        <p class="muted">The QR code could not be made. Share the link or the file.</p>
      </Match>
      <Match when={code()?.ok === false}>
        <p class="muted">Too long for a QR code; share the link or the file.</p>
      </Match>
      <Match when={code()} keyed>
        {(result) =>
          result.ok && (
            <svg
              class="qr-code"
              role="img"
              aria-label={props.label}
              viewBox={`0 0 ${result.size} ${result.size}`}
              shape-rendering="crispEdges"
            >
              <rect width={result.size} height={result.size} fill="#ffffff" />
              <path d={result.path} fill="#000000" />
            </svg>
          )
        }
      </Match>
    </Switch>
  );
}
