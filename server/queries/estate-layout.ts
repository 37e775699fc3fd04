import { asc, eq } from 'drizzle-orm';
import type { EstateLayout } from '../../geo/estate/index.ts';
import type { LineGeometry, PolygonGeometry } from '../../geo/estate/index.ts';
import type { Db } from '../db/database.ts';
import { requireEstate } from './stairwell-states.ts';

/**
 * An estate's stored geometry as an import layout (SPEC §7), in the order it
 * was imported: what `GET /api/estates/:id/estate.geojson` writes out and a
 * re-import reads back. Geometry and codes only, no register.
 */
export async function loadEstateLayout(db: Db, estateId: number): Promise<EstateLayout> {
  const { buildings, fireLanes, mapFeatures, parkingSpaces, stairwells } = db.t;
  const estate = await requireEstate(db, estateId);
  const buildingRows = await db.select().from(buildings).where(eq(buildings.estateId, estateId)).orderBy(asc(buildings.id));
  const codeOf = new Map(buildingRows.map((b) => [b.id, b.code]));
  const features = await db.select().from(mapFeatures).where(eq(mapFeatures.estateId, estateId)).orderBy(asc(mapFeatures.id));
  return {
    name: estate.name,
    schematic: estate.schematic,
    boundary: estate.boundary,
    buildings: buildingRows.map((b) => ({ code: b.code, floors: b.floors, footprint: b.footprint, extra: b.extra })),
    stairwells: (await db
      .select()
      .from(stairwells)
      .where(eq(stairwells.estateId, estateId))
      .orderBy(asc(stairwells.id)))
      .map((s) => ({
        doorNumber: s.doorNumber,
        buildingCode: codeOf.get(s.buildingId) ?? '',
        footprint: s.footprint,
        door: [s.doorLng, s.doorLat],
        elevatorSite: s.elevatorSite ?? null,
        extra: s.extra,
      })),
    roads: features.filter((f) => f.kind === 'road').map((f) => ({ line: f.geometry as LineGeometry, widthM: f.widthM ?? 5, extra: f.extra })),
    fireLanes: (await db
      .select()
      .from(fireLanes)
      .where(eq(fireLanes.estateId, estateId))
      .orderBy(asc(fireLanes.id)))
      .map((f) => ({ code: f.code, line: f.line, roadWidthM: f.roadWidthM, clearWidthM: f.clearWidthM, extra: f.extra })),
    parking: (await db
      .select()
      .from(parkingSpaces)
      .where(eq(parkingSpaces.estateId, estateId))
      .orderBy(asc(parkingSpaces.id)))
      .map((p) => ({ spaceId: p.code, polygon: p.polygon, accessible: p.kind === 'accessible', extra: p.extra })),
    green: features.filter((f) => f.kind === 'green').map((f) => ({ polygon: f.geometry as PolygonGeometry, extra: f.extra })),
  };
}
