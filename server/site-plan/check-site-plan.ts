import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { refuse } from '../refusal.ts';

/** A phone's photo or a scan of a site plan: a few MB; 10 MB at most. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

export interface CheckedSitePlan {
  image: Uint8Array;
  mime: string;
  sha256: string;
  widthPx: number;
  heightPx: number;
}

/**
 * A site plan's bytes checked before it is stored: a PNG, JPEG or WebP by
 * its own bytes (not its name), at most 10 MB and 20,000 px a side (from
 * its header; nothing is decoded), with its hash.
 */
export function checkSitePlanImage(base64: string, fileName: string): CheckedSitePlan {
  const image = Buffer.from(base64, 'base64');
  let size: { type?: string; width?: number; height?: number } | null;
  try {
    size = imageSize(image);
  } catch {
    size = null;
  }
  const mime = size?.type ? IMAGE_TYPES[size.type as keyof typeof IMAGE_TYPES] : undefined;
  if (!size || !mime || !size.width || !size.height)
    throw refuse.badInput(`${fileName} 不是 PNG、JPEG 或 WebP 图片：请上传总平面图的照片或扫描件`, `${fileName} is not a PNG, JPEG or WebP image: upload a photo or scan of the site plan`, 'base64');
  if (image.length > MAX_PLAN_BYTES) throw refuse.badInput('图片超过 10 MB，请压缩后再上传', 'the image is over 10 MB; compress it and upload again', 'base64');
  if (size.width > 20_000 || size.height > 20_000) throw refuse.badInput(`图片 ${size.width}×${size.height} 像素过大（每边最多 20000）`, `the image is ${size.width}×${size.height} px, more than 20,000 a side`, 'base64');
  return { image, mime, sha256: createHash('sha256').update(image).digest('hex'), widthPx: size.width, heightPx: size.height };
}
