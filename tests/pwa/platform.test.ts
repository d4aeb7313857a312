import { describe, expect, it } from 'vitest';
import { initialInstallMode, INSTALL_DISMISSED_KEY } from '../../src/pwa/create-install-prompt';
import { isIos, isSafari, needsIosInstallHint, type PlatformInfo } from '../../src/pwa/platform';
import { memoryFlags } from './helpers';

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.119 Mobile/15E148 Safari/604.1',
  iphoneFirefox:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/141.0 Mobile/15E148 Safari/605.1.15',
  ipadDesktop:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
  macSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
  desktopChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
};

const info = (userAgent: string, over: Partial<PlatformInfo> = {}): PlatformInfo => ({
  userAgent,
  platform: /iPhone/.test(userAgent) ? 'iPhone' : /Macintosh/.test(userAgent) ? 'MacIntel' : 'Linux x86_64',
  maxTouchPoints: /iPhone|Android/.test(userAgent) ? 5 : 0,
  standalone: false,
  ...over,
});

describe('platform detection', () => {
  it.each([
    ['iPhone Safari', info(UA.iphoneSafari), true, true, true],
    ['iPhone Safari, installed', info(UA.iphoneSafari, { standalone: true }), true, true, false],
    ['iPhone Chrome', info(UA.iphoneChrome), true, false, false],
    ['iPhone Firefox', info(UA.iphoneFirefox), true, false, false],
    ['iPad (desktop mode)', info(UA.ipadDesktop, { maxTouchPoints: 5 }), true, true, true],
    ['Mac Safari', info(UA.macSafari), false, true, false],
    ['Android Chrome', info(UA.androidChrome), false, false, false],
    ['desktop Chrome', info(UA.desktopChrome), false, false, false],
  ])('%s: iOS %s, Safari %s, iOS hint %s', (_name, platform, ios, safari, hint) => {
    expect(isIos(platform)).toBe(ios);
    expect(isSafari(platform)).toBe(safari);
    expect(needsIosInstallHint(platform)).toBe(hint);
  });
});

describe('initialInstallMode', () => {
  it('offers the iOS steps in iOS Safari until dismissed', () => {
    const flags = memoryFlags();
    expect(initialInstallMode(info(UA.iphoneSafari), flags)).toBe('ios');
    flags.set(INSTALL_DISMISSED_KEY, '1');
    expect(initialInstallMode(info(UA.iphoneSafari), flags)).toBe('none');
  });

  it('waits for beforeinstallprompt elsewhere', () => {
    expect(initialInstallMode(info(UA.androidChrome), memoryFlags())).toBe('none');
  });
});
