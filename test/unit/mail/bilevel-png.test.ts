import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { bilevelPng } from '../../../shared/mail/bilevel-png';

// qrcode's own PNG reader (a dependency of it), to read the picture back as a mail client would.
const { PNG } = createRequire(import.meta.url)('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};

describe('a one-bit PNG', () => {
  it('reads back pixel for pixel, dark where asked, at a width that is not a whole number of bytes', () => {
    const [width, height] = [13, 5];
    const dark = (x: number, y: number) => (x + y) % 3 === 0;
    const read = PNG.sync.read(bilevelPng(width, height, dark));

    expect([read.width, read.height]).toEqual([width, height]);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const [r, g, b, a] = read.data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
        expect({ x, y, rgba: [r, g, b, a] }).toEqual({
          x,
          y,
          rgba: dark(x, y) ? [0, 0, 0, 255] : [255, 255, 255, 255],
        });
      }
    }
  });
});
