import { Match, Switch } from 'solid-js';
import type { InstallMode } from '../../pwa/create-install-prompt';
import Icon from './Icon';

function ShareIcon() {
  return <Icon class="share-icon" d="M12 3v12M8 7l4-4 4 4M6 11H5v10h14V11h-1" />;
}

/**
 * Installing the app: an "Install app" button where the browser offers installation, or on iOS Safari (which
 * never does) the Add to Home Screen steps. Shown once; dismissing it is remembered.
 */
export default function InstallHint(props: {
  mode: InstallMode;
  onInstall: () => void;
  onDismiss: () => void;
}) {
  return (
    <Switch>
      <Match when={props.mode === 'prompt'}>
        <aside class="install-hint card-surface" aria-labelledby="install-title">
          <div class="install-row">
            <img src={`${import.meta.env.BASE_URL}icons/icon-192.png`} alt="" width="40" height="40" />
            <div>
              <h2 id="install-title">Install SarcoMet</h2>
              <p class="muted">Study from your home screen, also offline.</p>
            </div>
          </div>
          <div class="install-actions">
            <button type="button" class="btn btn-small btn-ghost" onClick={() => props.onDismiss()}>
              Not now
            </button>
            <button type="button" class="btn btn-small btn-primary" onClick={() => props.onInstall()}>
              Install app
            </button>
          </div>
        </aside>
      </Match>
      <Match when={props.mode === 'ios'}>
        <aside class="install-hint card-surface" aria-labelledby="install-title">
          <div class="install-row">
            <img src={`${import.meta.env.BASE_URL}icons/icon-192.png`} alt="" width="40" height="40" />
            <div>
              <h2 id="install-title">Add to Home Screen</h2>
              <p class="muted">Install SarcoMet to study offline and keep your reviews safe.</p>
            </div>
          </div>
          <ol class="install-steps">
            <li>
              Tap <strong>Share</strong> <ShareIcon /> in Safari's toolbar.
            </li>
            <li>
              Choose <strong>Add to Home Screen</strong>.
            </li>
            <li>
              Tap <strong>Add</strong>, then open SarcoMet from your Home Screen.
            </li>
          </ol>
          <div class="install-actions">
            <button type="button" class="btn btn-small" onClick={() => props.onDismiss()}>
              Got it
            </button>
          </div>
        </aside>
      </Match>
    </Switch>
  );
}
