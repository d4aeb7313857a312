/**
 * The built-in decks in the production build: browsing by topic, filtering by tag, the cited source on the
 * answer side, an update of a built-in deck that keeps the user's review history, and (issue 12) a newer
 * build that moves a studied fact to another deck file: the deck-sync worker applies it in one transaction,
 * and the card keeps its id, schedule and review.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckFile, DeckIndex } from '../../src/domain/deck-format';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../../src/domain/types';
import { baseUrl, launch, phoneContext, readStore, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, baseUrl()));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Opens Home and waits until the decks are imported (on a first visit they are listed before that). */
async function home(page: Page) {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: /^Study all/ }).waitFor();
  await page.locator('#all-title + .counts').waitFor();
}

/** Studies the first card of the epidemiology deck (Good); returns the deck file and the card as stored. */
async function studyFirstEpidemiologyCard(page: Page): Promise<{ epi: DeckFile; studied: CardRecord }> {
  const epi = await fetchJson<DeckFile>('decks/epidemiology.json');
  await page.getByRole('button', { name: `Study ${epi.title}` }).tap();
  await page.getByRole('button', { name: /^Show answer/ }).tap();
  const front = await page.locator('#card-front').innerText();
  await page.getByRole('button', { name: /^Good/ }).tap();
  await expect.poll(async () => (await readStore<ReviewLogRecord>(page, 'review-logs')).length).toBe(1);
  const studied = (await readStore<CardRecord>(page, 'cards')).find((c) => c.front === front)!;
  expect(studied).toMatchObject({ deckId: 'epidemiology', fsrs: { reps: 1 } });
  return { epi, studied };
}

describe('built-in decks', () => {
  it('are all loaded on first run, with every card of every deck file', async () => {
    const index = await fetchJson<DeckIndex>('decks/index.json');
    expect(index.decks.length).toBeGreaterThanOrEqual(7);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    // The import runs in a worker, off the main thread, while Home lists the decks from the index.
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // Once "Study all" is on screen, Home must never fall back to its "Preparing your decks" placeholder.
    await page.addInitScript(() => {
      const w = window as unknown as { __flashed: boolean; __listed: boolean };
      w.__flashed = false;
      w.__listed = false;
      new MutationObserver(() => {
        const text = document.querySelector('main')?.textContent ?? '';
        if (text.includes('Study all')) w.__listed = true;
        else if (w.__listed && text.includes('Preparing your decks')) w.__flashed = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await home(page);
    expect(workers.some((url) => /deck-sync\.worker/.test(url))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __flashed: boolean }).__flashed)).toBe(false);
    const decks = await readStore<DeckRecord>(page, 'decks');
    expect(decks.map((d) => d.id).sort()).toEqual(index.decks.map((d) => d.id).sort());
    const cards = await readStore<CardRecord>(page, 'cards');
    expect(cards).toHaveLength(index.decks.reduce((sum, d) => sum + d.cardCount, 0));
    // Home lists the decks in the review's order.
    const titles = await page.locator('.deck-list h3').allInnerTexts();
    expect(titles).toEqual(index.decks.map((d) => d.title));
    await context.close();
  });

  it('can be browsed by topic and filtered by tag and text', async () => {
    const index = await fetchJson<DeckIndex>('decks/index.json');
    const biology = await fetchJson<DeckFile>('decks/biology.json');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await home(page);
    await page.getByRole('link', { name: 'Decks' }).tap();
    for (const topic of new Set(index.decks.map((d) => d.topic))) {
      await page.getByRole('heading', { name: topic, exact: true }).waitFor();
    }
    await page.getByRole('link', { name: biology.title }).tap();
    await page.getByText(`${biology.cards.length} of ${biology.cards.length} cards`).waitFor();

    const tagged = biology.cards.filter((c) => c.tags.includes('vegf-a'));
    expect(tagged.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'vegf-a', exact: true }).tap();
    await page.getByText(`${tagged.length} of ${biology.cards.length} cards`).waitFor();
    expect(await page.getByRole('button', { name: 'vegf-a', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const shown = await page.locator('.card-list .q').allInnerTexts();
    expect(shown.sort()).toEqual(tagged.map((c) => c.front).sort());

    await page.getByRole('button', { name: 'All', exact: true }).tap();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('PDGFR');
    const matching = biology.cards.filter((c) => `${c.front} ${c.back}`.toLowerCase().includes('pdgfr'));
    await page.getByText(`${matching.length} of ${biology.cards.length} cards`).waitFor();
    expect(matching.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the source of a card on the answer side: section, excerpt and references', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await home(page);
    await page.getByRole('button', { name: /^Study all/ }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    const front = await page.locator('#card-front').innerText();
    const card = (await readStore<CardRecord>(page, 'cards')).find((c) => c.front === front);
    expect(card?.source).toBeDefined();
    const source = card!.source!;
    const summary = page.locator('details.source summary');
    await expect.poll(() => summary.innerText()).toContain(`Source: ${source.section}`);
    const quote = page.locator('details.source blockquote');
    expect(await quote.isVisible()).toBe(false);
    await summary.tap();
    await expect.poll(() => quote.isVisible()).toBe(true);
    expect(await quote.innerText()).toBe(`“${source.quote}”`);
    if (source.refs.length > 0) {
      expect(await page.locator('details.source p').innerText()).toContain(source.refs.join(', '));
    }
    await context.close();
  });

  it('updates a built-in deck from a newer build, keeping review history and adding new cards as new', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await home(page);
    const { epi, studied } = await studyFirstEpidemiologyCard(page);

    // A newer build: the studied card is corrected, one card is added and the last one removed.
    const index = await fetchJson<DeckIndex>('decks/index.json');
    const removed = epi.cards[epi.cards.length - 1]!;
    const next: DeckFile = {
      ...epi,
      cards: [
        ...epi.cards
          .filter((c) => c.id !== removed.id)
          .map((c) => (c.id === studied.id ? { ...c, back: `${c.back} (corrected)` } : c)),
        {
          ...epi.cards[0]!,
          id: 'epi-added-in-v2:qa',
          factId: 'epi-added-in-v2',
          front: 'A question added in v2?',
        },
      ],
    };
    const nextIndex: DeckIndex = {
      ...index,
      decks: index.decks.map((d) =>
        d.id === 'epidemiology' ? { ...d, hash: 'feedfacecafe0002', cardCount: next.cards.length } : d,
      ),
    };
    const json = (body: unknown) => (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    await page.route('**/decks/index.json', json(nextIndex));
    await page.route('**/decks/epidemiology.json', json(next));
    await page.reload();
    await page.getByRole('link', { name: 'Home' }).tap();
    await page.getByRole('button', { name: /^Study all/ }).waitFor();

    await expect
      .poll(
        async () => (await readStore<DeckRecord>(page, 'decks')).find((d) => d.id === 'epidemiology')?.hash,
      )
      .toBe('feedfacecafe0002');
    const cards = await readStore<CardRecord>(page, 'cards');
    const updated = cards.find((c) => c.id === studied.id)!;
    expect(updated.back).toBe(`${studied.back} (corrected)`);
    expect(updated.fsrs.reps).toBe(1);
    expect(new Date(updated.fsrs.due).getTime()).toBe(new Date(studied.fsrs.due).getTime());
    const added = cards.find((c) => c.id === 'epi-added-in-v2:qa')!;
    expect(added.fsrs.reps).toBe(0);
    expect(added.fsrs.state).toBe(0);
    expect(cards.find((c) => c.id === removed.id)).toBeUndefined();
    expect(await readStore<ReviewLogRecord>(page, 'review-logs')).toHaveLength(1);
    await context.close();
  });

  it('moves a studied fact to a new deck file, keeping its cards’ ids, schedules and reviews (issue 12)', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await home(page);
    const { epi, studied } = await studyFirstEpidemiologyCard(page);
    const before = await readStore<CardRecord>(page, 'cards');

    // A newer build: the studied card's fact (all its cards) moves to a new deck, "Extra details".
    const index = await fetchJson<DeckIndex>('decks/index.json');
    const moving = epi.cards.filter((c) => c.factId === studied.factId);
    const rest: DeckFile = { ...epi, cards: epi.cards.filter((c) => c.factId !== studied.factId) };
    const extra: DeckFile = {
      ...epi,
      id: 'extra',
      title: 'Extra details',
      description: 'Details beyond the core facts.',
      cards: moving,
    };
    const nextIndex: DeckIndex = {
      ...index,
      decks: [
        ...index.decks.map((d) =>
          d.id === 'epidemiology' ? { ...d, hash: 'feedfacecafe0002', cardCount: rest.cards.length } : d,
        ),
        {
          id: 'extra',
          title: extra.title,
          topic: extra.topic,
          file: 'extra.json',
          hash: 'feedfacecafe0003',
          cardCount: moving.length,
        },
      ],
    };
    const json = (body: unknown) => (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    await page.route('**/decks/index.json', json(nextIndex));
    await page.route('**/decks/epidemiology.json', json(rest));
    await page.route('**/decks/extra.json', json(extra));
    await page.reload();
    await page.getByRole('link', { name: 'Home' }).tap();

    // The learner sees the new deck on Home once the update is in.
    await page.getByRole('button', { name: 'Study Extra details' }).waitFor();
    const decks = await readStore<DeckRecord>(page, 'decks');
    expect(decks.find((d) => d.id === 'extra')).toMatchObject({ builtIn: true, cardCount: moving.length });
    expect(decks.find((d) => d.id === 'epidemiology')).toMatchObject({
      hash: 'feedfacecafe0002',
      cardCount: rest.cards.length,
    });

    const after = await readStore<CardRecord>(page, 'cards');
    // Nothing duplicated or lost: the same card ids as before, each once.
    expect(after.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    const moved = after.find((c) => c.id === studied.id)!;
    expect(moved.deckId).toBe('extra');
    expect(moved.fsrs).toEqual(studied.fsrs);
    for (const card of moving) expect(after.find((c) => c.id === card.id)?.deckId).toBe('extra');
    const logs = await readStore<ReviewLogRecord>(page, 'review-logs');
    expect(logs.map((log) => log.cardId)).toEqual([studied.id]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
