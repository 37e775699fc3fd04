import { PNG } from 'pngjs';
import type { FormalStatus } from '../../geo/evidence/index.ts';
import type { EvidenceRow } from '../../geo/register/index.ts';
import { SIGNATURE_BOX, signatureStrokes } from '../../geo/synthetic/index.ts';

type Rgb = readonly [number, number, number];
const INK: Rgb = [24, 28, 64];

/** A canvas of pngjs's RGBA bytes, filled with `fill` (transparent when absent). */
function canvas(width: number, height: number, fill?: Rgb): PNG {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = fill?.[0] ?? 255;
    png.data[i + 1] = fill?.[1] ?? 255;
    png.data[i + 2] = fill?.[2] ?? 255;
    png.data[i + 3] = fill ? 255 : 0;
  }
  return png;
}

function dot(png: PNG, cx: number, cy: number, radius: number, colour: Rgb): void {
  for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++)
    for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
      if (x < 0 || y < 0 || x >= png.width || y >= png.height || (x - cx) ** 2 + (y - cy) ** 2 > radius * radius) continue;
      const i = (y * png.width + x) * 4;
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = 255;
    }
}

/** A pen's line through `points`: a round nib stepped every half pixel. */
function line(png: PNG, points: readonly (readonly [number, number])[], width: number, colour: Rgb): void {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2));
    for (let s = 0; s <= steps; s++) dot(png, x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, width / 2, colour);
  }
}

function rect(png: PNG, x: number, y: number, w: number, h: number, colour: Rgb): void {
  for (let yy = y; yy < y + h; yy++)
    for (let xx = x; xx < x + w; xx++) {
      const i = (yy * png.width + xx) * 4;
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = 255;
    }
}

/** The signature as the phone's pad saves it: ink on a transparent 360×140 PNG. */
export function signaturePng(strokes: string): Buffer {
  const png = canvas(SIGNATURE_BOX.width, SIGNATURE_BOX.height);
  for (const stroke of signatureStrokes(strokes)) line(png, stroke, 3.2, INK);
  return PNG.sync.write(png, { filterType: 1 });
}

const VOTE_BOX: Record<FormalStatus, number> = { signed: 0, opposed: 1, abstain: 2 };

/**
 * A phone's photo of the signed paper 征询意见表 on a table: the printed
 * lines as grey bars, three boxes with the chosen one ticked, and the
 * signature at the foot. Small (480×340) and schematic, as demo data is.
 */
export function formPhotoPng(strokes: string, vote: FormalStatus): Buffer {
  const png = canvas(480, 340, [118, 96, 74]);
  rect(png, 28, 14, 424, 312, [246, 243, 234]);
  rect(png, 150, 30, 180, 10, [70, 70, 70]);
  for (let row = 0; row < 5; row++) rect(png, 52, 60 + row * 20, row === 4 ? 220 : 376, 5, [150, 150, 150]);
  for (let box = 0; box < 3; box++) {
    const x = 70 + box * 120;
    line(png, [[x, 170], [x + 20, 170], [x + 20, 190], [x, 190], [x, 170]], 2, [60, 60, 60]);
    rect(png, x + 28, 178, 50, 5, [150, 150, 150]);
    if (box === VOTE_BOX[vote]) line(png, [[x + 3, 180], [x + 9, 188], [x + 22, 164]], 3, INK);
  }
  const scale = 0.6;
  for (const stroke of signatureStrokes(strokes)) line(png, stroke.map(([x, y]) => [230 + x * scale, 220 + y * scale] as const), 2.4, INK);
  return PNG.sync.write(png, { filterType: 1 });
}

/** The files a seeded vote's evidence carries, as the phone would have sent them. */
export function evidenceFiles(row: EvidenceRow): { signature: Buffer | null; photo: Buffer | null } {
  return row.method === 'form_photo' ? { signature: null, photo: formPhotoPng(row.signature, row.vote) } : { signature: signaturePng(row.signature), photo: null };
}
