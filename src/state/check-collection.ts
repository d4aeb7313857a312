/**
 * "Check collection", as Anki's Check Database: every card's scheduling state is checked against the replay
 * of its review logs (`verifyCollection`), a batch of cards at a time.
 */
import { makeScheduler } from '../domain/scheduler';
import type { Settings } from '../domain/types';
import { verifyCollection, type CollectionProblem } from '../domain/verify';
import { forEachCardBatch } from '../storage/collection-check';
import type { AppDatabase } from '../storage/transaction';

export interface CheckResult {
  cards: number;
  logs: number;
  /** The problems found, with the card's question where the card is stored. */
  problems: (CollectionProblem & { front?: string })[];
}

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
    const fronts = new Map(cards.map((card) => [card.id, card.front]));
    result.cards += report.cards;
    result.logs += report.logs;
    for (const problem of report.problems) {
      const front = fronts.get(problem.cardId);
      result.problems.push(front === undefined ? problem : { ...problem, front });
    }
    onProgress(result.cards);
  });
  return result;
}
