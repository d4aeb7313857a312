/**
 * Share links: a whole deck file carried in a URL fragment, `#deck=1.<base64url(deflate(JSON))>`.
 *
 * The fragment never reaches a server, so a link works offline and shares nothing with anyone but its
 * recipient. `1.` is the link format's version: a later format gets a new number, and this version rejects
 * numbers it does not know with a message instead of misreading them. Decoding trusts nothing: the link's
 * length is capped, the inflated size is counted from the bytes actually produced and stopped past
 * `DECK_LIMITS.maxFileBytes` (a decompression bomb costs at most one step past the limit), and the JSON
 * passes `parseDeckFile` like any deck file. Documented in docs/deck-format.md ("Share links").
 */
import { deflateSync, Inflate } from 'fflate';
import { DECK_LIMITS, parseDeckFile, type DeckFile } from './deck-format';
import { carriesScheduling, type ImportCandidate } from './import-candidate';

/**
 * The fragment's key: a location hash starting with this is a share link. src/ui/router.ts recognises it
 * with its own copy, so the first screen does not load this module (tests/ui/router.test.ts ties the two).
 */
export const SHARE_HASH_PREFIX = '#deck=';

/** The link format's version, the part of the payload before the first dot. */
export const SHARE_LINK_VERSION = '1';

export const SHARE_LINK_LIMITS = {
  /**
   * Longest fragment (`#deck=…`) made or opened, in characters. Chromium refuses URLs over 2 MiB
   * (2,097,152 characters); this leaves room for the app's own address in front.
   */
  maxFragmentChars: 2_000_000,
  /** Largest inflated deck JSON, in bytes: the same limit as a deck file. */
  maxDeckBytes: DECK_LIMITS.maxFileBytes,
} as const;

/** Input fed to the inflater per step: one step can produce at most about 1 MB (deflate's 1032:1 ratio). */
const INFLATE_STEP = 1024;

export type EncodeResult =
  { ok: true; fragment: string; bytes: number } | { ok: false; reason: 'too-large'; bytes: number };

export type DecodeResult = { ok: true; candidate: ImportCandidate } | { ok: false; error: string };

export const SHARE_LINK_ERRORS = {
  damaged: 'This share link is damaged or incomplete — ask for the link again, or for the deck file.',
  newer:
    'This share link was made by a newer version of SarcoMet. Reload the app to update it, then open the link again.',
  tooLong: 'This share link is longer than SarcoMet can open. Ask for the deck file instead.',
  tooLarge:
    'This share link holds more than 20 MB of deck data, more than SarcoMet opens from a link. Ask for the deck file instead.',
  invalid: 'This share link does not hold a SarcoMet deck SarcoMet can read',
} as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE_TABLE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE_TABLE[ALPHABET.charCodeAt(i)] = i;

/** Base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** The bytes of unpadded base64url text, or null when it holds any other character or cannot be whole. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DECODE_TABLE[code]! : -1;
    if (digit < 0) return null;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, as an encoder writes them; anything else is not a link this app made.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** The deck without any card's schedule or reviews. */
export function withoutScheduling(deck: DeckFile): DeckFile {
  return {
    ...deck,
    cards: deck.cards.map((card) => {
      const { schedule: _schedule, history: _history, ...rest } = card;
      return rest;
    }),
  };
}

/**
 * The share-link fragment (`#deck=1.…`) of a deck. Scheduling is left out unless `scheduling` is set.
 * A link longer than `SHARE_LINK_LIMITS.maxFragmentChars` (or of a deck over the file size limit) is never
 * made: the result says `too-large`, with the fragment's length in characters (or the deck's in bytes),
 * and the deck is shared as a file instead.
 */
export function encodeShareLink(deck: DeckFile, options: { scheduling?: boolean } = {}): EncodeResult {
  const json = new TextEncoder().encode(JSON.stringify(options.scheduling ? deck : withoutScheduling(deck)));
  if (json.length > SHARE_LINK_LIMITS.maxDeckBytes)
    return { ok: false, reason: 'too-large', bytes: json.length };
  const deflated = deflateSync(json, { level: 9 });
  // Base64 grows by 4/3; check before building a string that could not be used.
  const expected =
    SHARE_HASH_PREFIX.length + SHARE_LINK_VERSION.length + 1 + Math.ceil((deflated.length * 4) / 3);
  if (expected > SHARE_LINK_LIMITS.maxFragmentChars)
    return { ok: false, reason: 'too-large', bytes: expected };
  const fragment = `${SHARE_HASH_PREFIX}${SHARE_LINK_VERSION}.${toBase64Url(deflated)}`;
  return { ok: true, fragment, bytes: fragment.length };
}

class TooLarge extends Error {}

/** Inflates raw deflate data, stopping as soon as the output passes `max` bytes. Null when damaged. */
function inflateCapped(data: Uint8Array, max: number): Uint8Array | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    // fflate throws on a stream that is cut short ("unexpected EOF") or malformed once told it is final.
    if (error instanceof TooLarge) return 'too-large';
    return null;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Reads a share link's payload, the part of the hash after `#deck=` (e.g. `1.eNq…`), into an import
 * candidate. Never throws; every failure is a sentence the learner can act on.
 */
export function decodeSharePayload(payload: string): DecodeResult {
  if (payload.length + SHARE_HASH_PREFIX.length > SHARE_LINK_LIMITS.maxFragmentChars) {
    return { ok: false, error: SHARE_LINK_ERRORS.tooLong };
  }
  const dot = payload.indexOf('.');
  if (dot <= 0) return { ok: false, error: SHARE_LINK_ERRORS.damaged };
  const version = payload.slice(0, dot);
  if (version !== SHARE_LINK_VERSION) {
    return { ok: false, error: /^\d+$/.test(version) ? SHARE_LINK_ERRORS.newer : SHARE_LINK_ERRORS.damaged };
  }
  const deflated = fromBase64Url(payload.slice(dot + 1));
  if (!deflated || deflated.length === 0) return { ok: false, error: SHARE_LINK_ERRORS.damaged };
  const inflated = inflateCapped(deflated, SHARE_LINK_LIMITS.maxDeckBytes);
  if (inflated === 'too-large') return { ok: false, error: SHARE_LINK_ERRORS.tooLarge };
  if (!inflated) return { ok: false, error: SHARE_LINK_ERRORS.damaged };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: SHARE_LINK_ERRORS.damaged };
  }
  const parsed = parseDeckFile(data);
  if (!parsed.ok)
    return { ok: false, error: `${SHARE_LINK_ERRORS.invalid} (${parsed.errors[0] ?? 'unknown'}).` };
  const deck = parsed.value;
  return {
    ok: true,
    candidate: { deck, origin: 'link', notices: [], hasScheduling: carriesScheduling(deck) },
  };
}
