import { asc, eq } from 'drizzle-orm';
import type { EstateLayout } from '../../geo/estate/index.ts';
import type { LineGeometry, PolygonGeometry } from '../../geo/estate/index.ts';
import type { Db } from '../db/open-database.ts';
import { buildings, fireLanes, mapFeatures, parkingSpaces, stairwells } from '../db/schema.ts';
import { requireEstate } from './stairwell-states.ts';

/**
 * An estate's stored geometry as an import layout (SPEC §7), in the order it
 * was imported: what `GET /api/estates/:id/estate.geojson` writes out and a
 * re-import reads back. Geometry and codes only, no register.
 */
export function loadEstateLayout(db: Db, estateId: number): EstateLayout {
  const estate = requireEstate(db, estateId);
  const buildingRows = db.select().from(buildings).where(eq(buildings.estateId, estateId)).orderBy(asc(buildings.id)).all();
  const codeOf = new Map(buildingRows.map((b) => [b.id, b.code]));
  const features = db.select().from(mapFeatures).where(eq(mapFeatures.estateId, estateId)).orderBy(asc(mapFeatures.id)).all();
  return {
    name: estate.name,
    schematic: estate.schematic,
    boundary: estate.boundary,
    buildings: buildingRows.map((b) => ({ code: b.code, floors: b.floors, footprint: b.footprint, extra: b.extra })),
    stairwells: db
      .select()
      .from(stairwells)
      .where(eq(stairwells.estateId, estateId))
      .orderBy(asc(stairwells.id))
      .all()
      .map((s) => ({
        doorNumber: s.doorNumber,
        buildingCode: codeOf.get(s.buildingId) ?? '',
        footprint: s.footprint,
        door: [s.doorLng, s.doorLat],
        elevatorSite: s.elevatorSite ?? null,
        extra: s.extra,
      })),
    roads: features.filter((f) => f.kind === 'road').map((f) => ({ line: f.geometry as LineGeometry, widthM: f.widthM ?? 5, extra: f.extra })),
    fireLanes: db
      .select()
      .from(fireLanes)
      .where(eq(fireLanes.estateId, estateId))
      .orderBy(asc(fireLanes.id))
      .all()
      .map((f) => ({ code: f.code, line: f.line, roadWidthM: f.roadWidthM, clearWidthM: f.clearWidthM, extra: f.extra })),
    parking: db
      .select()
      .from(parkingSpaces)
      .where(eq(parkingSpaces.estateId, estateId))
      .orderBy(asc(parkingSpaces.id))
      .all()
      .map((p) => ({ spaceId: p.code, polygon: p.polygon, accessible: p.kind === 'accessible', extra: p.extra })),
    green: features.filter((f) => f.kind === 'green').map((f) => ({ polygon: f.geometry as PolygonGeometry, extra: f.extra })),
  };
}
