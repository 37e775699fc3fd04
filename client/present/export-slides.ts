import { jsPDF } from 'jspdf';
import { domToCanvas } from 'modern-screenshot';
import { BattleMap } from '../map/battle-map.ts';

/** Slides are laid out on a 1920×1080 stage; exports scale it. */
export const STAGE = { width: 1920, height: 1080 } as const;

/** Paper sizes in millimetres, landscape, with the 300 dpi a print shop expects. */
export const PAPER = { A4: { width: 297, height: 210 }, A3: { width: 420, height: 297 } } as const;
export type Paper = keyof typeof PAPER;
const MARGIN_MM = 8;
const PRINT_DPI = 300;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves once the slide on the stage is fully drawn: its charts' library has arrived, React has painted and every map on it is idle. */
export async function slideDrawn(stage: HTMLElement): Promise<void> {
  while (stage.querySelector('[data-chart-pending]')) await nextFrame();
  await nextFrame();
  await nextFrame();
  const maps = [...stage.querySelectorAll('.battle-map')].map((el) => BattleMap.in(el)).filter((m): m is BattleMap => m !== undefined);
  await Promise.all(maps.map((m) => m.whenIdle()));
}

/**
 * Draws a slide (the stage element) to a canvas `scale` times the stage size.
 * Maps on it are re-rendered at that pixel ratio first (their canvas keeps its
 * pixels: `preserveDrawingBuffer`), so a 4K export is sharp, never blank.
 */
export async function renderSlide(stage: HTMLElement, scale: number): Promise<HTMLCanvasElement> {
  const maps = [...stage.querySelectorAll('.battle-map')].map((el) => BattleMap.in(el)).filter((m): m is BattleMap => m !== undefined);
  const ratios = maps.map((m) => m.pixelRatio());
  await Promise.all(maps.map((m) => m.setPixelRatio(scale)));
  try {
    // The stage's own background: dark on screen, white when drawn for paper.
    return await domToCanvas(stage, { scale, width: STAGE.width, height: STAGE.height, backgroundColor: getComputedStyle(stage).backgroundColor, font: false });
  } finally {
    await Promise.all(maps.map((m, i) => m.setPixelRatio(ratios[i]!)));
  }
}

export async function slideToPngBlob(stage: HTMLElement, scale: number): Promise<Blob> {
  const canvas = await renderSlide(stage, scale);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/**
 * The whole deck as a PDF, one landscape page per slide at print resolution.
 * `show(i)` puts slide i on the stage and resolves once it is fully drawn.
 */
export async function deckToPdf(count: number, show: (index: number) => Promise<HTMLElement>, paper: Paper): Promise<Blob> {
  const page = PAPER[paper];
  const widthMm = page.width - 2 * MARGIN_MM;
  const heightMm = (widthMm * STAGE.height) / STAGE.width;
  const scale = (widthMm / 25.4) * PRINT_DPI / STAGE.width;
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: paper.toLowerCase(), compress: true });
  for (let i = 0; i < count; i++) {
    const canvas = await renderSlide(await show(i), scale);
    if (i > 0) pdf.addPage(paper.toLowerCase(), 'landscape');
    // JPEG keeps a print-resolution deck small enough to share in a WeChat group.
    pdf.addImage(canvas.toDataURL('image/jpeg', 0.9), 'JPEG', MARGIN_MM, (page.height - heightMm) / 2, widthMm, heightMm, undefined, 'FAST');
  }
  pdf.setProperties({ title: 'LiftMap', creator: 'LiftMap 加梯作战图' });
  return pdf.output('blob');
}

/** Hands a file to the browser's downloads. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
