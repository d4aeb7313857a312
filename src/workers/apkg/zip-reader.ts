/**
 * Reading one entry of a zip archive held in a Blob without reading the rest: the central directory is read
 * from the end of the file with `Blob.slice`, and the entry's compressed bytes are streamed in slices through
 * fflate's streaming inflater. An Anki package is mostly media, which is never read at all.
 */
import { Inflate } from 'fflate';
import { ImportFormatError } from '../../domain/interop/interop-candidate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared; never trusted for allocation or limits. */
  size: number;
  localHeaderOffset: number;
}

/** Bytes read per slice while streaming an entry. */
const SLICE_BYTES = 4 * 1024 * 1024;
const EOCD_SIGNATURE = 0x06054b50;
const MAX_COMMENT = 0xffff;

export const DAMAGED =
  'This .apkg file is damaged: its list of contents is missing or cut short (an incomplete download?). Export it again from Anki.';

async function bytesAt(blob: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > blob.size || start > end) throw new ImportFormatError(DAMAGED);
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

const u64 = (view: DataView, at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;

/** Where the central directory is, from the end-of-central-directory record (zip64 too). */
async function findDirectory(blob: Blob): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, blob.size - (22 + MAX_COMMENT));
  const tail = await bytesAt(blob, tailStart, blob.size);
  for (let at = tail.byteLength - 22; at >= 0; at--) {
    if (tail.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    let count = tail.getUint16(at + 10, true);
    let size = tail.getUint32(at + 12, true);
    let offset = tail.getUint32(at + 16, true);
    if (offset === 0xffffffff || size === 0xffffffff || count === 0xffff) {
      // Zip64: the locator just before the record points at the zip64 end-of-central-directory record.
      const locator = await bytesAt(blob, tailStart + at - 20, tailStart + at);
      if (locator.getUint32(0, true) !== 0x07064b50) throw new ImportFormatError(DAMAGED);
      const recordAt = u64(locator, 8);
      const record = await bytesAt(blob, recordAt, recordAt + 56);
      if (record.getUint32(0, true) !== 0x06064b50) throw new ImportFormatError(DAMAGED);
      count = u64(record, 32);
      size = u64(record, 40);
      offset = u64(record, 48);
    }
    return { offset, size, count };
  }
  throw new ImportFormatError(
    blob.size >= 4 && (await bytesAt(blob, 0, 4)).getUint32(0, true) === 0x04034b50
      ? DAMAGED
      : 'This file is not an Anki package: an .apkg file is a zip archive, and this one is not. In Anki, use File › Export… with "Anki Deck Package (.apkg)" and choose that file.',
  );
}

const utf8 = new TextDecoder();

/** The entries of the zip archive in `blob`, from its central directory. Throws `ImportFormatError`. */
export async function listZip(blob: Blob): Promise<ZipEntry[]> {
  const { offset, size, count } = await findDirectory(blob);
  const dir = await bytesAt(blob, offset, offset + size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.byteLength || dir.getUint32(at, true) !== 0x02014b50)
      throw new ImportFormatError(DAMAGED);
    const nameLength = dir.getUint16(at + 28, true);
    const extraLength = dir.getUint16(at + 30, true);
    const commentLength = dir.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > dir.byteLength) throw new ImportFormatError(DAMAGED);
    const entry: ZipEntry = {
      name: utf8.decode(new Uint8Array(dir.buffer, dir.byteOffset + at + 46, nameLength)),
      flags: dir.getUint16(at + 8, true),
      method: dir.getUint16(at + 10, true),
      compressedSize: dir.getUint32(at + 20, true),
      size: dir.getUint32(at + 24, true),
      localHeaderOffset: dir.getUint32(at + 42, true),
    };
    readZip64Extra(new DataView(dir.buffer, dir.byteOffset + at + 46 + nameLength, extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Zip64 sizes and offset, for the fields the central directory marks 0xFFFFFFFF. */
function readZip64Extra(extra: DataView, entry: ZipEntry): void {
  let at = 0;
  while (at + 4 <= extra.byteLength) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ImportFormatError(DAMAGED);
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
    }
    at += 4 + length;
  }
}

/**
 * Streams an entry's uncompressed bytes to `sink` as they are inflated, slice by slice; `sink` may throw to
 * stop (a size limit). The last call has `final` true. Throws `ImportFormatError` on a damaged entry.
 */
export async function streamEntry(
  blob: Blob,
  entry: ZipEntry,
  sink: (chunk: Uint8Array, final: boolean) => void,
): Promise<void> {
  if (entry.flags & 1) {
    throw new ImportFormatError(
      'This .apkg file is encrypted, which Anki packages never are. Export it again from Anki.',
    );
  }
  const header = await bytesAt(blob, entry.localHeaderOffset, entry.localHeaderOffset + 30);
  if (header.getUint32(0, true) !== 0x04034b50) throw new ImportFormatError(DAMAGED);
  const start = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > blob.size) throw new ImportFormatError(DAMAGED);

  let push: (chunk: Uint8Array, final: boolean) => void;
  if (entry.method === 0) push = sink;
  else if (entry.method === 8) {
    const inflate = new Inflate((chunk, final) => sink(chunk, final));
    push = (chunk, final) => inflate.push(chunk, final);
  } else {
    throw new ImportFormatError(
      `This .apkg file is compressed in a way this app cannot read (zip method ${entry.method}). Export it again from Anki.`,
    );
  }
  try {
    if (start === end) push(new Uint8Array(0), true);
    for (let at = start; at < end; at += SLICE_BYTES) {
      const stop = Math.min(end, at + SLICE_BYTES);
      push(new Uint8Array(await blob.slice(at, stop).arrayBuffer()), stop === end);
    }
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    throw new ImportFormatError(
      `This .apkg file is damaged: ${entry.name} cannot be unpacked (${(error as Error).message}). Export it again from Anki.`,
    );
  }
}
