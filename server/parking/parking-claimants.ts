import { and, eq, inArray } from 'drizzle-orm';
import type { Point } from 'geojson';
import { claimantsFor, type Claimant } from '../../geo/parking/index.ts';
import type { Db } from '../db/database.ts';

export interface ClaimantFlat {
  flatId: number;
  stairwellId: number;
  doorNumber: string;
  floor: number;
  room: string;
}

/** Signed households on the eligible floors, with their door, age bands and when they signed. */
export async function loadClaimants(db: Db, estateId: number, floors: number[]): Promise<{ claimants: Claimant[]; flatOf: Map<string, ClaimantFlat> }> {
  const { consentEvents, flats, stairwells } = db.t;
  const rows = await db
    .select({
      flatId: flats.id,
      floor: flats.floor,
      room: flats.room,
      status: flats.status,
      aged60to79: flats.aged60to79,
      aged80plus: flats.aged80plus,
      stairwellId: stairwells.id,
      doorNumber: stairwells.doorNumber,
      doorLng: stairwells.doorLng,
      doorLat: stairwells.doorLat,
    })
    .from(flats)
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .where(and(eq(stairwells.estateId, estateId), inArray(flats.floor, floors), eq(flats.status, 'signed')));
  const signedAt = new Map<number, string>();
  if (rows.length)
    for (const e of (await db
      .select({ flatId: consentEvents.flatId, at: consentEvents.at })
      .from(consentEvents)
      .where(and(inArray(consentEvents.flatId, rows.map((r) => r.flatId)), eq(consentEvents.toStatus, 'signed')))))
      signedAt.set(e.flatId, e.at);
  const claimants = claimantsFor(
    rows.map((r) => ({
      flatId: String(r.flatId),
      floor: r.floor,
      status: r.status,
      signedAt: signedAt.get(r.flatId) ?? null,
      aged60to79: r.aged60to79,
      aged80plus: r.aged80plus,
      door: { type: 'Point', coordinates: [r.doorLng, r.doorLat] } satisfies Point,
    })),
    { floors, maxWalkM: 0 },
  );
  const flatOf = new Map(rows.map((r) => [String(r.flatId), { flatId: r.flatId, stairwellId: r.stairwellId, doorNumber: r.doorNumber, floor: r.floor, room: r.room }]));
  return { claimants, flatOf };
}
