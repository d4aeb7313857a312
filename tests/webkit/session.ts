/** A fresh WebKit session for each test (a new user: empty storage), closed after the test. */
import { afterEach, inject } from 'vitest';
import { openSession, type Browser, type SessionOptions } from './webkit';

/** The production build served by the global setup. */
export const baseUrl = (): string => inject('webkitBaseUrl');

/** Registers the cleanup; returns the function that opens the test's session. */
export function useSessions(): (options?: Omit<SessionOptions, 'driverPort'>) => Promise<Browser> {
  let current: Browser | undefined;
  afterEach(async () => {
    await current?.deleteSession();
    current = undefined;
  });
  return async (options = {}) =>
    (current = await openSession({ driverPort: inject('webkitDriverPort'), ...options }));
}
