import { BattleMap } from '../map/battle-map.ts';

/** The map's pixels per CSS pixel on paper: a 1920-px stage printed 281 mm wide is about 170 dpi at 2. */
const PAPER_PIXEL_RATIO = 2;

/**
 * A copy of a drawn slide for the printed deck: the slide's own DOM (its
 * text stays text, so the PDF a browser saves from it can be searched and
 * copied; its charts stay SVG), with every map replaced by a picture of it
 * drawn at PAPER_PIXEL_RATIO (a WebGL canvas does not survive a copy).
 */
export async function printCopyOf(stage: HTMLElement): Promise<HTMLElement> {
  const copy = stage.cloneNode(true) as HTMLElement;
  copy.removeAttribute('data-testid');
  copy.removeAttribute('id');
  const originals = [...stage.querySelectorAll<HTMLElement>('.battle-map')];
  const copies = [...copy.querySelectorAll<HTMLElement>('.battle-map')];
  for (const [i, element] of originals.entries()) {
    const map = BattleMap.in(element);
    const canvas = element.querySelector('canvas');
    if (!map || !canvas) continue;
    const ratio = map.pixelRatio();
    await map.setPixelRatio(PAPER_PIXEL_RATIO);
    const picture = document.createElement('img');
    picture.src = canvas.toDataURL('image/png');
    picture.alt = '';
    picture.className = 'print-map';
    await map.setPixelRatio(ratio);
    copies[i]?.replaceChildren(picture);
  }
  // Test ids and ids belong to the slide on screen, not to its printed copy.
  for (const el of copy.querySelectorAll('[data-testid]')) el.removeAttribute('data-testid');
  return copy;
}
