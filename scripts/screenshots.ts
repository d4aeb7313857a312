/**
 * Takes phone-size (390x844) screenshots of every screen of the production build, in light and dark
 * themes, into docs/screenshots/. Run with `npm run screenshots` (it builds and serves the app itself).
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, phoneContext } from '../tests/e2e/browser-launch';
import { startPreview } from '../tests/e2e/server';

const OUT = 'docs/screenshots';

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

async function main() {
  if (process.env.SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const server = await startPreview('dist', 4192);
  const browser = await launch();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await phoneContext(browser, { colorScheme: scheme });
      await context.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: /^Study all/ }).waitFor();
      await page.locator('#all-title + .counts').waitFor();
      await shoot(page, `home-${scheme}`);
      await page.getByRole('button', { name: /^Study all/ }).click();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      await shoot(page, `study-question-${scheme}`);
      await page.getByRole('button', { name: /^Show answer/ }).click();
      await page.locator('details.source summary').click();
      await shoot(page, `study-answer-${scheme}`);
      await page.getByRole('button', { name: /^Good/ }).click();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      await page.getByRole('link', { name: 'Decks' }).click();
      await page.getByRole('heading', { name: 'Decks' }).waitFor();
      await shoot(page, `decks-${scheme}`);
      await page.locator('.deck-list a').first().click();
      await page.getByRole('searchbox').waitFor();
      await shoot(page, `deck-browser-${scheme}`);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await shoot(page, `settings-${scheme}`);
      // The done screen: no new cards per day and nothing due.
      await page.getByLabel('New cards per day').fill('0');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
      await page.goto(`${server.url}#/study`);
      const done = page.getByText(/All done for now/);
      const show = page.getByRole('button', { name: /^Show answer/ });
      while (!(await done.isVisible())) {
        await show.or(done).first().waitFor();
        if (await show.isVisible()) {
          await show.click();
          await page.getByRole('button', { name: /^Easy/ }).click();
          await page.waitForTimeout(100);
        }
      }
      await shoot(page, `done-${scheme}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
