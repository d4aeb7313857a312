/**
 * Offline first: after one visit the service worker has cached the app shell, the built-in decks and the
 * icons; with the network off and the server gone the app starts, studies and stores every review.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/types';
import { launch, phoneContext, readStore } from './browser';
import { answer, openControlledApp } from './actions';
import { startPreview, type PreviewServer } from './server';

const PORT = 4183;

let browser: Browser;
let server: PreviewServer | undefined;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('offline', () => {
  it('precaches the app shell, every built-in deck and the icons on the first visit', async () => {
    server = await startPreview('dist', PORT);
    const context = await phoneContext(browser, { serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({ timeout: 30_000 });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) {
          urls.push(new URL(request.url).pathname);
        }
      }
      return urls;
    });
    const index = (await (await fetch(`${server.url}decks/index.json`)).json()) as {
      decks: { file?: string; id: string }[];
    };
    const deckFiles = cached.filter((u) => /^\/decks\/.+\.json$/.test(u));
    expect(deckFiles).toContain('/decks/index.json');
    expect(deckFiles.length).toBe(index.decks.length + 1);
    for (const path of [
      '/index.html',
      '/manifest.webmanifest',
      '/icons/icon-192.png',
      '/icons/icon-512.png',
      '/icons/icon-maskable-512.png',
      '/icons/apple-touch-icon.png',
      '/icons/icon.svg',
    ])
      expect(cached).toContain(path);
    expect(cached.filter((u) => /^\/assets\/index-.+\.js$/.test(u))).toHaveLength(1);
    expect(cached.filter((u) => /^\/assets\/index-.+\.css$/.test(u))).toHaveLength(1);
    await context.close();
    await server.stop();
  });

  it('starts, studies and stores reviews with the network off and the server stopped', async () => {
    server = await startPreview('dist', PORT);
    const { context, page, errors } = await openControlledApp(browser, server.url);

    await server.stop();
    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/decks/index.json?bypass').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await page.reload();
    await page.getByRole('button', { name: /^Study all/ }).tap();
    for (const grade of ['Good', 'Again', 'Easy'] as const) await answer(page, grade);
    const offline = await readStore<ReviewLogRecord>(page, 'review-logs');
    expect(offline.map((l) => l.grade).sort()).toEqual([1, 3, 4]);

    // A quiz runs offline too: its screens and the quiz code come from the cache.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).tap();
    await page.getByRole('radio', { name: '10', exact: true }).check();
    for (const type of ['True or false', 'Typed answer'])
      await page.getByRole('checkbox', { name: type }).uncheck();
    await page.getByRole('button', { name: 'Start quiz' }).tap();
    for (let i = 0; i < 10; i += 1) {
      await page.getByRole('heading', { name: `Question ${i + 1} of 10` }).waitFor();
      await page.getByRole('group').getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Check' }).tap();
      await page.getByRole('button', { name: i === 9 ? 'Finish' : 'Next' }).tap();
    }
    await page.getByRole('heading', { name: 'Score' }).waitFor();
    expect(await readStore(page, 'quizzes')).toHaveLength(1);

    server = await startPreview('dist', PORT);
    await context.setOffline(false);
    await page.goto(server.url);
    await page.getByText('3 answers so far today').waitFor();
    const online = await readStore<ReviewLogRecord>(page, 'review-logs');
    expect(online.map((l) => l.id).sort()).toEqual(offline.map((l) => l.id).sort());
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  });
});
