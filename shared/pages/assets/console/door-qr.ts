import jsQR from 'jsqr';

/** The browser's own QR reader (Chrome on Android, Safari 17+ on iPhone behind a flag), where there is one. */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** A QR reader for camera frames: the browser's BarcodeDetector where it reads QR codes, else undefined. */
export const nativeQrReader = async (): Promise<BarcodeDetectorLike | undefined> => {
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code')
      ? new Detector({ formats: ['qr_code'] })
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * jsQR on an image or a video frame, drawn at most `longest` pixels on its long side (a phone photo is
 * 12 megapixels; a QR code held up to the camera needs far fewer). Undefined when no code is found.
 */
export const readWithJsQr = (
  source: CanvasImageSource,
  width: number,
  height: number,
  longest: number,
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): string | undefined => {
  const scale = Math.min(1, longest / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(data, canvas.width, canvas.height, { inversionAttempts: 'attemptBoth' })?.data;
};

/**
 * The text of the QR code in a photo: jsQR at a size that reads a code filling part of the frame, then
 * at a larger one for a small code, then the browser's own reader where it has one.
 */
export const readPhoto = async (file: Blob): Promise<string | undefined> => {
  const image = await createImageBitmap(file);
  try {
    const side = Math.max(image.width, image.height);
    // A photo smaller than the first size is read once, at its own size.
    for (const longest of side > 1024 ? [1024, 2048] : [side]) {
      const text = readWithJsQr(image, image.width, image.height, longest);
      if (text) return text;
    }
    const native = await nativeQrReader();
    return (await native?.detect(image))?.[0]?.rawValue;
  } finally {
    image.close();
  }
};
