/**
 * The app's entry for importing an Anki package: import this module with `import()` when the learner picks
 * an .apkg file. The package is read in a worker (src/workers/apkg.worker.ts) where the browser has workers,
 * and on this thread otherwise; sql.js, fzstd and the reader load only then.
 */
import type { ImportCandidate } from '../domain/import-candidate';
import { ImportFormatError } from '../domain/interop/interop-candidate';
import type { SchedulerSettings } from '../domain/scheduler';
import type { ApkgRequest, ApkgResponse } from './apkg-protocol';

export { ImportFormatError };

export interface ApkgImportOptions {
  /** The settings reviews are replayed with, in the learner's time zone. */
  settings?: SchedulerSettings;
  now?: Date;
  language?: string;
}

/** Thrown when the worker could not run at all, so the same work is done on this thread instead. */
class WorkerUnavailable extends Error {}

function readInWorker(request: ApkgRequest): Promise<ImportCandidate> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./apkg.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ApkgResponse>) => {
      worker.terminate();
      const response = event.data;
      if (response.ok) resolve(response.candidate);
      else reject(response.userError ? new ImportFormatError(response.message) : new Error(response.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new WorkerUnavailable(event.message || 'The package reader could not start.'));
    };
    worker.postMessage(request);
  });
}

/**
 * Reads an Anki package (.apkg) into an import candidate. Rejects with `ImportFormatError` (its message is
 * for the learner) when the file cannot be imported.
 */
export async function readApkgFile(file: File, options: ApkgImportOptions = {}): Promise<ImportCandidate> {
  const now = options.now ?? new Date();
  if (typeof Worker === 'function') {
    try {
      return await readInWorker({
        file,
        fileName: file.name,
        settings: options.settings,
        now: now.getTime(),
        language: options.language,
      });
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      // The worker could not run (an old browser, a blocked script): do the same work here.
    }
  }
  const [{ readApkg }, { default: wasm }] = await Promise.all([
    import('./apkg/read-apkg'),
    import('./apkg/sql-wasm-url'),
  ]);
  return readApkg(file, {
    fileName: file.name,
    settings: options.settings,
    now,
    language: options.language,
    wasm,
  });
}
