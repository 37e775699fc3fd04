import { centroid, polygon as turfPolygon } from '@turf/turf';
import { eq } from 'drizzle-orm';
import type { EstateLayout } from '../../geo/estate/index.ts';
import type { CampaignHistory } from '../../geo/register/index.ts';
import { first, only, transact, type Db } from '../db/database.ts';
import { checkCampaign } from './check-campaign.ts';
import { ImportError } from './import-error.ts';
import { registerFlatValues } from './register-flat-values.ts';
import { evidenceProblems, insertSeedEvidence } from './seed-evidence.ts';
import { insertSurroundings } from './surroundings.ts';

export interface EstateImport {
  slug: string;
  layout: EstateLayout;
  campaign: CampaignHistory;
  schematic: boolean;
  /** The 包干 table's file name, for the problems found in it. */
  canvassersFile?: string;
  /** The files of campaign.evidence, row for row (drawn by readEstateDir). */
  evidenceFiles?: { signature: Buffer | null; photo: Buffer | null }[];
}

const CHUNK = 400;
async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) ids.push(...(await insert(rows.slice(i, i + CHUNK))).map((r) => r.id));
  return ids;
}

/**
 * Writes a whole estate (layout, register, canvassers, history) in one
 * transaction: either all of it is stored or, on any problem, none.
 * Returns the new estate's id.
 */
export async function importEstate(db: Db, input: EstateImport): Promise<number> {
  const { t } = db;
  const { layout, campaign } = input;
  const { problems, stages } = checkCampaign(layout, campaign, input.canvassersFile);
  problems.push(...evidenceProblems(campaign));
  if (problems.length) throw new ImportError(problems);

  return transact(db, async (tx) => {
    if (await first(tx.select({ id: t.estates.id }).from(t.estates).where(eq(t.estates.slug, input.slug))))
      throw new ImportError([`an estate named ${input.slug} is already stored`]);
    const [lng, lat] = centroid(turfPolygon(layout.boundary.coordinates)).geometry.coordinates as [number, number];
    const estate = await only(tx
      .insert(t.estates)
      .values({ slug: input.slug, name: layout.name, boundary: layout.boundary, centerLng: lng, centerLat: lat, schematic: input.schematic })
      .returning({ id: t.estates.id }));
    const estateId = estate.id;

    const buildingIds = await insertAll(layout.buildings, async (chunk) =>
      await tx.insert(t.buildings).values(chunk.map((b) => ({ estateId, code: b.code, floors: b.floors, footprint: b.footprint, extra: b.extra }))).returning({ id: t.buildings.id }),
    );
    const buildingOf = new Map(layout.buildings.map((b, i) => [b.code, buildingIds[i] as number]));
    const stageOf = (door: string) => stages.get(door) ?? 'canvassing';
    const stairwellIds = await insertAll(layout.stairwells, async (chunk) =>
      await tx
        .insert(t.stairwells)
        .values(
          chunk.map((s) => ({
            estateId,
            buildingId: buildingOf.get(s.buildingCode) as number,
            doorNumber: s.doorNumber,
            footprint: s.footprint,
            doorLng: s.door[0],
            doorLat: s.door[1],
            elevatorSite: s.elevatorSite,
            stage: stageOf(s.doorNumber),
            extra: s.extra,
          })),
        )
        .returning({ id: t.stairwells.id }),
    );
    const stairwellOf = new Map(layout.stairwells.map((s, i) => [s.doorNumber, stairwellIds[i] as number]));

    const canvasserIds = await insertAll(campaign.canvassers, async (chunk) =>
      await tx.insert(t.canvassers).values(chunk.map((c) => ({ estateId, externalId: c.canvasserId, name: c.name, role: c.role, partyGroup: c.partyGroup }))).returning({ id: t.canvassers.id }),
    );
    const canvasserOf = new Map(campaign.canvassers.map((c, i) => [c.canvasserId, canvasserIds[i] as number]));
    const ownerOf = new Map<number, number>();
    const owned = campaign.canvassers.flatMap((c) =>
      c.doorNumbers.map((door) => {
        const stairwellId = stairwellOf.get(door) as number;
        ownerOf.set(stairwellId, canvasserOf.get(c.canvasserId) as number);
        return { canvasserId: canvasserOf.get(c.canvasserId) as number, stairwellId };
      }),
    );
    for (let i = 0; i < owned.length; i += CHUNK) await tx.insert(t.canvasserStairwells).values(owned.slice(i, i + CHUNK));

    const voterKeys = [...new Map(campaign.register.map((r) => [r.voterId, r])).values()];
    const voterIds = await insertAll(voterKeys, async (chunk) =>
      await tx.insert(t.voters).values(chunk.map((r) => ({ estateId, externalId: r.voterId, name: r.voterName, phone: r.phone }))).returning({ id: t.voters.id }),
    );
    const voterOf = new Map(voterKeys.map((r, i) => [r.voterId, voterIds[i] as number]));
    const flatIds = await insertAll(campaign.register, async (chunk) =>
      await tx
        .insert(t.flats)
        .values(
          chunk.map((r) => {
            const stairwellId = stairwellOf.get(r.doorNumber) as number;
            return {
              stairwellId,
              floor: r.floor,
              room: r.room,
              ...registerFlatValues(r, voterOf.get(r.voterId) as number),
              canvasserId: ownerOf.get(stairwellId) ?? null,
            };
          }),
        )
        .returning({ id: t.flats.id }),
    );
    const flatOf = new Map(campaign.register.map((r, i) => [`${r.doorNumber}\u0000${r.room}`, flatIds[i] as number]));
    const events = campaign.consentEvents.map((e) => ({
      flatId: flatOf.get(`${e.doorNumber}\u0000${e.room}`) as number,
      fromStatus: e.from,
      toStatus: e.to,
      canvasserId: e.canvasserId ? (canvasserOf.get(e.canvasserId) ?? null) : null,
      at: e.at,
      note: e.note,
    }));
    for (let i = 0; i < events.length; i += CHUNK) await tx.insert(t.consentEvents).values(events.slice(i, i + CHUNK));
    const stageRows = campaign.stageEvents.map((e) => ({
      stairwellId: stairwellOf.get(e.doorNumber) as number,
      fromStage: e.from,
      toStage: e.to,
      at: e.at,
      reason: e.reason,
    }));
    for (let i = 0; i < stageRows.length; i += CHUNK) await tx.insert(t.stageEvents).values(stageRows.slice(i, i + CHUNK));

    if (campaign.evidence?.length) await insertSeedEvidence(tx, { estateName: layout.name, campaign, files: input.evidenceFiles ?? [], stairwellOf, flatOf, voterOf });
    await insertSurroundings(tx, estateId, layout);
    return estateId;
  });
}
