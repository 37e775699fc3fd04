import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateGeoJSON, stairwellPartsProblems, type EstateLayout, type PolygonGeometry, type StairwellParts } from '../../../geo/estate/index.ts';
import { moveMetres } from '../../support/move-metres.ts';
import { FENGHE_DIR, ROOT } from '../../support/test-server.ts';

function layoutOf(path: string): EstateLayout {
  const parsed = parseEstateGeoJSON(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.layout;
}
const fenghe = layoutOf(join(FENGHE_DIR, 'estate.geojson'));
const pilot = layoutOf(join(ROOT, 'tests', 'fixtures', 'import', 'valid.geojson'));

function partsOf(layout: EstateLayout, index: number): StairwellParts {
  const s = layout.stairwells[index]!;
  return { doorNumber: s.doorNumber, footprint: s.footprint, door: s.door, elevatorSite: s.elevatorSite, buildings: layout.buildings, boundary: layout.boundary };
}

describe('stairwellPartsProblems', () => {
  it('accepts every door and elevator site of the bundled estate, and the ones placed for a split building', () => {
    for (const layout of [fenghe, pilot]) layout.stairwells.forEach((_, i) => expect(stairwellPartsProblems(partsOf(layout, i))).toEqual([]));
  });

  it('accepts a door slid along the wall and a site moved a metre along it', () => {
    const p = partsOf(fenghe, 0);
    expect(stairwellPartsProblems({ ...p, door: moveMetres(p.door, 2, 0), elevatorSite: moveMetres(p.elevatorSite!, 1, 0) })).toEqual([]);
  });

  it('refuses a door away from its stairwell, naming the distance', () => {
    const p = partsOf(fenghe, 0);
    expect(stairwellPartsProblems({ ...p, door: moveMetres(p.door, 0, 10) })).toEqual([expect.stringMatching(/^长风二村 1号: the door is (9\.\d|10\.\d) m from the stairwell; place it on the stairwell's wall \(at most 3 m away\)$/)]);
  });

  it('refuses a site detached from its stairwell, on a building, or outside the estate', () => {
    const p = partsOf(fenghe, 0);
    expect(stairwellPartsProblems({ ...p, elevatorSite: moveMetres(p.elevatorSite!, 0, 7) })).toEqual([expect.stringMatching(/^长风二村 1号: the elevator site stands \d+\.\d m from its stairwell/)]);
    expect(stairwellPartsProblems({ ...p, elevatorSite: moveMetres(p.elevatorSite!, 0, -6) }).join('\n')).toMatch(/covers \d+\.\d m² of building 1幢; it stands outside/);
    expect(stairwellPartsProblems({ ...p, elevatorSite: moveMetres(p.elevatorSite!, -200, 0) }).join('\n')).toMatch(/reaches outside the estate's boundary/);
  });

  it('refuses a site too small or too large for a shaft, and one that crosses itself', () => {
    const p = partsOf(fenghe, 0);
    const [a, b, c, d] = p.elevatorSite!.coordinates[0]!;
    const tiny: PolygonGeometry = { type: 'Polygon', coordinates: [[a!, moveMetres(a!, 1, 0), moveMetres(a!, 1, 1), moveMetres(a!, 0, 1), a!]] };
    expect(stairwellPartsProblems({ ...p, elevatorSite: tiny }).join('\n')).toMatch(/the elevator site is 1\.0 m²; a shaft with its link corridor takes 4–30 m²/);
    const bowtie: PolygonGeometry = { type: 'Polygon', coordinates: [[a!, c!, b!, d!, a!]] };
    expect(stairwellPartsProblems({ ...p, elevatorSite: bowtie }).join('\n')).toMatch(/elevator site: a ring crosses itself/);
  });
});
