import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { createLocalFrame, type Metres2 } from '../geometry/local-frame.ts';
import { LAYOUT as L, type LayoutPlan } from './layout-plan.ts';

type Rect = [x0: number, y0: number, x1: number, y1: number];

/**
 * The schematic layout of an estate as an import FeatureCollection (SPEC §7):
 * rows of east–west blocks facing south, elevator sites on the north side,
 * roads between rows with parallel parking, a ring and two crossing fire lanes.
 * Deterministic: the same plan gives the same file.
 */
export function generateLayout(plan: LayoutPlan): FeatureCollection {
  const columns = Math.max(...plan.rows.map((r) => r.length));
  const maxPerBuilding = Math.max(...plan.rows.flat());
  const columnW = maxPerBuilding * L.stairwellWidthM;
  const width = 2 * L.westEastMarginM + columns * columnW + (columns - 1) * L.columnGapM;
  const rowY: number[] = [];
  let y = L.southMarginM;
  plan.rows.forEach((_, r) => {
    rowY.push(y);
    y += L.buildingDepthM + (r === plan.fireLaneAfterRow ? L.fireLaneGapM : L.rowGapM);
  });
  const height = (rowY.at(-1) ?? 0) + L.buildingDepthM + L.northMarginM;
  const frame = createLocalFrame([0, 0]);
  const centre = frame.toMetres(plan.centre);
  const local = createLocalFrame(frame.toLngLat([centre[0] - width / 2, centre[1] - height / 2]));
  const ll = (p: Metres2) => local.toLngLat(p);
  const rect = ([x0, y0, x1, y1]: Rect): Geometry => ({
    type: 'Polygon',
    coordinates: [[ll([x0, y0]), ll([x1, y0]), ll([x1, y1]), ll([x0, y1]), ll([x0, y0])]],
  });
  const line = (points: Metres2[]): Geometry => ({ type: 'LineString', coordinates: points.map(ll) });
  const features: Feature[] = [];
  const add = (geometry: Geometry, properties: Record<string, unknown>) =>
    features.push({ type: 'Feature', geometry, properties });

  add(rect([0, 0, width, height]), { kind: 'boundary', name: plan.name, schematic: true });
  const columnX = (c: number) => L.westEastMarginM + c * (columnW + L.columnGapM);

  // Green first, so it sits under everything else in a naive renderer.
  add(rect([L.westEastMarginM, 11.5, width - L.westEastMarginM, L.southMarginM - 0.5]), { kind: 'green' });
  plan.rows.forEach((_, r) => {
    const north = (rowY[r] ?? 0) + L.buildingDepthM;
    const next = rowY[r + 1];
    if (next === undefined) return;
    const gardenFrom = r === plan.fireLaneAfterRow ? north + 19 : north + 15.5;
    for (let c = 0; c < columns; c++) add(rect([columnX(c), gardenFrom, columnX(c) + columnW, next - 0.5]), { kind: 'green' });
  });

  let door = 0;
  let building = 0;
  plan.rows.forEach((counts, r) => {
    const y0 = rowY[r] ?? 0;
    const y1 = y0 + L.buildingDepthM;
    counts.forEach((count, c) => {
      building += 1;
      const code = `${building}幢`;
      const x0 = columnX(c) + ((maxPerBuilding - count) * L.stairwellWidthM) / 2;
      add(rect([x0, y0, x0 + count * L.stairwellWidthM, y1]), { kind: 'building', code, floors: 6 });
      for (let i = 0; i < count; i++) {
        door += 1;
        const doorNumber = `${plan.doorPrefix} ${door}号`;
        const sx = x0 + i * L.stairwellWidthM;
        const mid = sx + L.stairwellWidthM / 2;
        add(rect([sx, y0, sx + L.stairwellWidthM, y1]), {
          kind: 'stairwell',
          doorNumber,
          buildingCode: code,
          door: ll([mid, y1]),
        });
        add(rect([mid - L.siteWidthM / 2, y1, mid + L.siteWidthM / 2, y1 + L.siteDepthM]), { kind: 'elevator_site', doorNumber });
      }
    });
  });

  // East–west roads between rows, with parallel parking on both sides.
  let space = 0;
  plan.rows.forEach((_, r) => {
    if (r === plan.fireLaneAfterRow || r === plan.rows.length - 1) return;
    const yc = (rowY[r] ?? 0) + L.buildingDepthM + L.rowGapM / 2;
    add(line([[L.westEastMarginM / 2, yc], [width - L.westEastMarginM / 2, yc]]), { kind: 'road', widthM: L.roadWidthM });
    for (let c = 0; c < columns; c++) {
      const run = L.spacesPerSideAndColumn * L.spaceLengthM;
      const start = columnX(c) + (columnW - run) / 2;
      for (const side of [1, -1] as const) {
        const near = yc + side * (L.roadWidthM / 2);
        const far = near + side * L.spaceDepthM;
        for (let k = 0; k < L.spacesPerSideAndColumn; k++) {
          space += 1;
          const xs = start + k * L.spaceLengthM;
          add(rect([xs, Math.min(near, far), xs + L.spaceLengthM, Math.max(near, far)]), {
            kind: 'parking',
            spaceId: `P${String(space).padStart(3, '0')}`,
            accessible: side === 1 && k === 0,
          });
        }
      }
    }
  });
  // North–south roads between columns; the middle one is a fire lane.
  const middle = Math.floor(columns / 2) - 1;
  for (let c = 0; c < columns - 1; c++) {
    const xc = columnX(c) + columnW + L.columnGapM / 2;
    const points: Metres2[] = [[xc, 8], [xc, height - 8]];
    if (c === middle)
      add(line(points), { kind: 'fire_lane', name: '消防车道 2', roadWidthM: L.fireLaneRoadWidthM, clearWidthM: L.fireLaneClearWidthM });
    else add(line(points), { kind: 'road', widthM: L.roadWidthM });
  }
  // The ring road is a fire lane; so is the east–west road in the wide gap.
  const top = height - (L.northMarginM - 15);
  add(line([[7, 8], [width - 7, 8], [width - 7, top], [7, top], [7, 8]]), {
    kind: 'fire_lane',
    name: '消防车道 1',
    roadWidthM: L.fireLaneRoadWidthM,
    clearWidthM: L.fireLaneClearWidthM,
  });
  const fireRow = rowY[plan.fireLaneAfterRow];
  if (fireRow !== undefined && plan.fireLaneAfterRow < plan.rows.length - 1) {
    const yFire = fireRow + L.buildingDepthM + 15;
    add(line([[7, yFire], [width - 7, yFire]]), {
      kind: 'fire_lane',
      name: '消防车道 3',
      roadWidthM: L.fireLaneRoadWidthM,
      clearWidthM: L.fireLaneClearWidthM,
    });
  }
  return { type: 'FeatureCollection', features };
}
