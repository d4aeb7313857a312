import { beforeEach, describe, expect, it } from 'vitest';
import type { PlatformInfo } from '../../src/pwa/platform';
import {
  askPersistentStorage,
  EVICTION_WARNINGS,
  evictionWarning,
  formatBytes,
  PERSIST_KEY,
  readStorageInfo,
  requestPersistentStorage,
  resetPersistRequest,
  type StorageApi,
} from '../../src/pwa/storage';
import { memoryFlags } from './helpers';

const CHROME: PlatformInfo = {
  userAgent:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
  platform: 'Linux armv8l',
  maxTouchPoints: 5,
  standalone: false,
};
const SAFARI: PlatformInfo = {
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  platform: 'iPhone',
  maxTouchPoints: 5,
  standalone: false,
};

function fakeStorage(options: { persisted?: boolean; grant?: boolean; usage?: number; quota?: number } = {}) {
  let persisted = options.persisted ?? false;
  const api = {
    calls: 0,
    async persist() {
      api.calls++;
      persisted = options.grant ?? false;
      return persisted;
    },
    async persisted() {
      return persisted;
    },
    async estimate() {
      return { usage: options.usage, quota: options.quota };
    },
  };
  return api satisfies StorageApi;
}

beforeEach(() => resetPersistRequest());

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [950, '950 B'],
    [999, '999 B'],
    [1000, '1.0 KB'],
    [12_345, '12 KB'],
    [999_600, '1.0 MB'],
    [3_400_000, '3.4 MB'],
    [1_234_000_000, '1.2 GB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%s bytes is "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('requestPersistentStorage', () => {
  it('asks once per page load and remembers the answer', async () => {
    const api = fakeStorage({ grant: false });
    const flags = memoryFlags();
    expect(await requestPersistentStorage(api, flags)).toBe(false);
    expect(await requestPersistentStorage(api, flags)).toBe(false);
    expect(api.calls).toBe(1);
    expect(flags.get(PERSIST_KEY)).toBe('denied');
  });

  it('does not ask again on a later page load once it was asked', async () => {
    const api = fakeStorage();
    expect(await requestPersistentStorage(api, memoryFlags({ [PERSIST_KEY]: 'denied' }))).toBe(false);
    expect(api.calls).toBe(0);
  });

  it('does not ask when storage is already persistent', async () => {
    const api = fakeStorage({ persisted: true });
    expect(await requestPersistentStorage(api, memoryFlags())).toBe(true);
    expect(api.calls).toBe(0);
  });

  it('resolves false without the API', async () => {
    expect(await requestPersistentStorage(undefined, memoryFlags())).toBe(false);
  });
});

describe('evictionWarning', () => {
  it.each([
    ['persistent storage', true, CHROME, 'denied', null],
    ['Chrome, not asked yet', false, CHROME, null, null],
    ['Chrome, denied', false, CHROME, 'denied', EVICTION_WARNINGS.denied],
    ['Safari in a tab', false, SAFARI, null, EVICTION_WARNINGS.safari],
    ['Safari installed, not asked', false, { ...SAFARI, standalone: true }, null, null],
    ['Safari installed, denied', false, { ...SAFARI, standalone: true }, 'denied', EVICTION_WARNINGS.denied],
  ] as const)('%s', (_name, persisted, platform, answer, expected) => {
    expect(evictionWarning(persisted, platform, answer)).toBe(expected);
  });
});

describe('readStorageInfo', () => {
  it('reports persistence, usage, quota and the warning', async () => {
    const info = await readStorageInfo(SAFARI, fakeStorage({ usage: 2_500_000, quota: 1e9 }), memoryFlags());
    expect(info).toEqual({
      supported: true,
      canPersist: true,
      persisted: false,
      usage: 2_500_000,
      quota: 1e9,
      warning: EVICTION_WARNINGS.safari,
    });
  });

  it('says when the browser has no storage API', async () => {
    expect((await readStorageInfo(CHROME, undefined, memoryFlags())).supported).toBe(false);
  });

  // What WebKit has: nothing (Safari before 15.2, WebKitGTK), or persist() and persisted() without
  // estimate() (Safari 15.2-16.x).
  it.each([
    ['no Storage API, Safari', undefined, SAFARI, false, false, EVICTION_WARNINGS.safari],
    ['no Storage API, Chrome', undefined, CHROME, false, false, null],
    [
      'no estimate(), Safari 16',
      { ...fakeStorage(), estimate: undefined },
      SAFARI,
      true,
      true,
      EVICTION_WARNINGS.safari,
    ],
  ] as const)('%s: resolves, usage unknown', async (_name, api, platform, supported, canPersist, warning) => {
    expect(await readStorageInfo(platform, api, memoryFlags())).toEqual({
      supported,
      canPersist,
      persisted: false,
      usage: null,
      quota: null,
      warning,
    });
  });
});

describe('asking for persistence without the full Storage API', () => {
  it('asks with persist() alone (no persisted())', async () => {
    const fake = fakeStorage({ grant: true });
    const flags = memoryFlags();
    expect(await requestPersistentStorage({ persist: fake.persist }, flags)).toBe(true);
    expect(fake.calls).toBe(1);
    expect(flags.get(PERSIST_KEY)).toBe('granted');
  });

  it('resolves false and remembers nothing without persist()', async () => {
    const flags = memoryFlags();
    expect(await requestPersistentStorage({ estimate: fakeStorage().estimate }, flags)).toBe(false);
    resetPersistRequest();
    expect(await askPersistentStorage(undefined, flags)).toBe(false);
    expect(flags.get(PERSIST_KEY)).toBeNull();
  });
});
