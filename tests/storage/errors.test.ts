import { describe, expect, it } from 'vitest';
import {
  StorageError,
  storageErrorKind,
  toStorageError,
  type StorageErrorKind,
} from '../../src/storage/errors';

describe('toStorageError', () => {
  const cases: [string, StorageErrorKind, RegExp][] = [
    ['QuotaExceededError', 'quota', /out of storage space.*nothing was saved/],
    ['InvalidStateError', 'unavailable', /Reload the app/],
    ['UnknownError', 'unavailable', /Reload the app/],
    ['AbortError', 'aborted', /nothing was saved/],
    ['TransactionInactiveError', 'aborted', /try again/],
    ['VersionError', 'version', /Reload this page/],
    ['ConstraintError', 'invalid', /not valid/],
    ['DataCloneError', 'invalid', /not valid/],
  ];
  it.each(cases)('maps %s to %s with a message a user can act on', (name, kind, message) => {
    const cause = new DOMException('raw browser message', name);
    const error = toStorageError(cause);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.cause).toBe(cause);
  });

  it('passes a StorageError through and treats anything else as unavailable', () => {
    const original = new StorageError('invalid', 'Bad deck.');
    expect(toStorageError(original)).toBe(original);
    expect(storageErrorKind(new TypeError('x'))).toBe('unavailable');
    expect(storageErrorKind(undefined)).toBe('unavailable');
  });
});
