/**
 * WebKit sessions for the tests, through webdriverio: a fresh MiniBrowser per session (its storage is
 * ephemeral, so every session starts as a new user), sized to a phone's 390x844 CSS px. Elements are found
 * by role and accessible name as WebKit's own accessibility tree computes them (WebDriver's computed role
 * and label), or by their text.
 */
import { remote } from 'webdriverio';
import { MINIBROWSER, WEBKIT_PORTS } from './processes';
import { readLiveStore } from '../e2e/live-store';

export type Browser = WebdriverIO.Browser;
export type WebElement = WebdriverIO.Element;

export const PHONE = { width: 390, height: 844 } as const;

/** Generous: other engineers share this 2-core machine. */
export const TIMEOUT = 30_000;

/** The ports of the servers a test starts itself, next to the suite's preview server (WEBKIT_PORT). */
export function webkitPort(name: 'offline' | 'update'): number {
  const base = Number(process.env.WEBKIT_PORT ?? WEBKIT_PORTS.preview);
  return base + (WEBKIT_PORTS[name] - WEBKIT_PORTS.preview);
}

export interface SessionOptions {
  driverPort: number;
  /** MiniBrowser's WebKit feature switches, e.g. ['StorageAPI'] or ['-BroadcastChannel'] (`-F help`). */
  features?: string[];
  /** Prefer the dark colour scheme (GTK dark theme). */
  dark?: boolean;
  /** Another user agent, e.g. iPhone Safari's for the iOS-only paths. */
  userAgent?: string;
}

/** Starts MiniBrowser through the driver and gives it a phone-size viewport of exactly 390x844 CSS px. */
export async function openSession(options: SessionOptions): Promise<Browser> {
  const args = ['--automation', '--full-screen'];
  if (options.features?.length) args.push(`--features=${options.features.join(',')}`);
  if (options.dark) args.push('--dark-mode');
  if (options.userAgent) args.push(`--user-agent=${options.userAgent}`);
  const browser = await remote({
    hostname: '127.0.0.1',
    port: options.driverPort,
    path: '/',
    logLevel: 'error',
    connectionRetryCount: 1,
    // The default for every waitUntil without its own timeout.
    waitforTimeout: TIMEOUT,
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only: asking for BiDi fails to match capabilities.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args },
    } as WebdriverIO.Capabilities,
  });
  try {
    await setPhoneViewport(browser);
  } catch (error) {
    await browser.deleteSession().catch(() => undefined);
    throw error;
  }
  return browser;
}

/**
 * MiniBrowser's toolbar needs a window at least 447 px wide, so it is hidden (`--full-screen` hides it in
 * automation mode) and the window is sized to the viewport; any difference left (window decorations) is
 * measured and corrected once.
 */
async function setPhoneViewport(browser: Browser): Promise<void> {
  const inner = () => browser.execute(() => [window.innerWidth, window.innerHeight] as const);
  await browser.setWindowSize(PHONE.width, PHONE.height);
  let [width, height] = await inner();
  if (width !== PHONE.width || height !== PHONE.height) {
    await browser.setWindowSize(2 * PHONE.width - width, 2 * PHONE.height - height);
    [width, height] = await inner();
  }
  if (width !== PHONE.width || height !== PHONE.height) {
    throw new Error(`the viewport is ${width}x${height}, not ${PHONE.width}x${PHONE.height}`);
  }
}

/** CSS selectors of the elements that can have each role (the computed role then decides). */
const ROLE_CANDIDATES: Record<string, string> = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"], summary, select',
  link: 'a[href], [role="link"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  status: '[role="status"], output',
  alert: '[role="alert"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  searchbox: 'input[type="search"], [role="searchbox"]',
  // WebKitGTK computes `textbox` for number inputs (Chromium: spinbutton) and `button` for a <select>.
  textbox: 'input:not([type]), input[type="text"], input[type="number"], textarea, [role="textbox"]',
  spinbutton: 'input[type="number"], [role="spinbutton"]',
  note: '[role="note"]',
  switch: '[role="switch"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  complementary: 'aside, [role="complementary"]',
};

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

/** A WebDriver element reference, as the protocol returns it. */
type ElementReference = Record<typeof ELEMENT_KEY, string>;
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * The rendered elements matching a CSS selector, or an XPath when `xpath` is set, in one round trip. The
 * tests work on these raw references: webdriverio's elements re-query a stale element for up to 5 s, and
 * Solid replaces elements whenever the card changes.
 */
async function rendered(browser: Browser, query: string, xpath = false): Promise<ElementReference[]> {
  return browser.execute(
    (q: string, isXpath: boolean) => {
      let elements: Element[];
      if (isXpath) {
        const result = document.evaluate(q, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
        elements = Array.from({ length: result.snapshotLength }, (_, i) => result.snapshotItem(i) as Element);
      } else {
        elements = [...document.querySelectorAll(q)];
      }
      return elements.filter(
        (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden',
      );
    },
    query,
    xpath,
  ) as unknown as Promise<ElementReference[]>;
}

async function toElements(browser: Browser, references: ElementReference[]): Promise<WebElement[]> {
  return Promise.all(references.map((reference) => browser.$(reference).getElement()));
}

/**
 * The rendered elements with `role` whose accessible name matches `name` (a string matches exactly), as
 * WebKit computes them. Empty if there are none right now.
 */
export async function queryAllByRole(
  browser: Browser,
  role: string,
  name: string | RegExp,
): Promise<WebElement[]> {
  const selector = ROLE_CANDIDATES[role];
  if (!selector) throw new Error(`no candidate selector for role "${role}"`);
  const found: ElementReference[] = [];
  for (const reference of await rendered(browser, selector)) {
    const id = reference[ELEMENT_KEY];
    try {
      if (!matches(await browser.getElementComputedLabel(id), name)) continue;
      if ((await browser.getElementComputedRole(id)) !== role) continue;
      found.push(reference);
    } catch {
      // Re-rendered while we looked (stale element), or not in the accessibility tree.
    }
  }
  return toElements(browser, found);
}

/** Waits for exactly one rendered element with `role` and accessible name `name`. */
export async function getByRole(
  browser: Browser,
  role: string,
  name: string | RegExp,
  timeout = TIMEOUT,
): Promise<WebElement> {
  let found: WebElement[] = [];
  await browser.waitUntil(async () => (found = await queryAllByRole(browser, role, name)).length === 1, {
    timeout,
    interval: 100,
    timeoutMsg: `no single ${role} named ${String(name)} within ${timeout} ms (found ${found.length})`,
  });
  return found[0]!;
}

/**
 * Clicks an element as a user taps it. When something covers its centre it is first scrolled to the middle
 * of the viewport: WebDriver's own scrolling in WebKit leaves an element at the bottom edge, under the app's
 * fixed navigation bar, and the click is then intercepted. (Scrolling unconditionally would scroll the page
 * for a fixed element too: WebKit's scrollIntoView does, Chromium's does not.)
 */
export async function tap(element: WebElement): Promise<void> {
  const covered = await browserOf(element).execute(
    (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !hit || !el.contains(hit);
    },
    element as unknown as HTMLElement,
  );
  if (covered) await element.scrollIntoView({ block: 'center' });
  await element.click();
}

/** The session an element belongs to (its parent may be another element). */
function browserOf(element: WebElement): Browser {
  let parent: WebElement | Browser = element.parent;
  while ('elementId' in parent) parent = parent.parent;
  return parent;
}

/** Waits for the element with `role` and accessible name `name`, and taps it. */
export async function tapRole(browser: Browser, role: string, name: string | RegExp): Promise<void> {
  await tap(await getByRole(browser, role, name));
}

/** XPath string literal for any text (XPath 1.0 has no escapes). */
function xpathLiteral(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join(`, '"', `)})`;
}

/** The innermost rendered elements whose text contains `text` (whitespace collapsed). */
export async function queryAllByText(browser: Browser, text: string): Promise<WebElement[]> {
  const literal = xpathLiteral(text);
  const xpath = `//body//*[contains(normalize-space(.), ${literal}) and not(*[contains(normalize-space(.), ${literal})])]`;
  return toElements(browser, await rendered(browser, xpath, true));
}

/** Waits for the innermost rendered element whose text contains `text`. */
export async function getByText(browser: Browser, text: string, timeout = TIMEOUT): Promise<WebElement> {
  let found: WebElement[] = [];
  await browser.waitUntil(async () => (found = await queryAllByText(browser, text)).length > 0, {
    timeout,
    interval: 100,
    timeoutMsg: `no text "${text}" within ${timeout} ms`,
  });
  return found[0]!;
}

/** The text of the definition after the term `term` in the description lists `list` selects ('' if none). */
export async function definitionOf(browser: Browser, list: string, term: string): Promise<string> {
  return browser.execute(
    (selector: string, name: string) =>
      [...document.querySelectorAll(`${selector} dt`)]
        .find((dt) => dt.textContent?.trim() === name)
        ?.nextElementSibling?.textContent?.trim() ?? '',
    list,
    term,
  );
}

/** Reads every record of an object store of the app's live database (the one the pointer names after a restore). */
export async function readStore<T = unknown>(browser: Browser, store: string): Promise<T[]> {
  // WebDriver waits for the promise the script returns.
  return (await browser.execute(readLiveStore, store)) as T[];
}

/**
 * Records uncaught errors and unhandled rejections of the current page from now on (WebDriver classic has
 * no console events). Call after each navigation; `pageErrors` reads them.
 */
export async function watchErrors(browser: Browser): Promise<void> {
  await browser.execute(() => {
    const w = window as unknown as { __errors?: string[] };
    if (w.__errors) return;
    const errors: string[] = (w.__errors = []);
    window.addEventListener('error', (e) => errors.push(`error: ${e.message}`));
    window.addEventListener('unhandledrejection', (e) =>
      errors.push(`unhandledrejection: ${String(e.reason)}`),
    );
  });
}

export async function pageErrors(browser: Browser): Promise<string[]> {
  return browser.execute(() => (window as unknown as { __errors?: string[] }).__errors ?? []);
}
