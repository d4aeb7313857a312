/**
 * The app's one database connection, and the signals the UI shows when the browser takes it away.
 */
import { createSignal } from 'solid-js';
import { makeDbConnection } from '../storage/db';
import { liveDbName } from '../storage/live-db';

const [versionChanged, setVersionChanged] = createSignal(false);
const [blocked, setBlocked] = createSignal(false);

/** Set when another tab opened a newer version: this tab has closed its connection and must reload. */
export { versionChanged, blocked };

// The live database is looked up on every open: a restore in this or another tab can change it.
const raw = makeDbConnection(liveDbName, {
  onVersionChange: () => setVersionChanged(true),
  onBlocked: () => setBlocked(true),
  // The connection reopens itself on next use; nothing to show the user.
  onTerminated: () => undefined,
});

/** The connection; once an open succeeds, the "close other tabs" banner has done its job and goes. */
export const connection: typeof raw = {
  async get() {
    const db = await raw.get();
    if (blocked()) setBlocked(false);
    return db;
  },
  close: () => raw.close(),
};
