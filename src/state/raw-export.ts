/**
 * "Export raw data": saves every stored record as a JSON file, for when the app cannot open its data.
 * Loaded only when the learner asks for it.
 */
import { readRawDatabase } from '../storage/raw-export';
import { now } from './clock';
import { downloadBlob } from './download';

/** Reads the database as it is and offers it as a download; resolves with the file name. */
export async function downloadRawData(): Promise<string> {
  const data = await readRawDatabase();
  const blob = new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' });
  const name = `sarcomet-raw-data-${now().toISOString().slice(0, 10)}.json`;
  downloadBlob(blob, name);
  return name;
}
