/**
 * Committing a grade and undoing it. A grade is ONE transaction over `cards` and `review-logs`: either the
 * new card state and its review log are both stored, or neither is.
 */
import { withIndexKeys } from '../domain/card-record';
import type { CardRecord, ReviewLogRecord } from '../domain/types';
import { StorageError } from './errors';
import { runTransaction, type AppDatabase } from './transaction';

export interface GradeCommit {
  /** The card after the review. */
  card: CardRecord;
  /** The review; its client-generated `id` makes a retried commit harmless. */
  log: ReviewLogRecord;
}

export interface CommitResult {
  /** True when a log with this id was already stored (a retry): nothing was written this time. */
  alreadyCommitted: boolean;
}

/**
 * Stores a review: puts the card's new state and adds its log in one readwrite transaction, resolving only
 * after the transaction has committed. Retrying with the same log id writes nothing and resolves with
 * `alreadyCommitted: true`. On any failure the transaction is aborted (neither card nor log changes) and
 * the promise rejects with a `StorageError`.
 */
export async function commitGrade(db: AppDatabase, { card, log }: GradeCommit): Promise<CommitResult> {
  if (log.cardId !== card.id) {
    throw new StorageError(
      'invalid',
      `This review belongs to card "${log.cardId}", not "${card.id}"; nothing was saved.`,
    );
  }
  const record = withIndexKeys(card);
  try {
    return await runTransaction(db, ['cards', 'review-logs'], 'readwrite', async (tx) => {
      const logs = tx.objectStore('review-logs');
      // Checked inside the same transaction, so no other write can slip in between; checking first (rather
      // than letting `add` fail) keeps the transaction from aborting.
      if ((await logs.getKey(log.id)) !== undefined) return { alreadyCommitted: true };
      await tx.objectStore('cards').put(record);
      await logs.add(log);
      return { alreadyCommitted: false };
    });
  } catch (error) {
    // `add` can only fail with ConstraintError if the log id exists; the abort has undone the card put,
    // and the review is already stored.
    if (error instanceof StorageError && isConstraintError(error.cause)) return { alreadyCommitted: true };
    throw error;
  }
}

/**
 * Undoes the most recent review (of any card): restores the card record exactly as it was before that review
 * and deletes the log, in one transaction. Resolves with the restored card and the removed log, or with null
 * when there is no review to undo.
 */
export async function undoLastGrade(
  db: AppDatabase,
): Promise<{ card: CardRecord; log: ReviewLogRecord } | null> {
  return runTransaction(db, ['cards', 'review-logs'], 'readwrite', async (tx) => {
    const cursor = await tx.objectStore('review-logs').index('by-time').openCursor(null, 'prev');
    if (!cursor) return null;
    const log = cursor.value;
    await tx.objectStore('cards').put(log.previous);
    await cursor.delete();
    return { card: log.previous, log };
  });
}

function isConstraintError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConstraintError'
  );
}
