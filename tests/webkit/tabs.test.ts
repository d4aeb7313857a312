/**
 * Two tabs in WebKit: when another tab (a newer app version) upgrades the database, WebKit's `versionchange`
 * reaches this tab, which closes its connection so the upgrade is not blocked, and asks for a reload.
 */
import { describe, expect, it } from 'vitest';
import { answer, cardFront, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, readStore } from './webkit';

const url = baseUrl();
const session = useSessions();

describe('tabs in WebKit', () => {
  it('closes its connection and asks for a reload when another tab opens a newer database version', async () => {
    const b = await session();
    await openApp(b, url);
    const app = await b.getWindowHandle();
    const other = await b.createWindow('tab');
    await b.switchToWindow(other.handle);
    await b.url(`${url}icons/icon.svg`);
    // This only succeeds if the app's tab lets go of its connection.
    const upgraded = await b.executeAsync((done: (result: string) => void) => {
      const request = indexedDB.open('sarcomet', 99);
      request.onupgradeneeded = () => undefined;
      request.onsuccess = () => {
        const version = request.result.version;
        request.result.close();
        done(String(version));
      };
      request.onerror = () => done(`error: ${String(request.error)}`);
      request.onblocked = () => done('blocked: the app kept its connection open');
    });
    expect(upgraded).toBe('99');
    await b.switchToWindow(app);
    await getByText(b, 'updated in another tab');
    await getByRole(b, 'button', 'Reload');
  });

  it('without BroadcastChannel (Safari before 15.4), a grade in one tab still reaches the other at once', async () => {
    const b = await session({ features: ['-BroadcastChannel'] });
    await openApp(b, `${url}#/study/epidemiology`, /^Show answer/);
    expect(await b.execute(() => typeof BroadcastChannel)).toBe('undefined');
    const first = await b.getWindowHandle();
    const second = (await b.createWindow('tab')).handle;
    await b.switchToWindow(second);
    await openApp(b, `${url}#/study/epidemiology`, /^Show answer/);
    const shared = await cardFront(b);

    // The second tab answers the card both show; the first moves off it without being touched.
    const graded = await answer(b, 'Good');
    expect(graded).toBe(shared);
    const next = await cardFront(b);
    await b.switchToWindow(first);
    await b.waitUntil(async () => (await cardFront(b)) === next, {
      timeoutMsg: 'the first tab still shows the card the second one answered',
    });
    await getByText(b, 'another tab');

    // And back: the first tab answers, the second follows.
    const graded2 = await answer(b, 'Easy');
    const after = await cardFront(b);
    await b.switchToWindow(second);
    await b.waitUntil(async () => (await cardFront(b)) === after, {
      timeoutMsg: 'the second tab still shows the card the first one answered',
    });
    const logs = await readStore<{ cardId: string; grade: number }>(b, 'review-logs');
    expect(logs.map((l) => l.grade).sort()).toEqual([3, 4]);
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(2);
    expect(graded2).not.toBe(graded);
  });
});
