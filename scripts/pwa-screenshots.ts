/**
 * Phone-size (390x844) screenshots of the PWA pieces, light and dark, into docs/screenshots/: the update
 * prompt mid-review (a real update: two builds served one after the other on the same port), the iOS Add to
 * Home Screen hint, the "Install app" offer and Settings → Storage. Run with `npm run screenshots`.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { IPHONE_SAFARI, launch, phoneContext } from '../tests/e2e/browser-launch';
import { startPreview, type PreviewServer } from '../tests/e2e/server';

const OUT = 'docs/screenshots';
const PORT = 4186;

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

function build(outDir: string, id: string) {
  execSync(`node node_modules/vite/bin/vite.js build --outDir ${outDir} --emptyOutDir --logLevel warn`, {
    stdio: 'inherit',
    env: { ...process.env, SARCOMET_BUILD_ID: id },
  });
}

async function updatePrompt(browser: Browser, scheme: 'light' | 'dark') {
  let server: PreviewServer = await startPreview('dist-shot-v1', PORT);
  try {
    const context = await phoneContext(browser, { colorScheme: scheme, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${server.url}#/study`);
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    await server.stop();
    server = await startPreview('dist-shot-v2', PORT);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByRole('button', { name: 'Reload' }).waitFor({ timeout: 30_000 });
    await shoot(page, `pwa-update-prompt-${scheme}`);
    await context.close();
  } finally {
    await server.stop();
  }
}

async function main() {
  if (process.env.SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'inherit' });
  build('dist-shot-v1', 'shot-v1');
  build('dist-shot-v2', 'shot-v2');
  mkdirSync(OUT, { recursive: true });
  const browser = await launch();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await updatePrompt(browser, scheme);
      const server = await startPreview('dist', PORT);
      try {
        const first = await phoneContext(browser, { colorScheme: scheme, serviceWorkers: 'allow' });
        const page = await first.newPage();
        await page.goto(server.url);
        await page
          .getByRole('status')
          .filter({ hasText: 'Ready to work offline' })
          .waitFor({ timeout: 30_000 });
        await shoot(page, `pwa-offline-ready-${scheme}`);
        await page.getByRole('button', { name: 'Dismiss' }).tap();
        // A string, not a function: tsx's transform would add helpers the page does not have.
        await page.evaluate(`window.dispatchEvent(Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: () => Promise.resolve(),
          userChoice: Promise.resolve({ outcome: 'dismissed' }),
        }))`);
        await page.getByRole('button', { name: 'Install app' }).waitFor();
        await page.getByRole('button', { name: /^Study all/ }).waitFor();
        await shoot(page, `pwa-install-prompt-${scheme}`);
        await page.getByRole('link', { name: 'Settings' }).tap();
        await page.getByText(/^Used/).waitFor();
        await page.getByRole('heading', { name: 'Storage' }).scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await shoot(page, `pwa-settings-storage-${scheme}`);
        await first.close();

        const ios = await browser.newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          userAgent: IPHONE_SAFARI,
          colorScheme: scheme,
        });
        const iphone = await ios.newPage();
        await iphone.goto(server.url);
        await iphone.getByRole('heading', { name: 'Add to Home Screen' }).waitFor();
        await iphone.getByRole('button', { name: /^Study all/ }).waitFor();
        await shoot(iphone, `pwa-ios-hint-${scheme}`);
        await iphone.getByRole('link', { name: 'Settings' }).tap();
        await iphone.getByText(/^Used/).waitFor();
        await iphone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await shoot(iphone, `pwa-settings-storage-safari-${scheme}`);
        await ios.close();
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    for (const dir of ['dist-shot-v1', 'dist-shot-v2']) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
