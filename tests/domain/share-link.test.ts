import { deflateSync, strToU8 } from 'fflate';
import { incompressibleText } from './fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  DECK_LIMITS,
  type DeckCard,
  type DeckFile,
} from '../../src/domain/deck-format';
import {
  decodeSharePayload,
  encodeShareLink,
  fromBase64Url,
  SHARE_HASH_PREFIX,
  SHARE_LINK_ERRORS,
  SHARE_LINK_LIMITS,
  toBase64Url,
  withoutScheduling,
} from '../../src/domain/share-link';

function card(id: string, extra: Partial<DeckCard> = {}): DeckCard {
  return { id, factId: id, kind: 'qa', front: `Front of ${id}`, back: `Back of ${id}`, tags: [], ...extra };
}

function deckOf(cards: DeckCard[], extra: Partial<DeckFile> = {}): DeckFile {
  return {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id: 'shared',
    title: 'Shared deck',
    description: '',
    language: 'en',
    tags: [],
    cards,
    ...extra,
  };
}

/** The payload (after `#deck=`) of a fragment. */
function payloadOf(fragment: string): string {
  expect(fragment.startsWith(SHARE_HASH_PREFIX)).toBe(true);
  return fragment.slice(SHARE_HASH_PREFIX.length);
}

/** A version-1 payload carrying `json` as given, valid or not. */
function rawPayload(json: string | Uint8Array): string {
  return `1.${toBase64Url(deflateSync(typeof json === 'string' ? strToU8(json) : json, { level: 9 }))}`;
}

function encoded(deck: DeckFile, options?: { scheduling?: boolean }): string {
  const result = encodeShareLink(deck, options);
  if (!result.ok) throw new Error(`not encoded: ${result.reason}`);
  return payloadOf(result.fragment);
}

const SCHEDULE = {
  due: 1_767_600_000_000,
  stability: 3.2,
  difficulty: 5.1,
  elapsedDays: 1,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  state: 2 as const,
  lastReview: 1_767_340_800_000,
};
const HISTORY = [
  {
    id: 'review-0001',
    time: 1_767_340_800_000,
    grade: 3 as const,
    prev: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1] as never,
  },
];

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('agrees with Node on a known value', () => {
    const bytes = strToU8('Sarcoma brain metastasis ÿ\u00ff?>');
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it.each(['ab+c', 'ab/c', 'abc=', 'ab c', 'a', 'abcde', 'ab%3D', 'é'])('rejects %j', (text) => {
    expect(fromBase64Url(text)).toBeNull();
  });
});

describe('share links', () => {
  it('encodes as #deck=1. followed by base64url', () => {
    const result = encodeShareLink(deckOf([card('a')]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fragment).toMatch(/^#deck=1\.[A-Za-z0-9_-]+$/);
    expect(result.bytes).toBe(result.fragment.length);
  });

  it('round-trips random decks within the limits', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,20}$/);
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 300 });
    const tag = fc.stringMatching(/^[a-z0-9][a-z0-9-/]{0,15}$/);
    const tags = fc.uniqueArray(tag, { maxLength: 5 });
    const shortText = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 60 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const cardArb = fc.record(
      {
        factId: id,
        kind: fc.constantFrom('qa' as const, 'cloze' as const, 'ordered' as const),
        front: text,
        back: text,
        tags,
        markup: fc.constantFrom('markdown' as const, 'html' as const),
        sourceNote: fc.string({ maxLength: 100 }),
      },
      { requiredKeys: ['factId', 'kind', 'front', 'back', 'tags'] },
    );
    const deckArb = fc.record({
      id,
      title: shortText,
      description: fc.string({ unit: 'binary', maxLength: 200 }),
      language: fc.constantFrom('en', 'de', 'pt-BR'),
      tags,
      cards: fc.uniqueArray(fc.tuple(id, cardArb), {
        minLength: 1,
        maxLength: 30,
        selector: ([cardId]) => cardId,
      }),
    });
    fc.assert(
      fc.property(deckArb, (raw) => {
        const deck = deckOf(
          raw.cards.map(([cardId, c]) => ({ id: cardId, ...c })),
          {
            id: raw.id,
            title: raw.title,
            description: raw.description,
            language: raw.language,
            tags: raw.tags,
          },
        );
        const result = decodeSharePayload(encoded(deck));
        expect(result).toEqual({
          ok: true,
          candidate: { deck, origin: 'link', notices: [], hasScheduling: false },
        });
      }),
      { numRuns: 150 },
    );
  });

  it('leaves scheduling out unless asked to keep it', () => {
    const deck = deckOf([card('a', { schedule: SCHEDULE, history: HISTORY }), card('b')]);
    const plain = decodeSharePayload(encoded(deck));
    expect(plain.ok && plain.candidate.hasScheduling).toBe(false);
    expect(plain.ok && plain.candidate.deck).toEqual(withoutScheduling(deck));
    const kept = decodeSharePayload(encoded(deck, { scheduling: true }));
    expect(kept.ok && kept.candidate.hasScheduling).toBe(true);
    expect(kept.ok && kept.candidate.deck).toEqual(deck);
  });

  it('never makes a link longer than the cap, and says how long it would be', () => {
    const deck = deckOf(
      Array.from({ length: 120 }, (_, i) =>
        card(`c${i}`, { front: incompressibleText(DECK_LIMITS.maxTextLength, i + 1) }),
      ),
    );
    const result = encodeShareLink(deck);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(result.bytes).toBeGreaterThan(SHARE_LINK_LIMITS.maxFragmentChars);
  });

  it('does not make a link of a deck over the file size limit, however well it compresses', () => {
    const big = 'a'.repeat(DECK_LIMITS.maxTextLength);
    const count = Math.ceil(DECK_LIMITS.maxFileBytes / DECK_LIMITS.maxTextLength) + 1;
    const deck = deckOf(Array.from({ length: count }, (_, i) => card(`c${i}`, { front: big })));
    const result = encodeShareLink(deck);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(result.bytes).toBeGreaterThan(DECK_LIMITS.maxFileBytes);
  });
});

describe('decoding untrusted links', () => {
  const good = encoded(deckOf([card('a'), card('b'), card('c')]));

  it('rejects a decompression bomb without inflating it whole', () => {
    // 64 MB of one letter inside a deck's description: valid JSON, and about 60 KB once deflated.
    const size = 64 * 1024 * 1024;
    const json = new Uint8Array(size).fill(0x61);
    const head = strToU8(
      '{"format":"sarcomet-deck","version":1,"id":"x","title":"x","language":"en","description":"',
    );
    json.set(head, 0);
    json.set(strToU8('"}'), size - 2);
    const payload = rawPayload(json);
    expect(payload.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(decodeSharePayload(payload)).toEqual({ ok: false, error: SHARE_LINK_ERRORS.tooLarge });
    // Stopping at 20 MB, not inflating 64 MB: far below what a whole inflate and parse would take.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['cut in half', good.slice(0, Math.floor(good.length / 2))],
    ['missing its last characters', good.slice(0, -8)],
    ['missing one character', good.slice(0, -1)],
    ['with a character changed', `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`],
    ['with standard base64 characters', good.replace(/[-_]/g, '+') + '+/=='],
    ['with spaces', `${good.slice(0, 20)} ${good.slice(20)}`],
    ['with percent escapes', `${good.slice(0, 20)}%20${good.slice(20)}`],
    ['empty', '1.'],
    ['with no version', good.slice(2)],
    ['with a version that is not a number', `v1.${good.slice(2)}`],
    ['of compressed garbage', rawPayload('not json at all')],
    ['of invalid UTF-8', rawPayload(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))],
  ])('says a link %s is damaged', (_name, payload) => {
    const result = decodeSharePayload(payload);
    expect(result.ok).toBe(false);
    // A changed character can still inflate to something: then it is not a valid deck, never a deck.
    if (!result.ok && _name !== 'with a character changed')
      expect(result.error).toBe(SHARE_LINK_ERRORS.damaged);
  });

  it('asks for an update when the link is of a newer format', () => {
    expect(decodeSharePayload(`2.${good.slice(2)}`)).toEqual({ ok: false, error: SHARE_LINK_ERRORS.newer });
    expect(decodeSharePayload(`10.abc`)).toEqual({ ok: false, error: SHARE_LINK_ERRORS.newer });
  });

  it('refuses a link over the length cap before decoding it', () => {
    const payload = `1.${'A'.repeat(SHARE_LINK_LIMITS.maxFragmentChars)}`;
    expect(decodeSharePayload(payload)).toEqual({ ok: false, error: SHARE_LINK_ERRORS.tooLong });
  });

  it('rejects JSON that is not a valid deck, naming the first problem', () => {
    const result = decodeSharePayload(rawPayload(JSON.stringify({ ...deckOf([card('a')]), cards: [] })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^This share link does not hold a SarcoMet deck .*cards/);
  });

  it('does not let __proto__ keys reach Object.prototype', () => {
    const deck = deckOf([card('a')]);
    const json = JSON.stringify(deck);
    const payloads = [
      json.replace('{', '{"__proto__":{"polluted":"deck"},'),
      json.replace('"cards":[{', '"cards":[{"__proto__":{"polluted":"card"},'),
      json.replace('"cards":[{', '"cards":[{"constructor":{"prototype":{"polluted":"ctor"}},'),
      `{"__proto__":{"polluted":"bare"}}`,
    ];
    for (const payload of payloads) {
      const result = decodeSharePayload(rawPayload(payload));
      expect(result.ok).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });
});
