/**
 * What a user does in WebKit, written once for the tests and the screenshots: opening the app, answering a
 * card, waiting for offline support.
 */
import {
  getByRole,
  queryAllByRole,
  queryAllByText,
  tap,
  tapRole,
  TIMEOUT,
  watchErrors,
  type Browser,
} from './webkit';

export type GradeName = 'Again' | 'Hard' | 'Good' | 'Easy';

/** Opens `url` and waits for the button that shows the screen is ready (Home's "Study all" by default). */
export async function openApp(browser: Browser, url: string, ready: RegExp = /^Study all/): Promise<void> {
  await browser.url(url);
  await getByRole(browser, 'button', ready);
  await watchErrors(browser);
}

/** The text of the card on screen (its front). */
export async function cardFront(browser: Browser): Promise<string> {
  return browser.$('#card-front').getText();
}

/** Waits until the study screen shows the next card's question, or the end of the session. */
export async function waitForNextCard(browser: Browser): Promise<void> {
  await browser.waitUntil(
    async () =>
      (await queryAllByRole(browser, 'button', /^Show answer/)).length === 1 ||
      (await queryAllByText(browser, 'All done for now')).length > 0,
    { timeout: TIMEOUT, interval: 100, timeoutMsg: 'neither the next card nor "All done for now" appeared' },
  );
}

/**
 * Answers the current card: shows the answer, checks the grade button shows its interval ("Good · 10m"),
 * clicks it, and waits until the app has moved on. Returns the card's front.
 */
export async function answer(browser: Browser, grade: GradeName): Promise<string> {
  await tapRole(browser, 'button', /^Show answer/);
  const button = await getByRole(browser, 'button', new RegExp(`^${grade} · \\d+(\\.\\d)?(m|h|d|mo|y)$`));
  const front = await cardFront(browser);
  await tap(button);
  await waitForNextCard(browser);
  return front;
}

/** Waits until the service worker controls the page (the first visit needs one reload for that). */
export async function waitForServiceWorkerControl(browser: Browser): Promise<void> {
  await browser.executeAsync((done: () => void) => {
    void navigator.serviceWorker.ready.then(() => done());
  });
  const controlled = () => browser.execute(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    await browser.refresh();
    await getByRole(browser, 'button', /^Study all/);
    await watchErrors(browser);
  }
  await browser.waitUntil(controlled, {
    timeout: TIMEOUT,
    timeoutMsg: 'no service worker controls the page',
  });
}

/**
 * On a first visit "Ready to work offline" shows below the header for a few seconds, over whatever is there:
 * dismisses it if it shows within `wait` ms (it may also have come and gone already).
 */
export async function dismissOfflineToast(browser: Browser, wait = 10_000): Promise<void> {
  const end = Date.now() + wait;
  while (Date.now() < end) {
    const [button] = await queryAllByRole(browser, 'button', 'Dismiss');
    if (button) {
      try {
        await tap(button);
      } catch {
        // It went away by itself between the look and the tap.
      }
      return;
    }
    await browser.pause(200);
  }
}

/**
 * Taps the button with text `name` in the open modal `<dialog>`: WebKitGTK's WebDriver computes no accessible
 * names in the top layer, so `tapRole` cannot find it there.
 */
export async function tapDialogButton(browser: Browser, name: string): Promise<void> {
  const button = await browser.$('dialog[open]').$(`button=${name}`).getElement();
  await button.waitForDisplayed();
  await tap(button);
}
