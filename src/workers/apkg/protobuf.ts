/**
 * A minimal protocol-buffers reader for the few fields of Anki's schema-18 configs we need (note type kind,
 * template formats): varints and length-delimited fields, with fixed-width fields skipped. Anki's messages
 * are proto3 (anki/proto/anki/notetypes.proto), so a missing field is its default (0 or "").
 */

/** Thrown on bytes that are not a well-formed message. */
export class ProtobufError extends Error {
  override name = 'ProtobufError';
}

export type ProtoValue = { wire: 0; value: number } | { wire: 2; value: Uint8Array };

/** Reads a varint at `pos`; returns its value (exact up to 2^53) and the position after it. */
export function readVarint(bytes: Uint8Array, pos: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const byte = bytes[pos + i];
    if (byte === undefined) throw new ProtobufError('a varint runs past the end of the message');
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, pos + i + 1];
  }
  throw new ProtobufError('a varint is longer than 10 bytes');
}

/** Every field of a message, in order; fields of wire types 1 and 5 are skipped, groups are rejected. */
export function readFields(bytes: Uint8Array): { field: number; data: ProtoValue }[] {
  const out: { field: number; data: ProtoValue }[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const [key, afterKey] = readVarint(bytes, pos);
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new ProtobufError('field number 0');
    pos = afterKey;
    if (wire === 0) {
      const [value, next] = readVarint(bytes, pos);
      out.push({ field, data: { wire: 0, value } });
      pos = next;
    } else if (wire === 2) {
      const [length, start] = readVarint(bytes, pos);
      if (start + length > bytes.length) throw new ProtobufError('a field runs past the end of the message');
      out.push({ field, data: { wire: 2, value: bytes.subarray(start, start + length) } });
      pos = start + length;
    } else if (wire === 1 || wire === 5) {
      pos += wire === 1 ? 8 : 4;
      if (pos > bytes.length) throw new ProtobufError('a field runs past the end of the message');
    } else {
      throw new ProtobufError(`wire type ${wire} is not supported`);
    }
  }
  return out;
}

const utf8 = new TextDecoder();

/** The last value of a varint field (proto3: the last one wins), or 0. */
export function protoUint(bytes: Uint8Array, field: number): number {
  let value = 0;
  for (const f of readFields(bytes)) if (f.field === field && f.data.wire === 0) value = f.data.value;
  return value;
}

/** The last value of a string field, or "". */
export function protoString(bytes: Uint8Array, field: number): string {
  let value = '';
  for (const f of readFields(bytes))
    if (f.field === field && f.data.wire === 2) value = utf8.decode(f.data.value);
  return value;
}
