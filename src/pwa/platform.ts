/**
 * What kind of browser the app runs in, for the install hint and the storage warning. Pure functions over
 * the user agent (and friends), so they can be tested with a table of real user agents.
 */

export interface PlatformInfo {
  userAgent: string;
  /** `navigator.platform`: iPadOS 13+ reports "MacIntel" like a Mac. */
  platform: string;
  maxTouchPoints: number;
  /** Launched from the home screen (display-mode standalone, or iOS's navigator.standalone). */
  standalone: boolean;
}

/** iPhone, iPod or iPad (an iPad in desktop mode looks like a Mac with a touch screen). */
export function isIos(info: PlatformInfo): boolean {
  return /iPhone|iPad|iPod/.test(info.userAgent) || (info.platform === 'MacIntel' && info.maxTouchPoints > 1);
}

/** Safari itself (on iOS or macOS), not another browser that also says "Safari" in its user agent. */
export function isSafari(info: PlatformInfo): boolean {
  const ua = info.userAgent;
  return (
    /Safari\//.test(ua) &&
    /Version\/[\d.]+/.test(ua) &&
    !/Chrome|Chromium|CriOS|FxiOS|EdgiOS|EdgA|OPiOS|OPR|GSA\/|Android/.test(ua)
  );
}

/** iOS Safari in a tab: it never offers an install prompt, so the app explains Add to Home Screen. */
export function needsIosInstallHint(info: PlatformInfo): boolean {
  return isIos(info) && isSafari(info) && !info.standalone;
}

/** The running browser's platform info. */
export function currentPlatform(): PlatformInfo {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    platform: nav.platform,
    maxTouchPoints: nav.maxTouchPoints,
    standalone: window.matchMedia('(display-mode: standalone)').matches || nav.standalone === true,
  };
}

/** localStorage that never throws (it can, in private browsing or when storage is blocked). */
export const flags = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Not remembered; the hint may show again next time.
    }
  },
};

export type Flags = typeof flags;
