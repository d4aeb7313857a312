/**
 * Settings → Storage where WebKit lacks the Storage API. WebKitGTK turns `navigator.storage` off by default,
 * as Safari before 15.2 lacks it; MiniBrowser's feature switches also give Safari 15.2-16.x, which has
 * persist() and persisted() but not estimate() (Safari 17). In each, Settings still shows, says what it
 * can, keeps the Safari eviction warning, and studying asks for persistence only where it can.
 */
import { describe, expect, it } from 'vitest';
import { EVICTION_WARNINGS } from '../../src/pwa/storage';
import { answer, openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, queryAllByRole, tapRole, type Browser } from './webkit';

const url = baseUrl();
const openSession = useSessions();
const session = (features: string[] = []) => openSession({ features });

/** Studies one card (which asks for persistence where the API exists), then opens Settings. */
async function studyThenOpenSettings(b: Browser) {
  await openApp(b, `${url}#/study`, /^Show answer/);
  await answer(b, 'Good');
  await tapRole(b, 'link', 'Settings');
  // WebKit's accessible name follows the heading's `text-transform: uppercase`: "STORAGE".
  await getByRole(b, 'heading', /^Storage$/i);
}

const storageText = (b: Browser) => b.$('.storage-status').getText();

describe('storage where WebKit lacks the Storage API', () => {
  it('without navigator.storage (WebKitGTK, Safari before 15.2): says so, and keeps the eviction warning', async () => {
    const b = await session();
    await openApp(b, url);
    expect(await b.execute(() => typeof navigator.storage)).toBe('undefined');
    await studyThenOpenSettings(b);
    await getByText(b, 'This browser does not report how it stores data.');
    // WebKitGTK's user agent reads as desktop Safari, which deletes the data of sites unused for 7 days.
    expect(await b.execute(() => navigator.userAgent)).toMatch(/Version\/[\d.]+ Safari\//);
    await getByText(b, EVICTION_WARNINGS.safari);
    expect(await queryAllByRole(b, 'button', 'Ask the browser to keep my data')).toHaveLength(0);
    expect(await pageErrors(b)).toEqual([]);
  });

  it('with persist() but no estimate() (Safari 15.2-16.x): shows persistence, usage unknown', async () => {
    const b = await session(['StorageAPI', '-StorageAPIEstimate']);
    await openApp(b, url);
    expect(
      await b.execute(() => [typeof navigator.storage?.persist, typeof navigator.storage?.estimate]),
    ).toEqual(['function', 'undefined']);
    await studyThenOpenSettings(b);
    await b.waitUntil(async () => /Persistent storage/.test(await storageText(b)), {
      timeoutMsg: 'Settings did not show the storage state',
    });
    const text = await storageText(b);
    expect(text).toMatch(/Used\s*Unknown/);
    // The app asked for persistence after the first review, and remembered the answer.
    expect(await b.execute(() => localStorage.getItem('sarcomet.persist-requested'))).toMatch(
      /^(granted|denied)$/,
    );
    expect(await pageErrors(b)).toEqual([]);
  });
});
