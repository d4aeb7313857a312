/**
 * The stored truth after a browser test: every card's state must equal the replay of its logs through the
 * scheduler (verifyCollection), and no review may be stored twice.
 */
import type { Page } from 'playwright-core';
import { makeScheduler } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, type CardRecord, type ReviewLogRecord } from '../../src/domain/types';
import { verifyCollection, type CollectionReport } from '../../src/domain/verify';
import { readStore } from './browser';

/** The browser tests run in UTC with the default scheduling settings. */
const scheduler = makeScheduler({ ...DEFAULT_SETTINGS, timeZone: 'UTC' });

export interface StoredCheck extends CollectionReport {
  /** Reviews stored twice: two logs of one card that start from the same state. */
  doubled: number;
  logsByCard: Map<string, ReviewLogRecord[]>;
}

export async function checkStoredCollection(page: Page): Promise<StoredCheck> {
  const [cards, logs] = await Promise.all([
    readStore<CardRecord>(page, 'cards'),
    readStore<ReviewLogRecord>(page, 'review-logs'),
  ]);
  const report = verifyCollection(cards, logs, scheduler);
  const logsByCard = new Map<string, ReviewLogRecord[]>();
  const starts = new Set<string>();
  let doubled = 0;
  for (const log of logs) {
    const list = logsByCard.get(log.cardId) ?? [];
    list.push(log);
    logsByCard.set(log.cardId, list);
    const start = `${log.cardId}|${log.prev.join(',')}`;
    if (starts.has(start)) doubled += 1;
    starts.add(start);
  }
  return { ...report, doubled, logsByCard };
}
