import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDeckFile, type DeckCard } from '../../src/domain/deck-format';
import { replayAnkiReviews } from '../../src/domain/interop/anki-replay';
import { makeScheduler, type SchedulerSettings } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../src/domain/types';
import { readApkg, type ReadApkgOptions } from '../../src/workers/apkg/read-apkg';
import {
  BASIC,
  buildApkg,
  buildCollection,
  FIRST_REVIEW,
  SAMPLE,
  SQL_WASM,
  zstdZeros,
  type PackageFormat,
} from '../fixtures/apkg';

const NOW = new Date('2026-01-05T09:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const SETTINGS: SchedulerSettings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const OPTIONS: ReadApkgOptions = {
  fileName: 'Pharm.apkg',
  wasm: SQL_WASM,
  settings: SETTINGS,
  now: NOW,
};
const MEDIA = { 'map.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) };

const read = (bytes: Uint8Array, options: Partial<ReadApkgOptions> = {}) =>
  readApkg(new Blob([bytes as Uint8Array<ArrayBuffer>]), { ...OPTIONS, ...options });

const byId = (cards: readonly DeckCard[], suffix: string) => {
  const found = cards.filter((c) => c.id.endsWith(suffix));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

describe.each(['anki2', 'anki21', 'anki21b'] as const)('readApkg: collection.%s', (format: PackageFormat) => {
  it('renders every card from its own note type and keeps what it can', async () => {
    const candidate = await read(await buildApkg(SAMPLE, { format, media: MEDIA }));
    const { deck } = candidate;
    expect(parseDeckFile(deck).ok).toBe(true);
    expect(candidate.origin).toBe('apkg');
    expect(deck.id).toBe('pharmacology');
    expect(deck.title).toBe('Pharmacology');
    expect(deck.cards.every((c) => c.markup === 'html')).toBe(true);
    // 10 cards in the package; Linezolid's mechanism card has an empty front.
    expect(deck.cards).toHaveLength(9);
    expect(candidate.notices).toEqual([
      'The cards come from 2 Anki decks (“Pharmacology”, “Pharmacology::Antibiotics”); they were put in one deck, “Pharmacology”.',
      '1 media file was skipped: images and sounds are not imported.',
      '1 card was skipped because a side is empty once media are left out (Anki leaves out cards with an empty front too).',
      '4 reviews from Anki can be kept: they were replayed to schedule the cards.',
      '1 card had been studied in Anki, but the package holds no reviews of it; it starts as new.',
    ]);
  });

  it('Basic: front and answer, without the repeated front, media or invalid tags', async () => {
    const { deck } = await read(await buildApkg(SAMPLE, { format }));
    const card = byId(deck.cards, `anki:${hex('Ab3#x')}:t1`);
    expect(card).toMatchObject({
      id: `anki:${hex('Ab3#x')}:t1`,
      factId: `anki:${hex('Ab3#x')}`,
      kind: 'qa',
      front: 'What is <b>MAP</b>?',
      back: 'Mean arterial pressure',
      tags: ['cardio', 'bp/basics'],
    });
  });

  it('Basic (and reversed): two siblings sharing the fact id, one suspended', async () => {
    const { deck } = await read(await buildApkg(SAMPLE, { format }));
    const fact = `anki:${hex('rev/1')}`;
    const [forward, reverse] = [byId(deck.cards, `${fact}:t1`), byId(deck.cards, `${fact}:t2`)];
    expect([forward.front, forward.back, reverse.front, reverse.back]).toEqual([
      'Penicillin',
      'β-lactam antibiotic',
      'β-lactam antibiotic',
      'Penicillin',
    ]);
    expect(forward.schedule).toBeUndefined();
    expect(reverse.schedule).toMatchObject({ suspended: true, state: 0, reps: 0, due: NOW.getTime() });
  });

  it('Cloze: three deletions give three cards, each hiding its own', async () => {
    const { deck } = await read(await buildApkg(SAMPLE, { format }));
    const cloze = deck.cards.filter((c) => c.factId === `anki:${hex('cloze-1')}`);
    expect(cloze.map((c) => [c.id.split(':').pop(), c.kind, c.front])).toEqual([
      ['c1', 'cloze', 'The <span class="cloze">[...]</span> is the longest bone of the body.'],
      ['c2', 'cloze', 'The femur is the <span class="cloze">[...]</span> bone of the body.'],
      ['c3', 'cloze', 'The femur is the longest bone of the <span class="cloze">[where?]</span>.'],
    ]);
    expect(cloze[2]?.back).toBe(
      'The femur is the longest bone of the <span class="cloze">body</span>.<br>\nThigh',
    );
  });

  it('a custom note type: three fields, two templates, conditionals and filters', async () => {
    const { deck } = await read(await buildApkg(SAMPLE, { format }));
    const vanc = `anki:${hex('drug-vanc')}`;
    expect(byId(deck.cards, `${vanc}:t1`).back).toBe(
      'glycopeptide<br>Acts by: inhibits <i>cell wall</i> synthesis',
    );
    expect(byId(deck.cards, `${vanc}:t2`).front).toBe('Which glycopeptide inhibits cell wall synthesis?');
    expect(byId(deck.cards, `${vanc}:t2`).back).toBe('Vancomycin');
    const line = `anki:${hex('drug-line')}`;
    expect(byId(deck.cards, `${line}:t1`).back).toBe('oxazolidinone<br>(mechanism unknown)');
    expect(deck.cards.some((c) => c.id === `${line}:t2`)).toBe(false);
  });

  it('replays graded reviews through the scheduler and leaves out manual entries and reschedules', async () => {
    const candidate = await read(await buildApkg(SAMPLE, { format }));
    expect(candidate.hasScheduling).toBe(true);
    const card = byId(candidate.deck.cards, `anki:${hex('Ab3#x')}:t1`);
    const graded = [
      [FIRST_REVIEW, 3],
      [FIRST_REVIEW + 10 * MINUTE, 3],
      [FIRST_REVIEW + 2 * DAY, 1],
      [FIRST_REVIEW + 2 * DAY + 10 * MINUTE, 3],
    ] as const;
    expect(card.history?.map((h) => [h.time, h.grade])).toEqual(graded);
    expect(card.history?.map((h) => h.id)).toEqual(graded.map(([time]) => `anki${time}`));
    const expected = replayAnkiReviews(
      card,
      graded.map(([id, ease]) => ({ id, ease, type: 1 })),
      makeScheduler(SETTINGS, { fuzz: false }),
      { suspended: false, now: NOW },
    );
    expect(card.schedule).toEqual(expected.schedule);
    expect(card.history).toEqual(expected.history);
    // Again in review, then Good: back in review with one lapse.
    expect(card.schedule).toMatchObject({ state: 2, reps: 4, lapses: 1, lastReview: graded[3][0] });
  });
});

describe('readApkg: packages in general', () => {
  it('gives the same ids whichever collection format the package holds, and on every import', async () => {
    const ids = async (format: PackageFormat) =>
      (await read(await buildApkg(SAMPLE, { format }))).deck.cards.map((c) => c.id);
    const legacy = await ids('anki21');
    expect(await ids('anki21b')).toEqual(legacy);
    expect(await ids('anki21')).toEqual(legacy);
    expect(new Set(legacy).size).toBe(legacy.length);
  });

  it('prefers collection.anki21b over the dummy collection.anki2 next to it', async () => {
    const { deck } = await read(await buildApkg(SAMPLE, { format: 'anki21b' }));
    expect(deck.cards.some((c) => c.front.includes('Please update'))).toBe(false);
  });

  it('uses the file name when the cards are in the Default deck, and ignores cards without a template', async () => {
    const spec = {
      ...SAMPLE,
      noteTypes: [BASIC],
      notes: [{ id: 1, guid: 'a', noteType: 1001, fields: ['q', 'a'] }],
      cards: [
        { id: 1, note: 1, deck: 1, ord: 0 },
        { id: 2, note: 1, deck: 1, ord: 5 },
      ],
      reviews: [],
    };
    const candidate = await read(await buildApkg(spec, { format: 'anki21' }), { fileName: 'My Notes.apkg' });
    expect([candidate.deck.id, candidate.deck.title, candidate.hasScheduling]).toEqual([
      'my-notes',
      'My Notes',
      false,
    ]);
    expect(candidate.notices).toEqual([
      '1 card was skipped because the package lacks its note or card template.',
    ]);
  });

  const collection = async () => buildCollection(SAMPLE, 'legacy');
  const failures: {
    name: string;
    bytes: () => Promise<Uint8Array>;
    options?: Partial<ReadApkgOptions>;
    message: string;
  }[] = [
    {
      name: 'not a zip',
      bytes: async () => strToU8('just some text, not a package'),
      message: 'This file is not an Anki package',
    },
    {
      name: 'a zip cut short at its end',
      bytes: async () => {
        const zip = await buildApkg(SAMPLE, { format: 'anki21', media: MEDIA });
        return zip.slice(0, zip.length - 30);
      },
      message: 'This .apkg file is damaged: its list of contents is missing or cut short',
    },
    {
      name: 'a zip cut in half',
      bytes: async () => {
        const zip = await buildApkg(SAMPLE, { format: 'anki21', media: MEDIA });
        return zip.slice(0, zip.length >> 1);
      },
      message: 'This .apkg file is damaged: its list of contents is missing or cut short',
    },
    {
      name: 'a zip without a collection',
      bytes: async () => zipSync({ media: strToU8('{}'), '0': new Uint8Array(10) }),
      message: 'This .apkg file holds no Anki collection',
    },
    {
      name: 'a collection that is not a database',
      bytes: async () =>
        zipSync({ 'collection.anki21': strToU8('SQLite format 3 - not really'.repeat(100)) }),
      message: 'This .apkg file is damaged: its collection',
    },
    {
      name: 'a deflate bomb',
      bytes: async () => zipSync({ 'collection.anki21': [new Uint8Array(3 * 1024 * 1024), { level: 9 }] }),
      options: { limits: { maxCollectionBytes: 1024 * 1024 } },
      message: "This .apkg file's collection unpacks to more than 1 MB",
    },
    {
      name: 'a zstd bomb',
      bytes: async () => zipSync({ 'collection.anki21b': [zstdZeros(8 * 1024 * 1024), { level: 0 }] }),
      options: { limits: { maxCollectionBytes: 1024 * 1024 } },
      message: "This .apkg file's collection unpacks to more than 1 MB",
    },
    {
      name: 'a damaged zstd stream',
      bytes: async () =>
        zipSync({
          'collection.anki21b': [new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 9, 9, 9, 9]), { level: 0 }],
        }),
      message: 'This .apkg file is damaged',
    },
    {
      name: 'a collection whose compressed bytes are overwritten',
      bytes: async () => {
        const zip = zipSync({ 'collection.anki21': await collection() });
        // The directory is intact; the start of the deflated collection is zeros.
        const damaged = zip.slice();
        damaged.fill(0, 40, 200);
        return damaged;
      },
      message: 'This .apkg file is damaged',
    },
    {
      name: 'a package over the size limit',
      bytes: async () =>
        buildApkg(SAMPLE, {
          format: 'anki21',
          media: { 'big.png': new Uint8Array(2.5 * 1024 * 1024).fill(7) },
        }),
      options: { limits: { maxPackageBytes: 1024 * 1024 } },
      message: 'This package is 2.5 MB; packages up to 1 MB can be imported.',
    },
    { name: 'an empty file', bytes: async () => new Uint8Array(0), message: 'This file is empty' },
  ];
  it.each(failures)('rejects $name with a clear message', async ({ bytes, options, message }) => {
    await expect(read(await bytes(), options)).rejects.toThrow(message);
  });
});
