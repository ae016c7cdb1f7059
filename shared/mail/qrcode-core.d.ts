// qrcode's encoder on its own: the package's main also loads its PNG, SVG and terminal renderers (and
// pngjs), which Convene never uses: it draws the symbol itself (bilevel-png.ts, checkInQrOutline).
declare module 'qrcode/lib/core/qrcode' {
  import type { create as createQr } from 'qrcode';
  export const create: typeof createQr;
}
