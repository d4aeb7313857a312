/**
 * The benchmark's probe inside the page (plain browser JS, injected with `addInitScript` before the app's
 * own scripts, or evaluated into a page). It measures the app from outside: it never touches the app's code.
 *
 * "Painted" means: the DOM shows the awaited state (seen by a MutationObserver), then the next animation
 * frame ran and a task after it (a MessageChannel message) ran, i.e. the frame with that state was produced.
 * It is plain JS, not TypeScript, because tsx compiles with esbuild's `keepNames`, whose helper calls break
 * functions serialised into the page.
 */
(() => {
  if (window.__bench) return;

  /** Resolves with performance.now() once the frame after this call has been produced. */
  function afterFrame() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      });
    });
  }

  function buttonNamed(prefix) {
    for (const button of document.querySelectorAll('button')) {
      // The accessible name, roughly: an aria-label, else the text without a leading icon such as "←".
      const name = (button.getAttribute('aria-label') || button.textContent || '').replace(
        /^[^\p{L}\p{N}]+/u,
        '',
      );
      if (name.startsWith(prefix)) return button;
    }
    return null;
  }

  const checks = {
    /** The question side of a card: its front and the "Show answer" button. */
    question: () =>
      Boolean(document.getElementById('card-front')?.textContent?.trim()) &&
      buttonNamed('Show answer') !== null,
    /** Home's "Study all" button (a first visit lists the decks from the index before they are imported). */
    studyAll: () => buttonNamed('Study all') !== null,
    /** The study screen has nothing more to show. */
    done: () => (document.querySelector('main')?.textContent || '').includes('All done for now'),
    /** The Stats screen with its first numbers (the newest reviews read; not the previous, dimmed ones). */
    stats: () =>
      Boolean(document.querySelector('.stats-sections:not(.stats-stale)')) ||
      (document.querySelector('main .empty h2')?.textContent || '') === 'No reviews yet',
    /** The Stats screen with every number complete (the whole year of reviews read). */
    statsDone: () =>
      Boolean(document.querySelector('.stats-sections[data-complete]')) ||
      (document.querySelector('main .empty h2')?.textContent || '') === 'No reviews yet',
    /** Home with the counts of at least `decks` decks. */
    home: (decks) =>
      buttonNamed('Study all') !== null &&
      document.querySelectorAll('ul.deck-list > li .counts').length >= decks,
  };

  /** Resolves with the time the first frame showing `check(arg)` was painted (performance.now()). */
  function painted(name, arg) {
    const holds = () => checks[name](arg) || (name === 'question' && checks.done());
    return new Promise((resolve) => {
      let seen = false;
      const fire = () => {
        if (seen || !holds()) return false;
        seen = true;
        observer.disconnect();
        void afterFrame().then(resolve);
        return true;
      };
      const observer = new MutationObserver(() => void fire());
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      fire();
    });
  }

  /**
   * Arms a measurement: the next click (capture phase, before the app's handler) on a button whose name
   * starts with `prefix` stamps the start; the result resolves when `check` is then painted.
   */
  function armClick(prefix, check, arg, timeoutMs = 120_000) {
    const result = new Promise((resolve, reject) => {
      let clicked = false;
      const onClick = (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        if (!button || button !== buttonNamed(prefix)) return;
        const start = performance.now();
        clicked = true;
        document.removeEventListener('click', onClick, true);
        // The old state is still on screen at this point; watch for the new one from here.
        void painted(check, arg).then((end) =>
          resolve({ ms: end - start, done: check === 'question' && checks.done() }),
        );
      };
      document.addEventListener('click', onClick, true);
      setTimeout(() => {
        document.removeEventListener('click', onClick, true);
        reject(
          new Error(
            clicked
              ? `"${check}" was not painted within ${timeoutMs} ms of the click on "${prefix}"`
              : `no click on a button named "${prefix}"`,
          ),
        );
      }, timeoutMs);
    });
    result.catch(() => undefined);
    bench.pending = result;
  }

  function request(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function done(tx) {
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
    });
  }

  /** Opens the app's database at whatever version it has (never upgrades it). */
  function openDb(name) {
    return request(indexedDB.open(name));
  }

  /** Dates arrive from Node as ISO strings inside `{ $date }`; IndexedDB must store real Dates. */
  function revive(value) {
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === 'object') {
      if (typeof value.$date === 'string' && Object.keys(value).length === 1) return new Date(value.$date);
      const out = {};
      for (const key of Object.keys(value)) out[key] = revive(value[key]);
      return out;
    }
    return value;
  }

  const bench = {
    pending: null,
    firstCard: location.hash.startsWith('#/study') ? painted('question') : null,
    /** On Home: navigation start to the "Study all" button painted. */
    studyButton: location.hash === '' || location.hash === '#/' ? painted('studyAll') : null,
    afterFrame,
    painted,
    armClick,

    /**
     * Taps the "Stats" navigation entry and resolves when the screen's first numbers are painted
     * (`firstMs`: the newest reviews read) and when all are (`ms`), with the main thread's long tasks
     * (over 50 ms) meanwhile: the statistics are computed in a worker, so the page
     * must stay responsive while a heavy collection is read.
     */
    async openStats() {
      const link = document.querySelector('nav a[href="#/stats"]');
      if (!link) throw new Error('no "Stats" navigation entry');
      const tasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const start = performance.now();
      link.click();
      const first = await painted('stats');
      const end = await painted('statsDone');
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      observer.disconnect();
      return {
        firstMs: first - start,
        ms: end - start,
        longestTaskMs: Math.max(0, ...tasks),
        longTasks: tasks.length,
      };
    },

    async dbInfo(name) {
      const db = await openDb(name);
      const tx = db.transaction(['decks', 'cards', 'review-logs'], 'readonly');
      const cards = tx.objectStore('cards');
      const info = {
        version: db.version,
        stores: [...db.objectStoreNames],
        decks: await request(tx.objectStore('decks').count()),
        cards: await request(cards.count()),
        logs: await request(tx.objectStore('review-logs').count()),
        overdue: await request(cards.index('by-due').count(IDBKeyRange.upperBound(Date.now()))),
      };
      db.close();
      return info;
    },

    /** Writes records (JSON text, dates as `{ $date }`) into a store in one transaction. */
    async seed(name, store, json) {
      const records = revive(JSON.parse(json));
      const db = await openDb(name);
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const target = tx.objectStore(store);
      for (const record of records) target.put(record);
      await done(tx);
      db.close();
      return records.length;
    },

    /** The first due card through `by-due`, as the floor's card. */
    async firstDue(name) {
      const db = await openDb(name);
      const cursor = await request(
        db
          .transaction('cards')
          .objectStore('cards')
          .index('by-due')
          .openCursor(IDBKeyRange.upperBound(Date.now())),
      );
      db.close();
      return cursor ? cursor.value : null;
    },

    /**
     * The floor: a bare read of the first due card through `by-due` plus one frame, and a bare transaction
     * writing one card and one log plus one frame, on a connection of its own. Each run starts at a random
     * point of the display frame, as a tap does (starting right after a frame would always wait a whole one).
     * `readDb`/`writeDb` are the same runs without the frame. The logs are removed afterwards.
     */
    async floor(name, runs, logsJson) {
      const logs = revive(JSON.parse(logsJson));
      const t0 = performance.now();
      const db = await openDb(name);
      const openMs = performance.now() - t0;
      const out = { openMs, read: [], readDb: [], write: [], writeDb: [] };
      const randomPhase = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 16.7));
      let card = null;
      for (let k = 0; k < runs; k++) {
        await randomPhase();
        const start = performance.now();
        const cursor = await request(
          db
            .transaction('cards')
            .objectStore('cards')
            .index('by-due')
            .openCursor(IDBKeyRange.upperBound(Date.now())),
        );
        card = cursor ? cursor.value : null;
        out.readDb.push(performance.now() - start);
        out.read.push((await afterFrame()) - start);
      }
      for (const log of logs) {
        await randomPhase();
        const start = performance.now();
        const tx = db.transaction(['cards', 'review-logs'], 'readwrite');
        if (card) tx.objectStore('cards').put(card);
        tx.objectStore('review-logs').add(log);
        await done(tx);
        out.writeDb.push(performance.now() - start);
        out.write.push((await afterFrame()) - start);
      }
      const cleanup = db.transaction('review-logs', 'readwrite');
      for (const log of logs) cleanup.objectStore('review-logs').delete(log.id);
      await done(cleanup);
      db.close();
      return out;
    },

    /**
     * Sizes as JSON (UTF-8 bytes) of stored records: the `recent` newest logs (those the app wrote in this
     * run), the `sample` oldest logs (seeded) and `sample` cards; and the browser's storage estimate.
     */
    async storage(name, recent, sample) {
      const bytes = (record) => new TextEncoder().encode(JSON.stringify(record)).length;
      const mean = (records) =>
        records.length ? records.reduce((sum, r) => sum + bytes(r), 0) / records.length : NaN;
      const db = await openDb(name);
      const tx = db.transaction(['cards', 'review-logs'], 'readonly');
      const byTime = tx.objectStore('review-logs').index('by-time');
      const newest = await new Promise((resolve, reject) => {
        const out = [];
        const req = byTime.openCursor(null, 'prev');
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor || out.length >= recent) return resolve(out);
          out.push(cursor.value);
          cursor.continue();
        };
        req.onerror = () => reject(req.error);
      });
      const oldest = await request(byTime.getAll(null, sample));
      const cards = await request(tx.objectStore('cards').getAll(null, sample));
      db.close();
      return {
        appLogBytes: mean(newest),
        appLogs: newest.length,
        seededLogBytes: mean(oldest),
        cardBytes: mean(cards),
        estimate: await navigator.storage.estimate(),
      };
    },
  };
  window.__bench = bench;
})();
