/**
 * Runs inside the page (Chromium through Playwright, WebKit through WebDriver): every record of an object
 * store of the app's live database, which after a restore is the one the `sarcomet-pointer` database names.
 * Self-contained, because the test drivers send its source text to the page.
 */
export async function readLiveStore(name: string): Promise<unknown[]> {
  const request = <R>(req: IDBRequest<R>) =>
    new Promise<R>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  let live = 'sarcomet';
  // Opening the pointer database when it does not exist would create it empty and break the app's own open.
  if ((await indexedDB.databases()).some((info) => info.name === 'sarcomet-pointer')) {
    const pointer = await request(indexedDB.open('sarcomet-pointer'));
    if (pointer.objectStoreNames.contains('pointer')) {
      const value = (await request(pointer.transaction('pointer').objectStore('pointer').get('live'))) as
        { live: string } | undefined;
      if (value) live = value.live;
    }
    pointer.close();
  }
  const db = await request(indexedDB.open(live));
  const records = await request(db.transaction(name, 'readonly').objectStore(name).getAll());
  db.close();
  return records;
}
