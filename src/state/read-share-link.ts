/** Opening a share link: its payload read into an import candidate, the codec loaded only then. */
import type { ImportCandidate } from '../domain/import-candidate';

/** The deck a share link's payload (after `#deck=`) carries; rejects with a sentence for the learner. */
export async function readShareLink(payload: string): Promise<ImportCandidate> {
  const { decodeSharePayload } = await import('../domain/share-link');
  const result = decodeSharePayload(payload);
  if (!result.ok) throw new Error(result.error);
  return result.candidate;
}
