import { describe, expect, it, vi } from 'vitest';
import { hasBroadcastChannel, makeTabChannel, type TabMessage } from '../../src/state/tab-sync';

/**
 * Two windows of one origin without BroadcastChannel (Safari before 15.4): they share localStorage, and a
 * write in one fires a `storage` event in the other only, as browsers do.
 */
function windowsWithoutBroadcastChannel(count: number): (typeof globalThis)[] {
  const data = new Map<string, string>();
  const listeners = Array.from({ length: count }, () => new Set<(event: StorageEvent) => void>());
  return listeners.map((own, index) => {
    const localStorage = {
      setItem(key: string, value: string) {
        data.set(key, value);
        listeners.forEach((others, i) => {
          if (i === index) return;
          for (const listener of others) listener({ key, newValue: value } as StorageEvent);
        });
      },
      removeItem(key: string) {
        data.delete(key);
        listeners.forEach((others, i) => {
          if (i === index) return;
          for (const listener of others) listener({ key, newValue: null } as StorageEvent);
        });
      },
    };
    return {
      localStorage,
      addEventListener: (_type: string, listener: (event: StorageEvent) => void) => own.add(listener),
      removeEventListener: (_type: string, listener: (event: StorageEvent) => void) => own.delete(listener),
    } as unknown as typeof globalThis;
  });
}

describe('makeTabChannel', () => {
  it('tells the other tabs through BroadcastChannel, not the tab that posted', async () => {
    expect(hasBroadcastChannel()).toBe(true);
    const a = makeTabChannel('test-bc');
    const b = makeTabChannel('test-bc');
    const heardByA = vi.fn();
    const heardByB = vi.fn();
    a.subscribe(heardByA);
    b.subscribe(heardByB);
    a.post({ kind: 'cards', cardIds: ['c1'] });
    await vi.waitFor(() => expect(heardByB).toHaveBeenCalledWith({ kind: 'cards', cardIds: ['c1'] }));
    expect(heardByA).not.toHaveBeenCalled();
    a.close();
    b.close();
  });

  it('falls back to storage events where BroadcastChannel is missing (Safari before 15.4)', () => {
    const [first, second, third] = windowsWithoutBroadcastChannel(3);
    expect(hasBroadcastChannel(first)).toBe(false);
    const a = makeTabChannel('test-fallback', first);
    const b = makeTabChannel('test-fallback', second);
    const c = makeTabChannel('test-fallback', third);
    const heard: [string, TabMessage][] = [];
    a.subscribe((m) => heard.push(['a', m]));
    b.subscribe((m) => heard.push(['b', m]));
    const stop = c.subscribe((m) => heard.push(['c', m]));
    a.post({ kind: 'decks' });
    a.post({ kind: 'decks' });
    stop();
    b.post({ kind: 'settings' });
    expect(heard).toEqual([
      ['b', { kind: 'decks' }],
      ['c', { kind: 'decks' }],
      ['b', { kind: 'decks' }],
      ['c', { kind: 'decks' }],
      ['a', { kind: 'settings' }],
    ]);
  });

  it('ignores storage events that are not its messages', () => {
    const [first, second] = windowsWithoutBroadcastChannel(2);
    const b = makeTabChannel('test-foreign', second);
    const heard = vi.fn();
    b.subscribe(heard);
    first!.localStorage.setItem('sarcomet-tab-sync:test-foreign', 'not json');
    first!.localStorage.setItem(
      'sarcomet-tab-sync:test-foreign',
      JSON.stringify({ message: { kind: 'evil' } }),
    );
    first!.localStorage.setItem('other-key', JSON.stringify({ message: { kind: 'cards' } }));
    expect(heard).not.toHaveBeenCalled();
  });
});
