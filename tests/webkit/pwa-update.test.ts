/**
 * The update flow in WebKit: version 1 is installed and a review is in progress when version 2 is deployed
 * on the same origin. The app offers "Update available · Reload" without reloading by itself; the user
 * finishes the card, taps Reload, and version 2 runs with every review kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVersion, removeBuilds } from '../e2e/builds';
import { startPreview, type PreviewServer } from '../e2e/server';
import { answer, cardFront, openApp, waitForServiceWorkerControl } from './actions';
import { useSessions } from './session';
import {
  getByRole,
  getByText,
  pageErrors,
  queryAllByRole,
  readStore,
  tapRole,
  watchErrors,
  webkitPort,
  type Browser,
} from './webkit';

const V1 = 'dist-webkit-v1';
const V2 = 'dist-webkit-v2';

const session = useSessions();
let server: PreviewServer | undefined;
beforeAll(() => {
  buildVersion(V1, 'webkit-v1');
  buildVersion(V2, 'webkit-v2');
});
afterAll(async () => {
  await server?.stop();
  removeBuilds(V1, V2);
});

async function versionShown(b: Browser): Promise<string> {
  await tapRole(b, 'link', 'Settings');
  return (await getByText(b, 'Version ')).getText();
}

const notReloaded = (b: Browser) =>
  b.execute(() => (window as unknown as { notReloaded?: boolean }).notReloaded ?? null);

describe('updating to a new version in WebKit', () => {
  it('offers Reload mid-review without reloading, and keeps every review after the update', async () => {
    server = await startPreview(V1, webkitPort('update'));
    const b = await session();
    await openApp(b, server.url);
    await waitForServiceWorkerControl(b);
    expect(await versionShown(b)).toBe('Version webkit-v1');

    // One review done, the next card's answer on screen: the middle of a review.
    await openApp(b, `${server.url}#/study`, /^Show answer/);
    await answer(b, 'Good');
    await b.waitUntil(async () => (await readStore(b, 'review-logs')).length === 1);
    await tapRole(b, 'button', /^Show answer/);
    await getByRole(b, 'region', 'Answer');
    const front = await cardFront(b);
    await b.execute(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // Version 2 is deployed on the same origin; the app checks for updates (as on its hourly timer).
    await server.stop();
    server = await startPreview(V2, webkitPort('update'));
    await b.executeAsync((done: () => void) => {
      void navigator.serviceWorker
        .getRegistration()
        .then((registration) => registration?.update())
        .then(done, done);
    });
    await getByRole(b, 'button', 'Reload');
    await getByText(b, 'Update available');

    // Nothing was interrupted: same page, same card, answer still shown.
    expect(await notReloaded(b)).toBe(true);
    expect(await cardFront(b)).toBe(front);
    await getByRole(b, 'region', 'Answer');

    await tapRole(b, 'button', /^Good · /);
    await b.waitUntil(async () => (await readStore(b, 'review-logs')).length === 2, {
      timeoutMsg: 'the second review was not stored',
    });
    expect(await notReloaded(b)).toBe(true);

    await tapRole(b, 'button', 'Reload');
    await b.waitUntil(async () => (await notReloaded(b)) === null, { timeoutMsg: 'Reload did not reload' });
    await getByRole(b, 'link', 'Settings');
    await watchErrors(b);
    expect(await versionShown(b)).toBe('Version webkit-v2');
    expect(await queryAllByRole(b, 'button', 'Reload')).toHaveLength(0);
    expect(await readStore(b, 'review-logs')).toHaveLength(2);
    expect(await pageErrors(b)).toEqual([]);
  });
});
