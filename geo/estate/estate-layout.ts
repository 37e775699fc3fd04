import type { LngLat } from '../geometry/local-frame.ts';
import type { LineGeometry, PolygonGeometry } from './geometry-schemas.ts';

export type Extra = Record<string, unknown>;

/** An estate's layout as imported: validated, cross-referenced, in WGS-84. */
export interface EstateLayout {
  name: string;
  /** Illustrative, not surveyed: shown as 示意 wherever the estate appears. */
  schematic: boolean;
  boundary: PolygonGeometry;
  buildings: { code: string; floors: number; footprint: PolygonGeometry; extra: Extra }[];
  stairwells: {
    doorNumber: string;
    buildingCode: string;
    footprint: PolygonGeometry;
    door: LngLat;
    elevatorSite: PolygonGeometry | null;
    extra: Extra;
  }[];
  roads: { line: LineGeometry; widthM: number; extra: Extra }[];
  fireLanes: { code: string; line: LineGeometry; roadWidthM: number; clearWidthM: number; extra: Extra }[];
  parking: { spaceId: string; polygon: PolygonGeometry; accessible: boolean; extra: Extra }[];
  green: { polygon: PolygonGeometry; extra: Extra }[];
}
