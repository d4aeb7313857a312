/**
 * Reads an Anki package off the main thread: unzipping, decompressing and rendering tens of thousands of
 * cards takes seconds, during which the app keeps painting and answering.
 */
import { ImportFormatError } from '../domain/interop/interop-candidate';
import { readApkg } from './apkg/read-apkg';
import wasmUrl from './apkg/sql-wasm-url';
import type { ApkgRequest, ApkgResponse } from './apkg-protocol';
import { errorReason } from '../domain/error-reason';

self.onmessage = async (event: MessageEvent<ApkgRequest>) => {
  const { file, fileName, settings, now, language } = event.data;
  let response: ApkgResponse;
  try {
    const candidate = await readApkg(file, {
      fileName,
      settings,
      now: new Date(now),
      language,
      wasm: wasmUrl,
    });
    response = { ok: true, candidate };
  } catch (error) {
    response = {
      ok: false,
      message: errorReason(error),
      userError: error instanceof ImportFormatError,
    };
  }
  self.postMessage(response);
};
