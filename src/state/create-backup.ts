/**
 * Settings → Backup: backing up the collection to a file, restoring one (after showing what it holds and
 * asking), and bringing back a collection a restore replaced. Loaded with the Settings screen only.
 */
import { createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import type { BackupHeader } from '../storage/backup-records';
import { backupStream, markBackedUp, streamToBlob } from '../storage/backup';
import { readPointer, type RestorePoint } from '../storage/live-db';
import { getMeta, LAST_BACKUP_KEY } from '../storage/meta-store';
import { bringBackRestorePoint, readBackupSummary, restoreBackup } from '../storage/restore';
import { now } from './clock';
import type { Collection } from './create-collection';
import { downloadBlob } from './download';

export type BackupTask = 'backup' | 'reading' | 'restore' | 'bring-back';

export interface PendingRestore {
  file: File;
  header: BackupHeader;
}

export interface BackupState {
  /** What is running, if anything. */
  busy: Accessor<BackupTask | null>;
  /** The share done of what is running, 0 to 1, when known. */
  progress: Accessor<number | null>;
  /** A line for a `role="status"` element: progress, or what was done. */
  status: Accessor<string>;
  /** Why the last action failed, for a `role="alert"` element; empty when it did not. */
  error: Accessor<string>;
  /** A backup file read and waiting for the learner's "Replace my collection". */
  pending: Accessor<PendingRestore | null>;
  /** Epoch ms of the last backup of this collection; null when never. */
  lastBackup: Accessor<number | null | undefined>;
  restorePoints: Resource<RestorePoint[]>;
  backUp(): Promise<void>;
  /** Reads what `file` holds and asks to confirm, or says why it cannot be restored. */
  choose(file: File): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
  bringBack(point: RestorePoint): Promise<void>;
}

/** The File System Access API's save picker (Chromium on desktop), described as much as we use it. */
interface SavePickerWindow {
  showSaveFilePicker?(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ name: string; createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

/** "5 January 2026, 09:00" in the learner's language. */
export function formatWhen(time: number | Date): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

const message = (error: unknown) =>
  error instanceof Error ? error.message : 'Something went wrong. Reload the app and try again.';

export function createBackup(collection: Collection): BackupState {
  const [busy, setBusy] = createSignal<BackupTask | null>(null);
  const [progress, setProgress] = createSignal<number | null>(null);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal('');
  const [pending, setPending] = createSignal<PendingRestore | null>(null);
  const [lastBackup, { refetch: refetchLast }] = createResource(async () => {
    const value = await getMeta(await collection.db(), LAST_BACKUP_KEY);
    return typeof value === 'number' ? value : null;
  });
  const [restorePoints] = createResource(async () => (await readPointer()).restorePoints);

  /** Runs `task`, showing `label` and its progress; a failure goes to `error`. */
  const run = async (task: BackupTask, label: string, body: () => Promise<string | null>) => {
    setBusy(task);
    setError('');
    setProgress(0);
    setStatus(label);
    try {
      const done = await body();
      if (done !== null) setStatus(done);
    } catch (err) {
      setStatus('');
      setError(message(err));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const backUp = () =>
    run('backup', 'Backing up…', async () => {
      const at = now();
      const name = `sarcomet-${at.toISOString().slice(0, 10)}.sarcomet-backup.gz`;
      const picker = (globalThis as SavePickerWindow).showSaveFilePicker;
      // Asked first, while the tap still counts as a user gesture.
      const handle = picker
        ? await picker({
            suggestedName: name,
            types: [{ description: 'SarcoMet backup', accept: { 'application/gzip': ['.gz'] } }],
          }).catch((err: unknown) => {
            if (err instanceof DOMException && err.name === 'AbortError') return null;
            throw err;
          })
        : undefined;
      if (handle === null) return ''; // The learner closed the picker.
      const db = await collection.db();
      const stream = backupStream(db, {
        now: at,
        app: __BUILD_ID__,
        onProgress: ({ done, total }) => {
          setProgress(total > 0 ? done / total : 1);
          setStatus(`Backing up… ${done.toLocaleString()} of ${total.toLocaleString()} records.`);
        },
      });
      if (handle) await stream.pipeTo(await handle.createWritable());
      else downloadBlob(await streamToBlob(stream), name);
      await markBackedUp(db, at);
      await refetchLast();
      collection.changed('settings');
      return `Backed up: ${handle?.name ?? name}.`;
    });

  return {
    busy,
    progress,
    status,
    error,
    pending,
    lastBackup,
    restorePoints,
    backUp,
    choose: (file) =>
      run('reading', 'Reading the backup…', async () => {
        setPending(null);
        setPending({ file, header: await readBackupSummary(file) });
        return '';
      }),
    cancel() {
      setPending(null);
      setStatus('');
    },
    confirm: () =>
      run('restore', 'Restoring…', async () => {
        const chosen = pending();
        if (!chosen) return null;
        await restoreBackup(chosen.file, {
          now: now(),
          label: `Before restoring the backup of ${formatWhen(Date.parse(chosen.header.createdAt))}`,
          onProgress: (fraction) => {
            setProgress(fraction);
            setStatus(`Restoring… ${Math.floor(fraction * 100)}%`);
          },
        });
        setPending(null);
        setStatus('Restored. Reloading…');
        collection.replaced();
        return null;
      }),
    bringBack: (point) =>
      run('bring-back', 'Bringing it back…', async () => {
        await bringBackRestorePoint(point.name, now(), `Before bringing back "${point.label}"`);
        setStatus('Brought back. Reloading…');
        collection.replaced();
        return null;
      }),
  };
}
