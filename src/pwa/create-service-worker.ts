/**
 * Registers the service worker (vite-plugin-pwa, `registerType: 'prompt'`) and exposes what the UI shows:
 * "Ready to work offline" after the first install, and "Update available" when a new version waits.
 * The page never reloads by itself: a waiting version takes over only when the user taps Reload, so a review
 * in progress is never interrupted.
 */
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';

/** How often an open app checks for a new version (also on returning to the tab). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** How long "Ready to work offline" stays on screen. */
const OFFLINE_READY_MS = 8000;

export interface ServiceWorkerState {
  /** A new version is installed and waits for the user to reload. */
  updateAvailable: Accessor<boolean>;
  /** The app was cached for offline use for the first time. */
  offlineReady: Accessor<boolean>;
  /** Hands control to the waiting version, then reloads. */
  reload(): Promise<void>;
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

export function createServiceWorker(): ServiceWorkerState {
  let registration: ServiceWorkerRegistration | undefined;
  let reloadRequested = false;

  const {
    needRefresh: [updateAvailable, setUpdateAvailable],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    // Register after the page's load event, so precaching does not compete with the first start.
    immediate: false,
    onRegisteredSW(_url, r) {
      registration = r;
    },
    // A new worker took control of this page. That happens after our own Reload, but also when the user
    // tapped Reload in another tab: then this tab keeps running (mid-review) and keeps offering the reload.
    onNeedReload() {
      if (reloadRequested) location.reload();
      else setUpdateAvailable(true);
    },
    onRegisterError() {
      // No service worker (e.g. blocked by the browser): the app still works online, without the prompts.
    },
  });

  // "Ready to work offline" only informs: it goes away by itself, so it does not keep covering the
  // actions below the header (Add card, Study) on the first visit.
  createEffect(() => {
    if (!offlineReady()) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_MS);
    onCleanup(() => clearTimeout(timer));
  });

  const check = () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine || !registration) return;
    registration.update().catch(() => undefined);
  };
  const timer = setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', check);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
  });

  return {
    updateAvailable,
    offlineReady,
    async reload() {
      reloadRequested = true;
      // If another tab already activated the new version there is nothing waiting: just reload.
      if (registration?.waiting) await updateServiceWorker(true);
      else location.reload();
    },
    dismissUpdate: () => setUpdateAvailable(false),
    dismissOfflineReady: () => setOfflineReady(false),
  };
}
