/**
 * Two tabs in WebKit: when another tab (a newer app version) upgrades the database, WebKit's `versionchange`
 * reaches this tab, which closes its connection so the upgrade is not blocked, and asks for a reload.
 */
import { describe, expect, it } from 'vitest';
import { openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText } from './webkit';

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
});
