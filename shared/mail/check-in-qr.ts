import { create as createQr } from 'qrcode/lib/core/qrcode';
import { bilevelPng } from './bilevel-png';

/**
 * The QR code of a check-in code, as the door's scanner reads it: the 8 characters alone, not a link.
 * Crockford base32 is upper-case letters and digits, which QR's alphanumeric mode packs into the
 * smallest symbol (21 by 21 modules) even at level Q, so a cracked phone screen or a creased printout
 * still scans; and a delegate who scans their own code sees their code, not a page they cannot open.
 */
const options = { errorCorrectionLevel: 'Q', margin: 4 } as const;

/** A PNG sent inside the mail (by Content-ID), drawn 6 pixels a module: 174 pixels square. */
export interface InlineImage {
  /** Referred to as `cid:<cid>` from the HTML part. */
  readonly cid: string;
  readonly filename: string;
  readonly contentType: 'image/png';
  readonly content: Buffer;
  readonly width: number;
}

export const CHECK_IN_QR_CID = 'check-in-code@convene';
const MODULE_PIXELS = 6;

/**
 * The check-in QR code as an inline PNG for a mail. Gmail blocks `data:` images and a linked image is
 * often not loaded, so the PNG travels in the message, in a multipart/related part beside the HTML.
 */
export const checkInQrImage = async (code: string): Promise<InlineImage> => {
  const { modules } = createQr(code, options);
  const side = (modules.size + 2 * options.margin) * MODULE_PIXELS;
  const moduleAt = (pixel: number): number => Math.floor(pixel / MODULE_PIXELS) - options.margin;
  const isDark = (x: number, y: number): boolean => {
    const [row, col] = [moduleAt(y), moduleAt(x)];
    const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
    return inside && Boolean(modules.get(row, col));
  };
  return {
    cid: CHECK_IN_QR_CID,
    filename: 'check-in-code.png',
    contentType: 'image/png',
    content: bilevelPng(side, side, isDark),
    width: side,
  };
};

/** The check-in QR code as one SVG path (a unit square per dark module) and the side of its square. */
export interface QrOutline {
  /** The viewBox's side, quiet zone included, in modules. */
  readonly size: number;
  /** `d` of one path: only the letters M, h, v, z, digits, spaces and '-', so a page can show it as text. */
  readonly path: string;
}

/** The check-in QR code drawn as SVG for a page: no image request, so the page's CSP stays `img-src 'self'`. */
export const checkInQrOutline = (code: string): QrOutline => {
  const { modules } = createQr(code, options);
  const m = options.margin;
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      runs.push(`M${start + m} ${row + m}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: modules.size + 2 * m, path: runs.join('') };
};
