/**
 * Tells the app's other tabs (and windows, and the installed app) that the collection changed, so each
 * sees a grade, undo, suspend, bury, settings or deck update made elsewhere before its next action.
 * BroadcastChannel where the browser has it; otherwise `storage` events of a localStorage key, which every
 * browser with IndexedDB delivers to the other same-origin tabs (Safari before 15.4 has no BroadcastChannel).
 */

/** `collection`: a restore replaced the whole collection (another database is live): reload. */
export type ChangeKind = 'cards' | 'decks' | 'settings' | 'collection';

export interface TabMessage {
  kind: ChangeKind;
  /** The cards that changed, when known. */
  cardIds?: string[];
}

export interface TabChannel {
  post(message: TabMessage): void;
  /** Calls `listener` with every message another tab posts; returns a function that stops it. */
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

const STORAGE_KEY = 'sarcomet-tab-sync';

function isMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'cards' || kind === 'decks' || kind === 'settings' || kind === 'collection';
}

/** Whether this browser can use BroadcastChannel (tests pass a window without it). */
export function hasBroadcastChannel(scope: typeof globalThis = globalThis): boolean {
  return typeof scope.BroadcastChannel === 'function';
}

/** Opens the channel, through BroadcastChannel or, where it is missing, through `storage` events. */
export function makeTabChannel(name = 'sarcomet', scope: typeof globalThis = globalThis): TabChannel {
  const listeners = new Set<(message: TabMessage) => void>();
  const deliver = (data: unknown) => {
    if (!isMessage(data)) return;
    for (const listener of listeners) listener(data);
  };

  if (hasBroadcastChannel(scope)) {
    const channel = new scope.BroadcastChannel(name);
    channel.onmessage = (event: MessageEvent<unknown>) => deliver(event.data);
    return {
      post: (message) => channel.postMessage(message),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => channel.close(),
    };
  }

  const key = `${STORAGE_KEY}:${name}`;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key || !event.newValue) return;
    try {
      deliver((JSON.parse(event.newValue) as { message?: unknown }).message);
    } catch {
      // Not ours, or damaged: ignore.
    }
  };
  scope.addEventListener?.('storage', onStorage);
  let counter = 0;
  return {
    post(message) {
      try {
        // A new value every time, or the other tabs get no event; then removed, so nothing lingers.
        counter += 1;
        scope.localStorage.setItem(key, JSON.stringify({ message, n: `${Date.now()}-${counter}` }));
        scope.localStorage.removeItem(key);
      } catch {
        // localStorage unavailable (some private modes): other tabs still catch up on their next action.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => scope.removeEventListener?.('storage', onStorage),
  };
}
