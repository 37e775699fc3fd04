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
import { BASE_PALETTE, DISTINCT_PHASE_COLORS, MAP_LEGEND_ORDER, MAP_PALETTE, phaseColor, phaseTextColor, mapColorKey, PARKING_PALETTE, STATUS_PALETTE, type PaletteEntry } from '../../../geo/palette/index.ts';
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

  it.each(Object.entries(visions))('keeps every map colour distinct under %s (ΔE2000 ≥ 7)', (_name, see) => {
    const { pair, delta } = closestPair(MAP_PALETTE, see);
    expect(delta, pair).toBeGreaterThanOrEqual(7);
  });

  it('keeps the two blues, 征询通过 and 签订加梯协议, apart at a distance (ΔE2000 ≥ 10)', () => {
    expect(difference(parse(MAP_PALETTE.consent_passed.color)!, parse(MAP_PALETTE.agreement_signed.color)!)).toBeGreaterThanOrEqual(10);
  });

  it('keeps neighbours in the legend apart on a washed-out projector (35 % white over every colour, ΔE2000 ≥ 5)', () => {
    const washed = (hex: string) => {
      const c = parse(hex) as { r: number; g: number; b: number };
      return { mode: 'rgb' as const, r: c.r * 0.65 + 0.35, g: c.g * 0.65 + 0.35, b: c.b * 0.65 + 0.35 };
    };
    for (let i = 1; i < MAP_LEGEND_ORDER.length; i++) {
      const [a, b] = [MAP_LEGEND_ORDER[i - 1]!, MAP_LEGEND_ORDER[i]!];
      expect(difference(washed(MAP_PALETTE[a].color), washed(MAP_PALETTE[b].color)), `${a}/${b}`).toBeGreaterThanOrEqual(5);
    }
  });

  it('brightens along the story on the dark wall: canvassing as signatures come in, then stage by stage to a lift in service, the most visible of all', () => {
    const seen = (k: keyof typeof MAP_PALETTE) => wcagContrast(MAP_PALETTE[k].color, BASE_PALETTE.background);
    const canvassing = ['p0', 'p25', 'p50', 'p75', 'passed'] as const;
    const pipeline = ['consent_passed', 'agreement_signed', 'public_notice', 'design_approved', 'permitted', 'under_construction', 'accepted', 'in_service'] as const;
    for (const seq of [canvassing, pipeline]) for (let i = 1; i < seq.length; i++) expect(seen(seq[i]!), `${seq[i - 1]} → ${seq[i]}`).toBeGreaterThan(seen(seq[i - 1]!));
    const brightest = Object.keys(MAP_PALETTE).reduce((a, b) => (seen(b as keyof typeof MAP_PALETTE) > seen(a as keyof typeof MAP_PALETTE) ? b : a));
    expect(brightest).toBe('in_service');
    // 征询通过 stands out from a stairwell barely begun (the complaint: pale blue ≈ cream 0–25 %).
    expect(seen('consent_passed')).toBeGreaterThan(2 * seen('p0'));
    // The one red is apart from the gold of "close" in every vision.
    for (const [name, see] of Object.entries(visions)) expect(difference(see(parse(MAP_PALETTE.impossible.color)!), see(parse(MAP_PALETTE.p75.color)!)), name).toBeGreaterThan(15);
  });

  it.each(Object.entries(visions))('keeps every household status distinct under %s (ΔE2000 ≥ 10)', (_name, see) => {
    const { pair, delta } = closestPair(STATUS_PALETTE, see);
    expect(delta, pair).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.entries(visions))('keeps parking states distinct under %s (ΔE2000 ≥ 15)', (_name, see) => {
    const { pair, delta } = closestPair(PARKING_PALETTE, see);
    expect(delta, pair).toBeGreaterThanOrEqual(15);
  });

  it('gives every batch of a 20-batch plan its own colour, neighbours far apart in every vision, with readable numbers', () => {
    const colours = Array.from({ length: DISTINCT_PHASE_COLORS }, (_, i) => phaseColor(i));
    expect(new Set(colours).size).toBe(20);
    for (const [name, see] of Object.entries(visions))
      for (let i = 1; i < colours.length; i++) expect(difference(see(parse(colours[i - 1]!)!), see(parse(colours[i]!)!)), `${name}: batches ${i} and ${i + 1}`).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < colours.length; i++) expect(wcagContrast(colours[i]!, phaseTextColor(i)), `batch ${i + 1}`).toBeGreaterThanOrEqual(4.5);
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
