/**
 * A QR code as one SVG path, from qrcode's module matrix (no canvas, no markup string: the component builds
 * the SVG elements). Loaded with the share dialog's QR code only.
 */
import { create } from 'qrcode';
import { fitsQrCode } from './capacity';

export { QR_MAX_BYTES } from './capacity';

/** Modules of light margin around the code, as the QR standard asks (the "quiet zone"). */
export const QUIET_ZONE = 4;

export type QrResult = { ok: true; size: number; path: string } | { ok: false };

/**
 * The code of `text`: its width in modules, quiet zone included, and an SVG path of its dark modules (runs
 * of a row drawn as one rectangle). `ok: false` when the text is too long for any QR code.
 */
export function qrPath(text: string): QrResult {
  if (!fitsQrCode(text)) return { ok: false };
  let modules: ReturnType<typeof create>['modules'];
  try {
    modules = create(text, { errorCorrectionLevel: 'L' }).modules;
  } catch {
    // qrcode throws when the data does not fit version 40.
    return { ok: false };
  }
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { ok: true, size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
