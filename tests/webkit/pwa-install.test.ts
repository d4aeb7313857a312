/**
 * Installing in WebKit: Safari never fires `beforeinstallprompt`, so the app never offers "Install app"
 * there; on an iPhone it shows the Add to Home Screen steps instead, once.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { IPHONE_SAFARI } from '../e2e/browser-launch';
import { openApp } from './actions';
import { getByRole, openSession, queryAllByRole, tapRole, type Browser } from './webkit';

const url = inject('webkitBaseUrl');
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.deleteSession();
  browser = undefined;
});

describe('install in WebKit', () => {
  it('has no beforeinstallprompt; on an iPhone the Add to Home Screen steps show once', async () => {
    const b = (browser = await openSession({
      driverPort: inject('webkitDriverPort'),
      userAgent: IPHONE_SAFARI,
    }));
    await openApp(b, url);
    expect(await b.execute(() => [navigator.userAgent, 'onbeforeinstallprompt' in window])).toEqual([
      IPHONE_SAFARI,
      false,
    ]);
    const hint = await getByRole(b, 'complementary', 'Add to Home Screen');
    const steps = await hint.$$('li').map((li) => li.getText());
    expect(steps[0]).toMatch(/Tap Share/);
    expect(steps[1]).toMatch(/Add to Home Screen/);
    expect(await queryAllByRole(b, 'button', 'Install app')).toHaveLength(0);

    await tapRole(b, 'button', 'Got it');
    await b.waitUntil(
      async () => (await queryAllByRole(b, 'complementary', 'Add to Home Screen')).length === 0,
      {
        timeoutMsg: 'the hint did not go away',
      },
    );
    await b.refresh();
    await getByRole(b, 'button', /^Study all/);
    expect(await queryAllByRole(b, 'complementary', 'Add to Home Screen')).toHaveLength(0);
  });
});
