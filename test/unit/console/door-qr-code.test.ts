import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import jsQR from 'jsqr';
import { CHECK_IN_QR_CID, checkInQrImage, checkInQrOutline } from '../../../shared/mail/check-in-qr';

// qrcode's own PNG reader (a dependency of it), to read the image back as a scanner would.
const { PNG } = createRequire(import.meta.url)('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};

const CODE = 'K7QX3M9P';

/** The outline's squares painted black on white, `pixels` a module, as RGBA for jsQR. */
const paint = (size: number, path: string, pixels = 4): { data: Uint8ClampedArray; side: number } => {
  const side = size * pixels;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let px = Number(x) * pixels; px < (Number(x) + Number(w)) * pixels; px += 1)
      for (let py = Number(y) * pixels; py < (Number(y) + 1) * pixels; py += 1)
        data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
  }
  return { data, side };
};

describe('the check-in QR code', () => {
  it('in the mail is a PNG that a scanner reads as the code itself', async () => {
    const image = await checkInQrImage(CODE);
    const png = PNG.sync.read(image.content);

    expect(image).toMatchObject({ cid: CHECK_IN_QR_CID, contentType: 'image/png', width: png.width });
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(CODE);
  });

  it('on the manage page is one SVG path, of moves and lines only, that reads as the code', () => {
    const outline = checkInQrOutline(CODE);
    const { data, side } = paint(outline.size, outline.path);

    expect(outline.path).toMatch(/^[Mhvz0-9 -]+$/);
    expect(outline.size).toBe(29);
    expect(jsQR(data, side, side)?.data).toBe(CODE);
  });
});
