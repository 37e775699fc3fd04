import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_STATUSES, PROGRESS_BINS } from '../../../geo/consent/index.ts';
import { MAP_LEGEND_ORDER, MAP_PALETTE, mapColorKey, PARKING_PALETTE, STATUS_PALETTE, type PaletteEntry } from '../../../geo/palette/index.ts';
import { STAGES } from '../../../geo/stages/index.ts';

const difference = differenceCiede2000();
const visions: Record<string, (c: Color) => Color> = {
  'normal vision': (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

function closestPair(palette: Record<string, PaletteEntry>, see: (c: Color) => Color) {
  const entries = Object.entries(palette);
  let best = { pair: '', delta: Infinity };
  entries.forEach(([a, ea], i) =>
    entries.slice(i + 1).forEach(([b, eb]) => {
      const delta = difference(see(parse(ea.color)!), see(parse(eb.color)!));
      if (delta < best.delta) best = { pair: `${a}/${b}`, delta };
    }),
  );
  return best;
}

describe('palette', () => {
  it('has an entry for every progress bin and every stage after canvassing, and a legend covering all', () => {
    const keys = [...PROGRESS_BINS, ...STAGES.filter((s) => s !== 'canvassing')].sort();
    expect(Object.keys(MAP_PALETTE).sort()).toEqual(keys);
    expect([...MAP_LEGEND_ORDER].sort()).toEqual(keys);
    expect(Object.keys(STATUS_PALETTE).sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
  });

  it.each(Object.entries(visions))('keeps every map colour distinct under %s (ΔE2000 ≥ 6)', (_name, see) => {
    const { pair, delta } = closestPair(MAP_PALETTE, see);
    expect(delta, pair).toBeGreaterThanOrEqual(6);
  });

  it.each(Object.entries(visions))('keeps every household status distinct under %s (ΔE2000 ≥ 10)', (_name, see) => {
    const { pair, delta } = closestPair(STATUS_PALETTE, see);
    expect(delta, pair).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.entries(visions))('keeps parking states distinct under %s (ΔE2000 ≥ 15)', (_name, see) => {
    const { pair, delta } = closestPair(PARKING_PALETTE, see);
    expect(delta, pair).toBeGreaterThanOrEqual(15);
  });

  it('puts readable text on every colour (WCAG contrast ≥ 4.5)', () => {
    for (const [key, entry] of Object.entries({ ...MAP_PALETTE, ...STATUS_PALETTE, ...PARKING_PALETTE }))
      expect(wcagContrast(entry.color, entry.text), key).toBeGreaterThanOrEqual(4.5);
  });

  it('labels every entry in Chinese and English', () => {
    for (const entry of Object.values({ ...MAP_PALETTE, ...STATUS_PALETTE })) {
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en).toMatch(/^[A-Z]/);
    }
  });

  it('colours by progress while canvassing and by stage afterwards', () => {
    expect(mapColorKey('canvassing', 'p50')).toBe('p50');
    expect(mapColorKey('canvassing', 'impossible')).toBe('impossible');
    expect(mapColorKey('permitted', 'passed')).toBe('permitted');
  });
});
