import { nativeQrReader, readPhoto, readWithJsQr } from './door-qr';

/** How often a camera frame is read: quick enough for a queue, slow enough not to heat a phone. */
const FRAME_EVERY_MS = 200;
/** A camera frame is read at this size by jsQR: a code held up to the camera fills much of it. */
const FRAME_LONGEST = 720;
/** A check-in code is 8 characters; a QR code with far more text is something else (a web address). */
const LONGEST_CODE = 32;

const words = {
  reading: 'Reading the photo…',
  noCodeInPhoto: 'No QR code found in the photo. Take it again, closer and in focus, or type the code.',
  notACode: 'That QR code is not a check-in code. Type the code from their email instead.',
  pointCamera: 'Point the camera at the QR code.',
  noCamera: 'The camera could not start. Take a photo of the code instead, or type it.',
  found: (code: string) => `Code ${code} found. Checking in…`,
};

/**
 * The scanner under the code box (hidden without JavaScript, where the typed code works): "Scan a code"
 * reads camera frames (the browser's BarcodeDetector where it has one, else jsQR), and a photo is read
 * with jsQR. The code read goes into the code box and the form is sent, as if typed.
 */
export const enhanceScanner = (document: Document): void => {
  const scanner = document.querySelector<HTMLElement>('[data-door-scanner]');
  const form = document.querySelector<HTMLFormElement>('[data-door-code]');
  const codeBox = form?.querySelector<HTMLInputElement>('input[name="code"]');
  const status = scanner?.querySelector<HTMLElement>('[data-door-scan-status]');
  if (!scanner || !form || !codeBox || !status) return;
  scanner.hidden = false;

  const say = (message: string, problem = false): void => {
    status.textContent = message;
    status.classList.toggle('govuk-error-message', problem);
  };

  const send = (text: string | undefined, nothingFound: string): boolean => {
    const code = text?.trim();
    if (!code) {
      say(nothingFound, true);
      return false;
    }
    if (code.length > LONGEST_CODE) {
      say(words.notACode, true);
      return false;
    }
    codeBox.value = code;
    say(words.found(code));
    form.requestSubmit();
    return true;
  };

  const photo = scanner.querySelector<HTMLInputElement>('input[type="file"]');
  photo?.addEventListener('change', () => {
    const file = photo.files?.[0];
    if (!file) return;
    say(words.reading);
    // Cleared, so the same photo chosen again after a failure still fires `change`.
    photo.value = '';
    readPhoto(file).then(
      (text) => send(text, words.noCodeInPhoto),
      () => say(words.noCodeInPhoto, true),
    );
  });

  enhanceCamera(scanner, say, (text) => send(text, words.notACode));
};

/** "Scan a code": the back camera in a <video>, read every few frames until a code is found or stopped. */
const enhanceCamera = (
  scanner: HTMLElement,
  say: (message: string, problem?: boolean) => void,
  send: (text: string) => boolean,
): void => {
  const start = scanner.querySelector<HTMLButtonElement>('[data-door-camera-start]');
  const view = scanner.querySelector<HTMLElement>('[data-door-camera]');
  const video = view?.querySelector('video');
  const stopButton = view?.querySelector<HTMLButtonElement>('[data-door-camera-stop]');
  if (!start || !view || !video || !stopButton) return;
  if (!navigator.mediaDevices?.getUserMedia) {
    start.hidden = true;
    return;
  }
  let stream: MediaStream | undefined;
  let timer: number | undefined;
  const canvas = document.createElement('canvas');

  const stop = (): void => {
    window.clearTimeout(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = undefined;
    video.srcObject = null;
    view.hidden = true;
    start.hidden = false;
  };

  const scan = async (read: (frame: HTMLVideoElement) => Promise<string | undefined>): Promise<void> => {
    if (!stream) return;
    const text =
      video.readyState >= video.HAVE_CURRENT_DATA ? await read(video).catch(() => undefined) : undefined;
    if (text && send(text)) {
      stop();
      return;
    }
    timer = window.setTimeout(() => void scan(read), FRAME_EVERY_MS);
  };

  start.addEventListener('click', () => {
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch {
        say(words.noCamera, true);
        return;
      }
      video.srcObject = stream;
      view.hidden = false;
      start.hidden = true;
      await video.play().catch(() => undefined);
      stopButton.focus();
      say(words.pointCamera);
      const native = await nativeQrReader();
      await scan(
        native
          ? async (frame) => (await native.detect(frame))[0]?.rawValue
          : async (frame) => readWithJsQr(frame, frame.videoWidth, frame.videoHeight, FRAME_LONGEST, canvas),
      );
    })();
  });
  stopButton.addEventListener('click', () => {
    stop();
    say('');
    start.focus();
  });
};
