/**
 * Installing in WebKit: Safari never fires `beforeinstallprompt`, so the app never offers "Install app"
 * there; on an iPhone it shows the Add to Home Screen steps instead, once.
 */
import { describe, expect, it } from 'vitest';
import { IPHONE_SAFARI } from '../e2e/browser-launch';
import { openApp } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, queryAllByRole, tapRole } from './webkit';

const url = baseUrl();
const session = useSessions();

describe('install in WebKit', () => {
  it('has no beforeinstallprompt; on an iPhone the Add to Home Screen steps show once', async () => {
    const b = await session({ userAgent: IPHONE_SAFARI });
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
