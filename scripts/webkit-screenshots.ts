/**
 * Phone-size (390x844 CSS px, 1x) screenshots of every screen in WebKit (WebKitGTK's MiniBrowser under
 * Xvfb), light and dark, into docs/screenshots/webkit-*.png, to hold against the Chromium ones
 * (`npm run screenshots`). Run with `npm run screenshots:webkit`; it builds and serves the app itself
 * (SKIP_BUILD=1 reuses dist/).
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPreview } from '../tests/e2e/server';
import { answer, openApp, waitForNextCard } from '../tests/webkit/actions';
import {
  freePort,
  startWebKitDriver,
  startXvfb,
  WEBKIT_PORTS,
  type ChildService,
} from '../tests/webkit/processes';
import {
  getByRole,
  getByText,
  openSession,
  queryAllByText,
  tap,
  tapRole,
  type Browser,
} from '../tests/webkit/webkit';

const OUT = 'docs/screenshots';

async function shoot(browser: Browser, name: string) {
  // Let transitions and fonts settle, as the Chromium script does.
  await sleep(300);
  await browser.saveScreenshot(`${OUT}/webkit-${name}.png`);
  console.log(`${OUT}/webkit-${name}.png`);
}

async function screens(browser: Browser, url: string, scheme: 'light' | 'dark') {
  await openApp(browser, url);
  // The Chromium screenshots block service workers; here WebKit installs one and the app says so. Dismiss
  // it so the screens compare.
  await getByText(browser, 'Ready to work offline');
  await tapRole(browser, 'button', 'Dismiss');
  // On a first visit Home lists the decks before their counts: wait for the counts.
  await browser.$('#all-title + .counts').waitForExist();
  await shoot(browser, `home-${scheme}`);
  await tapRole(browser, 'button', /^Study all/);
  await getByRole(browser, 'button', /^Show answer/);
  await shoot(browser, `study-question-${scheme}`);
  await tapRole(browser, 'button', /^Show answer/);
  await tap(await browser.$('details.source summary').getElement());
  await shoot(browser, `study-answer-${scheme}`);
  await tapRole(browser, 'button', /^Good · /);
  await waitForNextCard(browser);
  await tapRole(browser, 'link', 'Decks');
  await getByRole(browser, 'heading', 'Decks');
  await shoot(browser, `decks-${scheme}`);
  await tap(await browser.$('.deck-list a').getElement());
  await browser.$('input[type="search"]').waitForDisplayed();
  await shoot(browser, `deck-browser-${scheme}`);
  await tapRole(browser, 'link', 'Settings');
  await getByRole(browser, 'heading', 'Settings');
  await shoot(browser, `settings-${scheme}`);
  // The end of Settings: the selects, and Storage as WebKit without the Storage API shows it.
  await getByRole(browser, 'heading', /^Storage$/i);
  await browser.execute(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await shoot(browser, `settings-storage-${scheme}`);
  // The done screen: no new cards per day and nothing due.
  await (await getByRole(browser, 'textbox', 'New cards per day')).setValue('0');
  await tapRole(browser, 'button', 'Save settings');
  await getByText(browser, 'Settings saved.');
  await browser.url(`${url}#/study`);
  await waitForNextCard(browser);
  while ((await queryAllByText(browser, 'All done for now')).length === 0) await answer(browser, 'Easy');
  await shoot(browser, `done-${scheme}`);
}

async function main() {
  if (process.env.SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const started: ChildService[] = [];
  try {
    // At 1x: with GDK_SCALE=2, WebKitGTK lays text out with glyph advances rounded at 1x and draws it at 2x,
    // which spaces letters and words unevenly, an artefact no phone shows.
    const xvfb = await startXvfb();
    started.push(xvfb);
    const driver = await startWebKitDriver(xvfb.display, await freePort(...WEBKIT_PORTS.driver));
    started.push(driver);
    const server = await startPreview('dist', WEBKIT_PORTS.screenshots);
    started.push(server);
    for (const scheme of ['light', 'dark'] as const) {
      const browser = await openSession({ driverPort: driver.port, dark: scheme === 'dark' });
      try {
        await screens(browser, server.url, scheme);
      } finally {
        await browser.deleteSession();
      }
    }
  } finally {
    for (const service of started.reverse()) await service.stop();
  }
}

await main();
