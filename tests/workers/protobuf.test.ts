import { describe, expect, it } from 'vitest';
import { protoString, protoUint, readFields, readVarint } from '../../src/workers/apkg/protobuf';
import { protoMessage } from '../fixtures/apkg';

describe('protobuf reader', () => {
  it.each([
    [[0x00], 0, 1],
    [[0x01], 1, 1],
    [[0x96, 0x01], 150, 2],
    [[0xff, 0xff, 0xff, 0xff, 0x0f], 2 ** 32 - 1, 5],
    [[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], 2 ** 53, 8],
  ])('readVarint(%j) = %d', (bytes, value, next) => {
    expect(readVarint(new Uint8Array(bytes), 0)).toEqual([value, next]);
  });

  it('reads varint and string fields and skips fixed-width ones', () => {
    // field 1 varint 1; field 9 fixed64; field 3 string "css"; field 4 fixed32; field 2 varint 300
    const bytes = new Uint8Array([
      0x08, 0x01, 0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x1a, 0x03, 0x63, 0x73, 0x73, 0x25, 1, 2, 3, 4, 0x10, 0xac,
      0x02,
    ]);
    expect(readFields(bytes).map((f) => f.field)).toEqual([1, 3, 2]);
    expect(protoUint(bytes, 1)).toBe(1);
    expect(protoUint(bytes, 2)).toBe(300);
    expect(protoString(bytes, 3)).toBe('css');
  });

  it('gives defaults for absent fields and keeps the last value of a repeated one', () => {
    const bytes = protoMessage([
      [1, 'first'],
      [1, 'second'],
    ]);
    expect(protoString(bytes, 1)).toBe('second');
    expect(protoString(bytes, 2)).toBe('');
    expect(protoUint(bytes, 7)).toBe(0);
  });

  it('reads what the fixture writer writes: UTF-8 strings and large varints', () => {
    const bytes = protoMessage([
      [1, '{{Front}}<br>émoji 🦴'],
      [2, 2 ** 40 + 5],
    ]);
    expect(protoString(bytes, 1)).toBe('{{Front}}<br>émoji 🦴');
    expect(protoUint(bytes, 2)).toBe(2 ** 40 + 5);
  });

  it.each([
    ['truncated varint', [0x08, 0x96]],
    ['length past the end', [0x0a, 0x05, 0x61]],
    ['fixed64 past the end', [0x09, 1, 2]],
    ['group wire type', [0x0b]],
    ['field number 0', [0x00, 0x01]],
    ['varint over 10 bytes', [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
  ])('rejects %s', (_name, bytes) => {
    expect(() => readFields(new Uint8Array(bytes))).toThrow();
  });
});
