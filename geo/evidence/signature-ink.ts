import { problem, type Problem } from '../problems/index.ts';

/** An RGBA image as decoded from a PNG. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Fewer inked pixels than this, or a mark smaller than this on its longer side, is no signature. */
export const MIN_INK_PIXELS = 120;
export const MIN_STROKE_EXTENT_PX = 60;

/** Inked pixels and the box around them: ink is opaque enough and darker than paper. */
export function signatureInk({ width, height, data }: RgbaImage): { pixels: number; widthPx: number; heightPx: number } {
  let pixels = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const alpha = data[i + 3]!;
      const light = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      if (alpha < 128 || light > 200) continue;
      pixels++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  return { pixels, widthPx: maxX < 0 ? 0 : maxX - minX + 1, heightPx: maxY < 0 ? 0 : maxY - minY + 1 };
}

/**
 * Refuses a signature that is empty or a dot: a pen that touched the pad once
 * is not a name. Returns null for a stroke long enough to be one.
 *
 * @example checkSignature({ width: 2, height: 1, data: new Uint8Array(8) })?.en // 'the signature is empty: …'
 */
export function checkSignature(image: RgbaImage): Problem | null {
  const ink = signatureInk(image);
  if (ink.pixels === 0) return problem('签名是空白的：请表决人在框内用手指签上姓名', 'the signature is empty: ask the voter to sign their name in the box with a finger');
  if (ink.pixels < MIN_INK_PIXELS || Math.max(ink.widthPx, ink.heightPx) < MIN_STROKE_EXTENT_PX)
    return problem(
      `签名只有一个点（${ink.widthPx}×${ink.heightPx} 像素）：请表决人签上完整姓名`,
      `the signature is only a dot (${ink.widthPx}×${ink.heightPx} px): ask the voter to sign their full name`,
    );
  return null;
}
