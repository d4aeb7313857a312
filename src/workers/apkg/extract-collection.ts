/**
 * Taking the Anki collection (an SQLite database) out of a package: `collection.anki21b` (zstd inside the
 * zip; Anki 2.1.50+), else `collection.anki21`, else `collection.anki2`. The size limit is checked against the
 * bytes actually produced while decompressing, never a size the file declares, so a decompression bomb is
 * stopped as soon as it passes the limit.
 */
import { Decompress } from 'fzstd';
import { ImportFormatError } from '../../domain/interop/interop-candidate';
import { formatMegabytes } from '../../domain/interop/interop-ids';
import { listZip, streamEntry, type ZipEntry } from './zip-reader';

export const COLLECTION_NAMES = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

export interface ExtractedCollection {
  name: (typeof COLLECTION_NAMES)[number];
  bytes: Uint8Array;
  /** Media files in the package (entries named by number), none of which were read. */
  mediaFiles: number;
}

function tooLarge(limit: number): ImportFormatError {
  return new ImportFormatError(
    `This .apkg file's collection unpacks to more than ${formatMegabytes(limit)}, more than this app can open. ` +
      'In Anki, export a smaller deck (or its subdecks one by one) and import those.',
  );
}

/** Collects chunks until `limit` bytes, then throws; `bytes()` joins them. */
function makeSink(limit: number) {
  const chunks: Uint8Array[] = [];
  let total = 0;
  return {
    push(chunk: Uint8Array) {
      total += chunk.length;
      if (total > limit) throw tooLarge(limit);
      if (chunk.length > 0) chunks.push(chunk);
    },
    bytes(): Uint8Array {
      const out = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
      }
      return out;
    },
  };
}

/** The frame content size a zstd frame header declares, if any (to refuse a huge one before allocating). */
function declaredZstdSize(head: Uint8Array): number | undefined {
  if (head.length < 6 || head[0] !== 0x28 || head[1] !== 0xb5 || head[2] !== 0x2f || head[3] !== 0xfd) return;
  const descriptor = head[4]!;
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag]!;
  const at = 5 + (singleSegment ? 0 : 1) + dictBytes;
  if (sizeBytes === 0 || head.length < at + sizeBytes) return;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) size = size * 256 + head[at + i]!;
  return sizeBytes === 2 ? size + 256 : size;
}

/**
 * The collection of the package in `blob`, decompressed, at most `limit` bytes. Throws `ImportFormatError`
 * when there is none, when it is damaged or when it unpacks to more than `limit`.
 */
export async function extractCollection(blob: Blob, limit: number): Promise<ExtractedCollection> {
  const entries = await listZip(blob);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const name = COLLECTION_NAMES.find((n) => byName.has(n));
  if (!name) {
    throw new ImportFormatError(
      'This .apkg file holds no Anki collection (no collection.anki21b, collection.anki21 or collection.anki2). Export it again from Anki.',
    );
  }
  const entry = byName.get(name) as ZipEntry;
  const mediaFiles = entries.filter((e) => /^\d+$/.test(e.name)).length;
  const sink = makeSink(limit);

  if (name !== 'collection.anki21b') {
    await streamEntry(blob, entry, (chunk) => sink.push(chunk));
    return { name, bytes: sink.bytes(), mediaFiles };
  }

  let started = false;
  const zstd = new Decompress((chunk) => sink.push(chunk));
  await streamEntry(blob, entry, (chunk, final) => {
    if (!started && chunk.length > 0) {
      started = true;
      const declared = declaredZstdSize(chunk);
      if (declared !== undefined && declared > limit) throw tooLarge(limit);
    }
    try {
      zstd.push(chunk, final);
    } catch (error) {
      if (error instanceof ImportFormatError) throw error;
      // A frame asking for more memory than the browser gives (RangeError) is as good as too large.
      if (error instanceof RangeError) throw tooLarge(limit);
      throw new ImportFormatError(
        `This .apkg file is damaged: its collection cannot be decompressed (${(error as Error).message}). Export it again from Anki.`,
      );
    }
  });
  if (!started)
    throw new ImportFormatError(
      `This .apkg file is damaged: its collection is empty. Export it again from Anki.`,
    );
  return { name, bytes: sink.bytes(), mediaFiles };
}
