import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { PNG } from 'pngjs';
import { checkSignature } from '../../geo/evidence/index.ts';
import { refuse } from '../refusal.ts';
import { MAX_PHOTO_BYTES, MAX_SIGNATURE_BYTES } from './evidence-input.ts';

const PHOTO_TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
const kb = (n: number) => `${Math.round(n / 1024)} KB`;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Pixels a side a drawn signature may have: a phone's screen at 3×. */
const MAX_SIGNATURE_SIDE = 2000;

/**
 * A drawn signature: a PNG by its bytes, at most 300 KB and 2,000 px a
 * side (read from its header before anything is decoded: a 17 KB PNG can
 * claim 12000×12000 px, 576 MB once decoded), with a stroke that is more
 * than a dot.
 */
export function readSignature(base64: string, field: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES)
    throw refuse.badInput(`签名图片 ${kb(bytes.length)}，超过 ${kb(MAX_SIGNATURE_BYTES)} 上限`, `the signature image is ${kb(bytes.length)}, over the ${kb(MAX_SIGNATURE_BYTES)} cap`, field);
  const notPng = () => refuse.badInput('签名不是 PNG 图片：请在手机上重新签名', 'the signature is not a PNG image: sign again on the phone', field);
  let header: { type?: string; width?: number; height?: number };
  try {
    header = imageSize(bytes);
  } catch {
    throw notPng();
  }
  if (header.type !== 'png' || !header.width || !header.height) throw notPng();
  if (header.width > MAX_SIGNATURE_SIDE || header.height > MAX_SIGNATURE_SIDE)
    throw refuse.badInput(`签名图片 ${header.width}×${header.height} 像素过大（每边最多 ${MAX_SIGNATURE_SIDE}）`, `the signature is ${header.width}×${header.height} px, more than 2,000 a side`, field);
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    throw notPng();
  }
  const problem = checkSignature({ width: png.width, height: png.height, data: png.data });
  if (problem) throw refuse.badInput(problem.zh, problem.en, field);
  return bytes;
}

/** A photo of a paper form or 委托书: JPEG, PNG or WebP by its bytes (not its name), at most 1 MB. */
export function readPhoto(base64: string, field: string): { bytes: Buffer; mime: string } {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES)
    throw refuse.badInput(`照片 ${kb(bytes.length)}，超过 1 MB 上限：请在手机上重新拍照（应用会自动压缩）`, `the photo is ${kb(bytes.length)}, over the 1 MB cap: take it again on the phone (the app compresses it)`, field);
  let type: string | undefined;
  try {
    type = imageSize(bytes).type;
  } catch {
    type = undefined;
  }
  const mime = type ? PHOTO_TYPES[type as keyof typeof PHOTO_TYPES] : undefined;
  if (!mime) throw refuse.badInput('照片不是 JPEG、PNG 或 WebP 图片：请拍摄签好的表决票', 'the photo is not a JPEG, PNG or WebP image: photograph the signed form', field);
  return { bytes, mime };
}

export interface CheckedEvidenceFiles {
  signature: Uint8Array | null;
  photo: { bytes: Uint8Array; mime: string } | null;
}

/** A written vote's files checked (in a worker, before any transaction): the signature decoded and inked, the photo an image by its bytes. */
export function checkEvidenceFiles(input: { signaturePng?: string; photo?: string }): CheckedEvidenceFiles {
  return {
    signature: input.signaturePng === undefined ? null : readSignature(input.signaturePng, 'evidence.signaturePng'),
    photo: input.photo === undefined ? null : readPhoto(input.photo, 'evidence.photo'),
  };
}
