import { and, asc, eq, inArray } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { EstateLayout } from '../../geo/estate/index.ts';
import type { Db } from '../db/open-database.ts';
import * as t from '../db/schema.ts';

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

function insertChunked<T>(rows: T[], insert: (chunk: T[]) => void): void {
  for (let i = 0; i < rows.length; i += CHUNK) insert(rows.slice(i, i + CHUNK));
}

/** Parking, fire lanes, roads and green of a new estate. */
export function insertSurroundings(tx: Db, estateId: number, layout: EstateLayout): void {
  insertChunked(layout.parking.map((p) => parkingRow(estateId, p)), (c) => tx.insert(t.parkingSpaces).values(c).run());
  insertChunked(layout.fireLanes.map((f) => fireLaneRow(estateId, f)), (c) => tx.insert(t.fireLanes).values(c).run());
  insertChunked(featureRows(estateId, layout), (c) => tx.insert(t.mapFeatures).values(c).run());
}

/**
 * Brings a stored estate's parking and fire lanes in line with the layout,
 * matched by space id and lane name (rows that did not change are not
 * touched); roads and green are replaced when they differ.
 */
export function syncSurroundings(tx: Db, estateId: number, layout: EstateLayout): void {
  syncByCode(
    tx.select().from(t.parkingSpaces).where(eq(t.parkingSpaces.estateId, estateId)).all(),
    layout.parking.map((p) => parkingRow(estateId, p)),
    (row) => tx.insert(t.parkingSpaces).values(row).run(),
    (id, row) => tx.update(t.parkingSpaces).set(row).where(eq(t.parkingSpaces.id, id)).run(),
    (ids) => tx.delete(t.parkingSpaces).where(and(eq(t.parkingSpaces.estateId, estateId), inArray(t.parkingSpaces.id, ids))).run(),
  );
  syncByCode(
    tx.select().from(t.fireLanes).where(eq(t.fireLanes.estateId, estateId)).all(),
    layout.fireLanes.map((f) => fireLaneRow(estateId, f)),
    (row) => tx.insert(t.fireLanes).values(row).run(),
    (id, row) => tx.update(t.fireLanes).set(row).where(eq(t.fireLanes.id, id)).run(),
    (ids) => tx.delete(t.fireLanes).where(and(eq(t.fireLanes.estateId, estateId), inArray(t.fireLanes.id, ids))).run(),
  );
  const stored = tx.select().from(t.mapFeatures).where(eq(t.mapFeatures.estateId, estateId)).orderBy(asc(t.mapFeatures.id)).all();
  const wanted = featureRows(estateId, layout);
  if (isDeepStrictEqual(stored.map(({ id: _id, ...row }) => row), wanted)) return;
  tx.delete(t.mapFeatures).where(eq(t.mapFeatures.estateId, estateId)).run();
  insertChunked(wanted, (c) => tx.insert(t.mapFeatures).values(c).run());
}

function syncByCode<Row extends { code: string }>(
  stored: { id: number; code: string }[],
  wanted: Row[],
  insert: (row: Row) => void,
  update: (id: number, row: Row) => void,
  remove: (ids: number[]) => void,
): void {
  const byCode = new Map(stored.map((s) => [s.code, s]));
  if (byCode.size < stored.length || new Set(wanted.map((w) => w.code)).size < wanted.length) {
    // Names that are not unique cannot be matched: replace them all.
    if (stored.length) remove(stored.map((s) => s.id));
    for (const row of wanted) insert(row);
    return;
  }
  for (const row of wanted) {
    const old = byCode.get(row.code);
    byCode.delete(row.code);
    if (!old) insert(row);
    else if (rowChanged(old, row)) update(old.id, row);
  }
  if (byCode.size) remove([...byCode.values()].map((s) => s.id));
}

/** Whether any of `values` differs from the stored row (keys the values do not set are not compared). */
export function rowChanged(stored: object, values: object): boolean {
  return Object.entries(values).some(([k, v]) => !isDeepStrictEqual((stored as Record<string, unknown>)[k], v));
}
