/** "Info" in the card browser: one card as it is stored now, with its review history (domain/card-history). */
import { cardHistory, type HistoryEntry } from '../domain/card-history';
import { makeScheduler } from '../domain/scheduler';
import type { CardRecord } from '../domain/types';
import { getCard } from '../storage/card-store';
import { logsOfCard } from '../storage/review-log-store';
import { timeZone } from './clock';
import type { Collection } from './create-collection';

export interface CardInfo {
  card: CardRecord;
  /** Its reviews, oldest first. */
  history: HistoryEntry[];
}

/** The card and its history; undefined when the card is no longer there. */
export async function loadCardInfo(collection: Collection, cardId: string): Promise<CardInfo | undefined> {
  const db = await collection.db();
  const [card, logs] = await Promise.all([getCard(db, cardId), logsOfCard(db, cardId)]);
  if (!card) return undefined;
  // Only a review just before a reset needs the scheduler (see cardHistory); the settings are today's.
  const settings = collection.settings();
  const scheduler = makeScheduler({ ...settings, timeZone: timeZone() });
  return { card, history: cardHistory(card, logs, scheduler, settings.parameters) };
}
