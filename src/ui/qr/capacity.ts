/**
 * Most bytes a QR code holds: version 40, error correction L, byte mode. Apart from qr-path.ts so the share
 * dialog can tell whether a link fits without loading qrcode.
 */
export const QR_MAX_BYTES = 2953;

/** True when `text` is short enough for a QR code (in UTF-8 bytes). */
export function fitsQrCode(text: string): boolean {
  return new TextEncoder().encode(text).length <= QR_MAX_BYTES;
}
