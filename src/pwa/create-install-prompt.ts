/**
 * Installing the app. Chromium browsers fire `beforeinstallprompt`: the app keeps the event and offers an
 * "Install app" button. iOS Safari never does, so the app shows a one-time hint with the Share → Add to Home
 * Screen steps instead; dismissing either is remembered.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { currentPlatform, flags, needsIosInstallHint, type Flags, type PlatformInfo } from './platform';

export const INSTALL_DISMISSED_KEY = 'sarcomet.install-hint-dismissed';

/** What to offer: nothing, the browser's install prompt, or the iOS steps. */
export type InstallMode = 'none' | 'prompt' | 'ios';

/** Chromium's event (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The mode before any `beforeinstallprompt`: the iOS hint, unless installed or dismissed before. */
export function initialInstallMode(platform: PlatformInfo, store: Flags): InstallMode {
  if (store.get(INSTALL_DISMISSED_KEY)) return 'none';
  return needsIosInstallHint(platform) ? 'ios' : 'none';
}

export interface InstallPrompt {
  mode: Accessor<InstallMode>;
  /** Shows the browser's install dialog (mode 'prompt'). */
  install(): Promise<void>;
  /** Hides the offer and remembers it. */
  dismiss(): void;
}

export function createInstallPrompt(
  platform: PlatformInfo = currentPlatform(),
  store: Flags = flags,
): InstallPrompt {
  const [mode, setMode] = createSignal<InstallMode>(initialInstallMode(platform, store));
  let deferred: BeforeInstallPromptEvent | null = null;

  const onBeforeInstall = (event: Event) => {
    // Keep the mini-infobar away; the app offers its own button.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    if (!store.get(INSTALL_DISMISSED_KEY) && !platform.standalone) setMode('prompt');
  };
  const onInstalled = () => {
    deferred = null;
    setMode('none');
  };
  window.addEventListener('beforeinstallprompt', onBeforeInstall);
  window.addEventListener('appinstalled', onInstalled);
  onCleanup(() => {
    window.removeEventListener('beforeinstallprompt', onBeforeInstall);
    window.removeEventListener('appinstalled', onInstalled);
  });

  return {
    mode,
    async install() {
      const event = deferred;
      if (!event) return;
      // The event can be used once; the browser fires a new one if the user declines.
      deferred = null;
      setMode('none');
      await event.prompt();
      await event.userChoice;
    },
    dismiss() {
      store.set(INSTALL_DISMISSED_KEY, '1');
      setMode('none');
    },
  };
}
