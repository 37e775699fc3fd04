import { and, asc, eq, inArray } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { EstateLayout } from '../../geo/estate/index.ts';
import type { Db } from '../db/database.ts';

const CHUNK = 400;

const parkingRow = (estateId: number, p: EstateLayout['parking'][number]) => ({
  estateId,
  code: p.spaceId,
  polygon: p.polygon,
  kind: p.accessible ? ('accessible' as const) : ('regular' as const),
  extra: p.extra,
});
const fireLaneRow = (estateId: number, f: EstateLayout['fireLanes'][number]) => ({ estateId, code: f.code, line: f.line, roadWidthM: f.roadWidthM, clearWidthM: f.clearWidthM, extra: f.extra });
const featureRows = (estateId: number, layout: EstateLayout) => [
  ...layout.roads.map((r) => ({ estateId, kind: 'road' as const, geometry: r.line, widthM: r.widthM, extra: r.extra })),
  ...layout.green.map((g) => ({ estateId, kind: 'green' as const, geometry: g.polygon, widthM: null, extra: g.extra })),
];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Parking, fire lanes, roads and green of a new estate. */
export async function insertSurroundings(tx: Db, estateId: number, layout: EstateLayout): Promise<void> {
  const { t } = tx;
  await insertChunked(layout.parking.map((p) => parkingRow(estateId, p)), (c) => tx.insert(t.parkingSpaces).values(c));
  await insertChunked(layout.fireLanes.map((f) => fireLaneRow(estateId, f)), (c) => tx.insert(t.fireLanes).values(c));
  await insertChunked(featureRows(estateId, layout), (c) => tx.insert(t.mapFeatures).values(c));
}

/**
 * Brings a stored estate's parking and fire lanes in line with the layout,
 * matched by space id and lane name (rows that did not change are not
 * touched); roads and green are replaced when they differ.
 */
export async function syncSurroundings(tx: Db, estateId: number, layout: EstateLayout): Promise<void> {
  const { t } = tx;
  await syncByCode(
    await tx.select().from(t.parkingSpaces).where(eq(t.parkingSpaces.estateId, estateId)),
    layout.parking.map((p) => parkingRow(estateId, p)),
    (row) => tx.insert(t.parkingSpaces).values(row),
    (id, row) => tx.update(t.parkingSpaces).set(row).where(eq(t.parkingSpaces.id, id)),
    (ids) => tx.delete(t.parkingSpaces).where(and(eq(t.parkingSpaces.estateId, estateId), inArray(t.parkingSpaces.id, ids))),
  );
  await syncByCode(
    await tx.select().from(t.fireLanes).where(eq(t.fireLanes.estateId, estateId)),
    layout.fireLanes.map((f) => fireLaneRow(estateId, f)),
    (row) => tx.insert(t.fireLanes).values(row),
    (id, row) => tx.update(t.fireLanes).set(row).where(eq(t.fireLanes.id, id)),
    (ids) => tx.delete(t.fireLanes).where(and(eq(t.fireLanes.estateId, estateId), inArray(t.fireLanes.id, ids))),
  );
  const stored = await tx.select().from(t.mapFeatures).where(eq(t.mapFeatures.estateId, estateId)).orderBy(asc(t.mapFeatures.id));
  const wanted = featureRows(estateId, layout);
  if (isDeepStrictEqual(stored.map(({ id: _id, ...row }) => row), wanted)) return;
  await tx.delete(t.mapFeatures).where(eq(t.mapFeatures.estateId, estateId));
  await insertChunked(wanted, (c) => tx.insert(t.mapFeatures).values(c));
}

async function syncByCode<Row extends { code: string }>(
  stored: { id: number; code: string }[],
  wanted: Row[],
  insert: (row: Row) => Promise<unknown>,
  update: (id: number, row: Row) => Promise<unknown>,
  remove: (ids: number[]) => Promise<unknown>,
): Promise<void> {
  const byCode = new Map(stored.map((s) => [s.code, s]));
  if (byCode.size < stored.length || new Set(wanted.map((w) => w.code)).size < wanted.length) {
    // Names that are not unique cannot be matched: replace them all.
    if (stored.length) await remove(stored.map((s) => s.id));
    for (const row of wanted) await insert(row);
    return;
  }
  for (const row of wanted) {
    const old = byCode.get(row.code);
    byCode.delete(row.code);
    if (!old) await insert(row);
    else if (rowChanged(old, row)) await update(old.id, row);
  }
  if (byCode.size) await remove([...byCode.values()].map((s) => s.id));
}

/** Whether any of `values` differs from the stored row (keys the values do not set are not compared). */
export function rowChanged(stored: object, values: object): boolean {
  return Object.entries(values).some(([k, v]) => !isDeepStrictEqual((stored as Record<string, unknown>)[k], v));
}
