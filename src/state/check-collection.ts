/**
 * "Check collection", as Anki's Check Database: every card's scheduling state is checked against the replay
 * of its review logs (`verifyCollection`), a batch of cards at a time.
 */
import { makeScheduler } from '../domain/scheduler';
import type { FsrsCard, Settings } from '../domain/types';
import { replayReviews, verifyCollection, type CollectionProblem } from '../domain/verify';
import { forEachCardBatch, repairCards } from '../storage/collection-check';
import type { AppDatabase } from '../storage/transaction';

export interface CheckResult {
  cards: number;
  logs: number;
  /** The problems found, with the card's question and its scheduling state where the card is stored. */
  problems: CheckProblem[];
}

export type CheckProblem = CollectionProblem & { front?: string; stored?: FsrsCard };

/** Cards read per transaction: enough to be quick, few enough never to hold much in memory. */
const BATCH = 2000;

/** Checks the whole collection with the scheduler of `settings` in `timeZone`; reports progress per batch. */
export async function checkCollection(
  db: AppDatabase,
  settings: Settings,
  timeZone: string,
  onProgress: (checkedCards: number) => void = () => undefined,
): Promise<CheckResult> {
  const scheduler = makeScheduler({ ...settings, timeZone });
  const result: CheckResult = { cards: 0, logs: 0, problems: [] };
  await forEachCardBatch(db, BATCH, ({ cards, logs }) => {
    const report = verifyCollection(cards, logs, scheduler);
    const byId = new Map(cards.map((card) => [card.id, card]));
    result.cards += report.cards;
    result.logs += report.logs;
    for (const problem of report.problems) {
      const card = byId.get(problem.cardId);
      result.problems.push(
        card === undefined ? problem : { ...problem, front: card.front, stored: card.fsrs },
      );
    }
    onProgress(result.cards);
  });
  return result;
}

/**
 * Repairs the cards a check found, from their review logs, with the scheduler of `settings` (one
 * transaction). A card with no reviews, or changed since the check, is left as it is. Resolves with how
 * many cards were repaired.
 */
export async function repairCollection(
  db: AppDatabase,
  settings: Settings,
  timeZone: string,
  problems: readonly CheckProblem[],
): Promise<number> {
  const scheduler = makeScheduler({ ...settings, timeZone });
  // A card named more than once is repaired once.
  const requests = new Map(
    problems.map((problem) => [
      problem.cardId,
      { cardId: problem.cardId, ...(problem.stored ? { checked: problem.stored } : {}) },
    ]),
  );
  const repaired = await repairCards(db, [...requests.values()], (card, logs) =>
    replayReviews(card, logs, scheduler),
  );
  return repaired.length;
}
