/**
 * Keeping the collection on the device: asking the browser to make storage persistent (once, after the first
 * review, when the user has shown they use the app) and describing the storage state for Settings.
 */
import { flags, isSafari, type Flags, type PlatformInfo } from './platform';

export const PERSIST_KEY = 'sarcomet.persist-requested';

/**
 * The part of `navigator.storage` the app uses. Any method may be missing: Safari 15.2-16.x has `persist()`
 * and `persisted()` but no `estimate()` (Safari 17), and Safari before 15.2, WebKitGTK (which turns the
 * Storage API off), some webviews and insecure contexts have no `navigator.storage` at all.
 */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function storageApi(): StorageApi | undefined {
  // Missing in old browsers, some webviews and insecure contexts, whatever the DOM types say.
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageApi | undefined);
}

let requested: Promise<boolean> | null = null;

/**
 * Asks the browser once (ever) to keep the app's storage. Chromium decides silently (granted for installed or
 * often-used sites); Firefox asks the user, which is why it is not repeated. Resolves with whether storage is
 * persistent; never rejects.
 */
export function requestPersistentStorage(
  api: StorageApi | undefined = storageApi(),
  store: Flags = flags,
): Promise<boolean> {
  requested ??= (async () => {
    if (typeof api?.persist !== 'function') return false;
    try {
      if (typeof api.persisted === 'function' && (await api.persisted())) return true;
      if (store.get(PERSIST_KEY)) return false;
      const granted = await api.persist();
      store.set(PERSIST_KEY, granted ? 'granted' : 'denied');
      return granted;
    } catch {
      return false;
    }
  })();
  return requested;
}

/** Forgets the in-memory "already asked" (tests). */
export function resetPersistRequest(): void {
  requested = null;
}

/** Asks again because the user tapped a button in Settings. */
export async function askPersistentStorage(
  api: StorageApi | undefined = storageApi(),
  store: Flags = flags,
): Promise<boolean> {
  if (typeof api?.persist !== 'function') return false;
  try {
    const granted = await api.persist();
    store.set(PERSIST_KEY, granted ? 'granted' : 'denied');
    return granted;
  } catch {
    return false;
  }
}

export interface StorageInfo {
  /** False when the browser does not say whether storage is persistent (no `persisted()`). */
  supported: boolean;
  /** The browser can be asked to keep the data (`persist()`). */
  canPersist: boolean;
  persisted: boolean;
  /** Bytes used and available to the app, if the browser tells (`estimate()`, Safari 17+). */
  usage: number | null;
  quota: number | null;
  /** Why the data may be deleted by the browser, or null. */
  warning: string | null;
}

export const EVICTION_WARNINGS = {
  safari:
    'Safari may delete the data of a website you have not opened for 7 days. Add SarcoMet to your Home Screen to keep your reviews.',
  denied:
    'The browser did not agree to keep your data: it may delete your reviews when the device runs low on space. Installing the app helps.',
} as const;

/** The warning to show, if the browser may evict the collection. */
export function evictionWarning(
  persisted: boolean,
  platform: PlatformInfo,
  persistAnswer: string | null,
): string | null {
  if (persisted) return null;
  if (isSafari(platform) && !platform.standalone) return EVICTION_WARNINGS.safari;
  if (persistAnswer === 'denied') return EVICTION_WARNINGS.denied;
  return null;
}

/**
 * Reads persistence and usage for Settings, with whatever part of the Storage API the browser has. Never
 * rejects. Without the API the eviction risk is still reported: Safari before 15.2 deletes unused data all
 * the same.
 */
export async function readStorageInfo(
  platform: PlatformInfo,
  api: StorageApi | undefined = storageApi(),
  store: Flags = flags,
): Promise<StorageInfo> {
  const unknown: StorageEstimate = {};
  const [persisted, estimate] = await Promise.all([
    typeof api?.persisted === 'function' ? api.persisted().catch(() => false) : false,
    typeof api?.estimate === 'function' ? api.estimate().catch(() => unknown) : unknown,
  ]);
  return {
    supported: typeof api?.persisted === 'function',
    canPersist: typeof api?.persist === 'function',
    persisted,
    usage: estimate.usage ?? null,
    quota: estimate.quota ?? null,
    warning: evictionWarning(persisted, platform, store.get(PERSIST_KEY)),
  };
}

/** "0 B", "950 B", "12 KB", "3.4 MB", "1.2 GB" (powers of 1000, as operating systems show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (Math.round(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
