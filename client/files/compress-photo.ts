import { base64Of } from './base64-of.ts';

/** What a photo of a form is sent as: JPEG, at most this many bytes (the server's cap is 1 MB). */
export const PHOTO_TARGET_BYTES = 400 * 1024;
const LONG_SIDE_PX = 1600;

const toBlob = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the photo could not be encoded'))), 'image/jpeg', quality));

/**
 * A phone camera's photo (several MB) as a JPEG of a few hundred KB, on the
 * phone before it is queued: at most 1,600 px on its long side (a form stays
 * legible), quality lowered, then the size, until it fits.
 */
export async function compressPhoto(file: Blob): Promise<{ base64: string; bytes: number; width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  let scale = Math.min(1, LONG_SIDE_PX / Math.max(bitmap.width, bitmap.height));
  try {
    for (;;) {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of [0.8, 0.65, 0.5]) {
        const blob = await toBlob(canvas, quality);
        if (blob.size <= PHOTO_TARGET_BYTES || (quality === 0.5 && scale < 0.2))
          return { base64: await base64Of(blob), bytes: blob.size, width: canvas.width, height: canvas.height };
      }
      scale *= 0.75;
    }
  } finally {
    bitmap.close();
  }
}

