import { Show } from 'solid-js';

/**
 * The service worker's messages, as a toast just below the header (fixed, so nothing shifts): "Update
 * available · Reload" when a new version waits, and "Ready to work offline" after the first install.
 * Neither takes focus: a review in progress carries on until the user chooses to reload.
 */
export default function UpdatePrompt(props: {
  updateAvailable: boolean;
  offlineReady: boolean;
  onReload: () => void;
  onDismissUpdate: () => void;
  onDismissOfflineReady: () => void;
}) {
  return (
    <div class="pwa-toasts">
      <div role="status" class="pwa-toast-slot">
        <Show when={props.updateAvailable}>
          <div class="toast pwa-toast">
            <p>Update available</p>
            <button type="button" class="btn btn-small" onClick={() => props.onReload()}>
              Reload
            </button>
            <button
              type="button"
              class="btn btn-small pwa-toast-close"
              aria-label="Later"
              onClick={() => props.onDismissUpdate()}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        </Show>
      </div>
      <div role="status" class="pwa-toast-slot">
        <Show when={props.offlineReady && !props.updateAvailable}>
          <div class="toast pwa-toast">
            <p>Ready to work offline</p>
            <button
              type="button"
              class="btn btn-small pwa-toast-close"
              aria-label="Dismiss"
              onClick={() => props.onDismissOfflineReady()}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        </Show>
      </div>
    </div>
  );
}
