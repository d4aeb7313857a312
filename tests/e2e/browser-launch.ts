/** Launching Debian's Chromium through playwright-core with a phone viewport (390x844, touch). */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every browser test (and the benchmark, bench/browser-bench.ts) launches Chromium with. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

/** Safari on an iPhone, for the iOS-only paths (Add to Home Screen hint, eviction warning). */
export const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

export async function phoneContext(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; serviceWorkers?: 'allow' | 'block'; userAgent?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...PHONE,
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: options.serviceWorkers ?? 'block',
    timezoneId: 'UTC',
    locale: 'en-US',
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
}
