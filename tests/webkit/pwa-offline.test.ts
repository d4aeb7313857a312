/**
 * Offline first in WebKit: after one visit WebKit's service worker has the app cached; with the preview
 * server stopped (the origin unreachable) the app starts, studies and stores every review, and keeps them
 * when the network is back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/types';
import { startPreview, type PreviewServer } from '../e2e/server';
import { answer, openApp, waitForServiceWorkerControl } from './actions';
import { useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tapRole, watchErrors, webkitPort } from './webkit';

const session = useSessions();
let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('offline in WebKit', () => {
  it('starts, studies and stores reviews with the server stopped, and keeps them when it is back', async () => {
    server = await startPreview('dist', webkitPort('offline'));
    const b = await session();
    await openApp(b, server.url);
    // WebKit installed the service worker and precached the app: the app says so.
    await getByText(b, 'Ready to work offline');
    await waitForServiceWorkerControl(b);

    await server.stop();
    expect(
      await b.executeAsync((done: (result: string) => void) => {
        fetch('/decks/index.json?bypass').then(
          () => done('online'),
          () => done('offline'),
        );
      }),
    ).toBe('offline');
    await b.refresh();
    await getByRole(b, 'button', /^Study all/);
    await watchErrors(b);
    expect(await b.execute(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await tapRole(b, 'button', /^Study all/);
    for (const grade of ['Good', 'Again', 'Easy'] as const) await answer(b, grade);
    const offline = await readStore<ReviewLogRecord>(b, 'review-logs');
    expect(offline.map((l) => l.grade).sort()).toEqual([1, 3, 4]);
    expect(await pageErrors(b)).toEqual([]);

    server = await startPreview('dist', webkitPort('offline'));
    await openApp(b, server.url);
    await getByText(b, '3 answers so far today');
    const online = await readStore<ReviewLogRecord>(b, 'review-logs');
    expect(online.map((l) => l.id).sort()).toEqual(offline.map((l) => l.id).sort());
    expect(await pageErrors(b)).toEqual([]);
  });
});
