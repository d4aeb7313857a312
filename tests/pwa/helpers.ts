import type { Flags } from '../../src/pwa/platform';

/** An in-memory stand-in for the app's localStorage flags. */
export function memoryFlags(initial: Record<string, string> = {}): Flags {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
  };
}
