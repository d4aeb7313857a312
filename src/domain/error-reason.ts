/** What went wrong, for a message the learner reads: an Error's message, or the thrown value as text. */
export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
