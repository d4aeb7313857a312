/** The messages between the app and the deck-sync worker: plain data, since errors lose their class in a clone. */
import type { DeckIndex } from '../domain/deck-format';
import type { SyncSummary } from '../storage/builtin-sync';
import { StorageError, type StorageErrorKind } from '../storage/errors';

export interface SyncRequest {
  index: DeckIndex;
  /** Epoch ms: the time new cards are added at. */
  now: number;
}

export interface TransportSummary extends Omit<SyncSummary, 'failed'> {
  failed: { deckId: string; kind: StorageErrorKind; message: string }[];
}

export type SyncResponse = { ok: true; summary: TransportSummary } | { ok: false; message: string };

export function toTransport(summary: SyncSummary): TransportSummary {
  return {
    ...summary,
    failed: summary.failed.map((f) => ({ deckId: f.deckId, kind: f.error.kind, message: f.error.message })),
  };
}

export function fromTransport(summary: TransportSummary): SyncSummary {
  return {
    ...summary,
    failed: summary.failed.map((f) => ({ deckId: f.deckId, error: new StorageError(f.kind, f.message) })),
  };
}
