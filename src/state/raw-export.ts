/**
 * "Export raw data": saves every stored record as a JSON file, for when the app cannot open its data.
 * Loaded only when the learner asks for it.
 */
import { DB_NAME } from '../storage/db';
import { liveDbName } from '../storage/live-db';
import { readRawDatabase } from '../storage/raw-export';
import { now } from './clock';
import { downloadBlob } from './download';

/** Reads the database as it is and offers it as a download; resolves with the file name. */
export async function downloadRawData(): Promise<string> {
  // If even the pointer cannot be read, the data is most likely where it always was.
  const data = await readRawDatabase(await liveDbName().catch(() => DB_NAME));
  const blob = new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' });
  const name = `sarcomet-raw-data-${now().toISOString().slice(0, 10)}.json`;
  downloadBlob(blob, name);
  return name;
}
