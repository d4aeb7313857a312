/**
 * Issue 12 in the production build: a learner who has studied receives a newer build whose facts moved to
 * another deck file (a new, optional deck). The deck-sync worker applies it in one transaction: the studied
 * card changes deck and keeps its id, schedule and review, and no card is duplicated or lost.
 */
import type { Browser, Route } from 'playwright-core';
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

describe('reorganised built-in decks', () => {
  it('move a studied fact to a new deck, keeping its cards’ ids, schedules and reviews', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^Study all/ }).waitFor();
    await page.locator('#all-title + .counts').waitFor();

    // Study the first card of the epidemiology deck.
    const epi = await fetchJson<DeckFile>('decks/epidemiology.json');
    await page.getByRole('button', { name: `Study ${epi.title}` }).tap();
    await page.getByRole('button', { name: /^Show answer/ }).tap();
    const front = await page.locator('#card-front').innerText();
    await page.getByRole('button', { name: /^Good/ }).tap();
    await expect.poll(async () => (await readStore<ReviewLogRecord>(page, 'review-logs')).length).toBe(1);
    const before = await readStore<CardRecord>(page, 'cards');
    const studied = before.find((c) => c.front === front)!;
    expect(studied).toMatchObject({ deckId: 'epidemiology', fsrs: { reps: 1 } });

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
