/**
 * Committing a grade and undoing this session's actions. A grade is ONE transaction over `cards` and
 * `review-logs`: either the new card state and its review log are both stored, or neither is.
 *
 * Another tab, or a deck update, may have changed the card since it was shown. So every write reads the
 * stored card inside its transaction, checks that it still holds the state the action started from, and
 * writes only the scheduling fields onto it: it never puts back a whole (possibly stale) copy of the card.
 */
import { sameSchedule, withIndexKeys } from '../domain/card-record';
import { becomesLeech, isLeech, markLeech } from '../domain/leech';
import { unpackSchedule } from '../domain/review-log';
import { LEECH_TAG, type CardRecord, type FsrsCard, type ReviewLogRecord } from '../domain/types';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

export interface GradeCommit {
  /** The card after the review; only its id and `fsrs` are written. */
  card: Pick<CardRecord, 'id' | 'fsrs'>;
  /** The review; `prev` is the scheduling state the grade started from, `id` makes a retry harmless. */
  log: ReviewLogRecord;
  /**
   * The lapses at which the card becomes a leech (the setting). A grade that reaches it tags the card
   * "leech" and suspends it in the same transaction. Absent: no leech check.
   */
  leechThreshold?: number;
}

/** A grade made its card a leech; `tagged` when the grade added the tag (it had none before). */
export interface LeechMark {
  tagged: boolean;
}

export type CommitResult =
  /** Stored: the card's new scheduling state and the log; with `leech` when the grade made it a leech. */
  | { status: 'committed'; card: CardRecord; leech?: LeechMark }
  /** A log with this id was already stored (a retry): nothing was written this time. */
  | { status: 'duplicate' }
  /** The card's scheduling state changed since the grade began (another tab): nothing was written. */
  | { status: 'stale'; card: CardRecord }
  /** The card no longer exists (a deck update removed it): nothing was written. */
  | { status: 'gone' };

/**
 * Stores a review: in one readwrite transaction, reads the stored card, and only if it still holds the
 * scheduling state the grade started from (`log.prev`), writes the new scheduling state onto it and
 * adds the log. Resolves after the transaction has committed. On any failure the transaction is aborted
 * (neither card nor log changes) and the promise rejects with a `StorageError`.
 */
export async function commitGrade(
  db: AppDatabase,
  { card, log, leechThreshold }: GradeCommit,
): Promise<CommitResult> {
  if (log.cardId !== card.id) {
    throw new StorageError(
      'invalid',
      `This review belongs to card "${log.cardId}", not "${card.id}"; nothing was saved.`,
    );
  }
  try {
    return await runTransaction(db, ['cards', 'review-logs'], 'readwrite', async (tx) => {
      const logs = tx.objectStore('review-logs');
      const cards = tx.objectStore('cards');
      // Checked inside the same transaction, so no other write can slip in between; checking first (rather
      // than letting `add` fail) keeps the transaction from aborting.
      const [existingLog, stored] = await Promise.all([logs.getKey(log.id), cards.get(card.id)]);
      if (existingLog !== undefined) return { status: 'duplicate' } as const;
      if (!stored) return { status: 'gone' } as const;
      if (!sameSchedule(stored.fsrs, unpackSchedule(log.prev)))
        return { status: 'stale', card: stored } as const;
      // Decided from the stored card already read here: a leech costs the grade no extra read.
      const leech =
        leechThreshold !== undefined && becomesLeech(stored.fsrs.lapses, card.fsrs.lapses, leechThreshold);
      const graded = { ...stored, fsrs: card.fsrs };
      const next = withIndexKeys(leech ? markLeech(graded) : graded);
      // `add` first: it throws at once on a log that cannot be stored, before the card's put is queued.
      const added = logs.add(log);
      await Promise.all([cards.put(next), added]);
      return leech
        ? ({ status: 'committed', card: next, leech: { tagged: !isLeech(stored) } } as const)
        : ({ status: 'committed', card: next } as const);
    });
  } catch (error) {
    // `add` can only fail with ConstraintError if the log id exists; the abort has undone the card put,
    // and the review is already stored.
    if (error instanceof StorageError && isConstraintError(error.cause)) return { status: 'duplicate' };
    throw error;
  }
}

/** One action of a study session that Undo can revert, with the card's state before and after it. */
export type UndoableAction =
  | {
      kind: 'grade';
      cardId: string;
      logId: string;
      before: FsrsCard;
      after: FsrsCard;
      /** Set when the grade made the card a leech: undo also unsuspends it and removes a tag it added. */
      leech?: LeechMark;
    }
  | { kind: 'bury'; cardId: string; before: number; after: number }
  | { kind: 'suspend'; cardId: string; before: boolean; after: boolean };

export type UndoResult =
  | { status: 'undone'; card: CardRecord }
  /** The card is gone, or no longer holds the action's result (changed elsewhere): nothing was changed. */
  | { status: 'conflict'; card?: CardRecord };

/**
 * Reverts one action in one transaction: restores only the field the action changed (the scheduling state,
 * the bury or the suspension), and only if the card still holds the action's result; a grade's log is
 * deleted with it. Anything else about the card (its content, a suspension made since) is kept.
 */
export async function undoAction(db: AppDatabase, action: UndoableAction): Promise<UndoResult> {
  return runTransaction(db, ['cards', 'review-logs'], 'readwrite', async (tx) => {
    const cards = tx.objectStore('cards');
    const card = await cards.get(action.cardId);
    if (!card) return { status: 'conflict' } as const;
    let next: CardRecord;
    switch (action.kind) {
      case 'grade':
        if (!sameSchedule(card.fsrs, action.after)) return { status: 'conflict', card } as const;
        next = { ...card, fsrs: action.before };
        if (action.leech) {
          next.suspended = false;
          if (action.leech.tagged) next.tags = card.tags.filter((tag) => tag !== LEECH_TAG);
        }
        await tx.objectStore('review-logs').delete(action.logId);
        break;
      case 'bury':
        if (card.buriedUntil !== action.after) return { status: 'conflict', card } as const;
        next = { ...card, buriedUntil: action.before };
        break;
      case 'suspend':
        if (card.suspended !== action.after) return { status: 'conflict', card } as const;
        next = { ...card, suspended: action.before };
        break;
    }
    next = withIndexKeys(next);
    await cards.put(next);
    return { status: 'undone', card: next } as const;
  });
}

function isConstraintError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConstraintError'
  );
}
