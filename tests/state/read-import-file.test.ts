/**
 * A corpus of bad deck files: each gets a message a learner understands, nothing crashes, the collection is
 * unchanged and Object.prototype is untouched.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../src/domain/interop/delimited-text';
import { decodeSharePayload, toBase64Url } from '../../src/domain/share-link';
import { readApkg } from '../../src/workers/apkg/read-apkg';
import { SQL_WASM } from '../fixtures/apkg';
import { DECK_LIMITS } from '../../src/domain/deck-format';
import { importDeck } from '../../src/storage/deck-import';
import { deckCandidateOfText, ImportError, readImportFile } from '../../src/state/read-import-file';
import { hashCollection } from '../storage/backup-helpers';
import { NOW, deckFile, openTestDb } from '../storage/helpers';

const valid = deckFile('shared', 2);
const json = (value: unknown) => JSON.stringify(value);
const withCard = (patch: Record<string, unknown>) =>
  json({ ...valid, cards: [{ ...valid.cards[0], ...patch }, valid.cards[1]] });

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const CORPUS: [name: string, text: string, message: RegExp][] = [
  ['truncated JSON', json(valid).slice(0, 120), /invalid or cut off/],
  ['invalid JSON', '{format: sarcomet-deck}', /invalid or cut off/],
  ['an empty object', '{}', /not a SarcoMet deck/],
  ['an array', '[1,2,3]', /has errors/],
  ['null', 'null', /has errors/],
  ['a string', '"deck"', /has errors/],
  ['a title of the wrong type', json({ ...valid, title: 5 }), /title/],
  ['cards that are not a list', json({ ...valid, cards: 'many' }), /cards/],
  ['a card of an unknown kind', withCard({ kind: 'essay' }), /cards\.0\.kind/],
  ['a __proto__ key on the deck', json(valid).replace('{', '{"__proto__":{"polluted":true},'), /__proto__/],
  [
    'a __proto__ key on a card',
    withCard({}).replace('"id":"shared.c0"', '"__proto__":{"polluted":true},"id":"shared.c0"'),
    /__proto__/,
  ],
  ['a constructor key', withCard({ constructor: { prototype: { polluted: true } } }), /constructor/],
  ['a huge field', withCard({ front: 'x'.repeat(DECK_LIMITS.maxTextLength + 1) }), /cards\.0\.front/],
  ['deep nesting', `{"format":"sarcomet-deck","version":1,"cards":${nested(5000)}}`, /has errors/],
  ['a newer format version', json({ ...valid, version: 2 }), /newer version of SarcoMet/],
  ['a backup', json({ format: 'sarcomet-backup', version: 1 }), /Restore it from Settings/],
  ['duplicate card ids', json({ ...valid, cards: [valid.cards[0], valid.cards[0]] }), /unique/],
  [
    'a schedule with a bad state',
    withCard({
      schedule: {
        due: 0,
        stability: 1,
        difficulty: 1,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 0,
        lapses: 0,
        state: 7,
      },
    }),
    /schedule\.state/,
  ],
  [
    'a review with a bad grade',
    withCard({ history: [{ id: 'abcdefgh', time: 0, grade: 9, prev: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }] }),
    /history\.0\.grade/,
  ],
];

describe('bad deck files', () => {
  it.each(CORPUS)('%s: a clear message, no change, no pollution', async (_name, text, message) => {
    const db = await openTestDb();
    await importDeck(db, deckFile('mine', 3), { builtIn: false, hash: '', now: NOW });
    const before = await hashCollection(db);

    let error: unknown;
    try {
      deckCandidateOfText(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);

    // The storage layer refuses it on its own too, whatever the reader let through.
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // Not JSON at all: importDeck gets the text itself.
      data = text;
    }
    await expect(importDeck(db, data, { builtIn: false, hash: '', now: NOW })).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await hashCollection(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    db.close();
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new File([new Uint8Array(DECK_LIMITS.maxFileBytes + 1)], 'big.json', {
      type: 'application/json',
    });
    await expect(readImportFile(big)).rejects.toThrow(/at most 20\.0 MB/);
  });

  it('refuses an empty file and a file of an unknown kind', async () => {
    await expect(readImportFile(new File([], 'empty.json'))).rejects.toThrow('This file is empty.');
    await expect(readImportFile(new File(['%PDF-1.7'], 'paper.pdf'))).rejects.toThrow(
      /cannot read \.pdf files/,
    );
  });

  it('reads a valid deck file', async () => {
    const candidate = await readImportFile(new File([json(valid)], 'shared.sarcomet.json'));
    expect(candidate).toMatchObject({ origin: 'file', hasScheduling: false, notices: [] });
    expect(candidate.deck).toEqual(valid);
  });
});

describe('bad input on every import path', () => {
  const bomb = () => {
    // 40 MB of one letter in a deck's description: about 40 KB deflated, past the 20 MB cap inflated.
    const size = 40 * 1024 * 1024;
    const json = new Uint8Array(size).fill(0x61);
    json.set(new TextEncoder().encode('{"format":"sarcomet-deck","version":1,"description":"'), 0);
    json.set(new TextEncoder().encode('"}'), size - 2);
    return toBase64Url(deflateSync(json, { level: 9 }));
  };
  const CASES: [name: string, read: () => Promise<unknown>, message: RegExp][] = [
    ['a link whose deck inflates past the cap', async () => decodeOrThrow(`1.${bomb()}`), /more than 20 MB/],
    ['a link cut short', async () => decodeOrThrow('1.eJzLSM3JyVcozy/KSQEAGgQEXQ'), /damaged or incomplete/],
    ['a link of a newer version', async () => decodeOrThrow('9.AAAA'), /newer version/],
    [
      'a link with a __proto__ deck',
      async () => {
        const polluted = new TextEncoder().encode(
          json(valid).replace('{', '{"__proto__":{"polluted":true},'),
        );
        return decodeOrThrow(`1.${toBase64Url(deflateSync(polluted))}`);
      },
      /__proto__/,
    ],
    [
      'a text export of binary junk',
      async () => parseDelimitedText('\u0000\u0001\u0002PK\u0003\u0004', { fileName: 'x.csv' }),
      /./,
    ],
    [
      'an .apkg that is not a zip',
      async () => readApkg(new Blob(['not a zip at all'.repeat(10)]), { wasm: SQL_WASM }),
      /not an Anki package|damaged/i,
    ],
  ];

  it.each(CASES)('%s: a message, no change, no pollution', async (_name, read, message) => {
    const db = await openTestDb();
    await importDeck(db, deckFile('mine', 2), { builtIn: false, hash: '', now: NOW });
    const before = await hashCollection(db);
    await expect(read()).rejects.toThrow(message);
    expect(await hashCollection(db)).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    db.close();
  });
});

function decodeOrThrow(payload: string) {
  const result = decodeSharePayload(payload);
  if (!result.ok) throw new Error(result.error);
  return result.candidate;
}
