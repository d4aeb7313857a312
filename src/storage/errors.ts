/**
 * Storage errors the UI can show as they are: every failure of this layer becomes a `StorageError` whose
 * `kind` says what happened and whose message says what the user can do about it.
 */

export type StorageErrorKind = 'quota' | 'unavailable' | 'aborted' | 'version' | 'invalid';

/** Messages a user can act on, one per kind (`invalid` carries its own). */
export const STORAGE_MESSAGES: Record<StorageErrorKind, string> = {
  quota: 'Your device is out of storage space. Free some space, then try again — nothing was saved.',
  unavailable:
    'Storage is not available right now (private browsing or browser settings may block it). Reload the app; if it keeps happening, allow this site to store data.',
  aborted: 'Saving was interrupted, so nothing was saved. Please try again.',
  version: 'SarcoMet was updated in another tab. Reload this page to continue.',
  invalid: 'The data is not valid, so nothing was saved.',
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;
  /** For `invalid`: the individual problems (e.g. from deck validation), already in `message`. */
  readonly details: readonly string[];

  constructor(
    kind: StorageErrorKind,
    message?: string,
    options?: { cause?: unknown; details?: readonly string[] },
  ) {
    super(
      message ?? STORAGE_MESSAGES[kind],
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.kind = kind;
    this.details = options?.details ?? [];
  }
}

/** Maps a DOMException name (or other error) to the kind of storage failure it means. */
export function storageErrorKind(error: unknown): StorageErrorKind {
  const name = isNamed(error) ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return 'quota';
    case 'AbortError':
    case 'TransactionInactiveError':
      return 'aborted';
    case 'VersionError':
      return 'version';
    case 'ConstraintError':
    case 'DataError':
    case 'DataCloneError':
      return 'invalid';
    default:
      // InvalidStateError (connection closed or closing), UnknownError (disk/backing store failure),
      // NotFoundError (store missing) and anything unexpected: storage cannot be used as it is.
      return 'unavailable';
  }
}

/** Wraps any error thrown by IndexedDB (or idb) in a `StorageError`; a `StorageError` passes through. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const kind = storageErrorKind(error);
  const message =
    kind === 'invalid' ? `${STORAGE_MESSAGES.invalid} (${describe(error)})` : STORAGE_MESSAGES[kind];
  return new StorageError(kind, message, { cause: error });
}

function isNamed(value: unknown): value is { name: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
