import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_MAX_BYTES, QUIET_ZONE, qrPath } from '../../src/ui/qr/qr-path';

/** The dark modules a path draws, as "row,col" keys. */
function drawn(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) cells.add(`${Number(y) - QUIET_ZONE},${Number(x) + i - QUIET_ZONE}`);
  }
  return cells;
}

describe('qrPath', () => {
  it('draws exactly the dark modules of the code, inside a quiet zone', () => {
    const text = 'https://sarcomet.example/#deck=1.abcDEF-_';
    const result = qrPath(text);
    if (!result.ok) throw new Error('no code');
    const { modules } = create(text, { errorCorrectionLevel: 'L' });
    expect(result.size).toBe(modules.size + 2 * QUIET_ZONE);
    const dark = new Set<string>();
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) dark.add(`${r},${c}`);
    expect(dark.size).toBeGreaterThan(100);
    expect(drawn(result.path)).toEqual(dark);
  });

  it('makes a code up to the largest QR capacity and refuses longer text', () => {
    const fits = qrPath(`https://x.example/#deck=1.${'a_B-'.repeat(700)}`);
    expect(fits.ok && fits.size).toBeGreaterThan(100);
    expect(qrPath('a'.repeat(QR_MAX_BYTES)).ok).toBe(true);
    expect(qrPath('a'.repeat(QR_MAX_BYTES + 1))).toEqual({ ok: false });
    // Counted in UTF-8 bytes, not characters.
    expect(qrPath('é'.repeat(Math.ceil((QR_MAX_BYTES + 1) / 2)))).toEqual({ ok: false });
  });
});
