/** What a user does in the browser tests, written once: answering a card, waiting for offline support. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { phoneContext, watchErrors } from './browser';

export type GradeName = 'Again' | 'Hard' | 'Good' | 'Easy';

/**
 * Answers the current card by touch: shows the answer, checks the grade button shows its interval
 * ("Good · 10m"), taps it, and waits until the app has moved on. Returns the card's front.
 */
export async function answer(page: Page, grade: GradeName): Promise<string> {
  await page.getByRole('button', { name: /^Show answer/ }).tap();
  const front = await page.locator('#card-front').innerText();
  const button = page.getByRole('button', { name: new RegExp(`^${grade}`) });
  await expect
    .poll(() => button.innerText())
    .toMatch(new RegExp(`${grade}\\s*·\\s*\\d+(\\.\\d)?(m|h|d|mo|y)`));
  await button.tap();
  await page
    .getByRole('button', { name: /^Show answer/ })
    .or(page.getByText('All done for now'))
    .or(page.getByText("Today's plan is done"))
    .first()
    .waitFor();
  return front;
}

/** Waits until the service worker controls the page (the first visit needs one reload for that). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * Opens the app at `url` on a phone with service workers allowed, waits for Home and for the service worker
 * to control the page. Returns the context, the page and the page's collected errors.
 */
export async function openControlledApp(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await phoneContext(browser, { serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.getByRole('button', { name: /^Study all/ }).waitFor();
  await waitForServiceWorkerControl(page);
  return { context, page, errors };
}
