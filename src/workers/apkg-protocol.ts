/** The messages between the app and the .apkg worker: plain data, since errors lose their class in a clone. */
import type { ImportCandidate } from '../domain/import-candidate';
import type { SchedulerSettings } from '../domain/scheduler';

export interface ApkgRequest {
  file: Blob;
  fileName: string;
  settings?: SchedulerSettings;
  /** Epoch ms. */
  now: number;
  language?: string;
}

export type ApkgResponse =
  | { ok: true; candidate: ImportCandidate }
  /** `userError`: the file cannot be imported (the message says why); otherwise the reader itself failed. */
  | { ok: false; message: string; userError: boolean };
