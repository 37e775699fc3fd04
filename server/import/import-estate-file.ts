import { centroid, polygon as turfPolygon } from '@turf/turf';
import { eq } from 'drizzle-orm';
import { datumOffset, DEPTH_PROBLEM, doorLabel, withinDepth, type Datum, type EstateLayout, type ParseResult } from '../../geo/estate/index.ts';
import type { LngLat } from '../../geo/geometry/local-frame.ts';
import type { CanvasserRow, ConsentEventRow, RegisterRow } from '../../geo/register/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { type Db, first, transact } from '../db/database.ts';
import { applyCanvassers } from './apply-canvassers.ts';
import { ImportError } from './import-error.ts';
import { importEstate } from './import-estate.ts';
import { reimportEstate, type ReimportSummary } from './reimport-estate.ts';
import { inWorker } from '../workers/worker-pool.ts';

export interface EstateFileInput {
  /** The parsed GeoJSON file (SPEC §7's import format). */
  geojson: unknown;
  /** Register rows (CSV/XLSX already read), or null to leave flats as they are. */
  register: RegisterRow[] | null;
  /** The 包干 table (who owns which stairwells), or null to leave canvassers as they are. */
  canvassers?: { rows: CanvasserRow[]; file: string } | null;
  /** The datum the file was drawn in; converted to WGS-84 before anything else. */
  from: Datum;
  /** A WGS-84 point known to lie in the estate, to catch a file traced in GCJ-02/BD-09. */
  reference: LngLat | null;
  now: Date;
}

export type EstateFileOutcome =
  | { kind: 'created'; estateId: number; name: string; stairwells: number; flats: number; canvassers: number }
  | ({ kind: 'updated'; name: string; canvassers: number | null } & ReimportSummary);

/** An estate file read: its layout in WGS-84, every feature checked, and which doors and sites were placed for it. */
export type ParsedEstate = Extract<ParseResult, { ok: true }>;

/**
 * An estate file converted from its datum and checked feature by feature,
 * in a worker thread (a file of a few MB can take seconds, and must not
 * stop anyone else); every problem as an ImportError. A file nested deeper
 * than any GeoJSON is refused first, here, before it is copied anywhere.
 */
export async function parseEstateFile(geojson: unknown, from: Datum): Promise<ParsedEstate> {
  if (!withinDepth(geojson)) throw new ImportError([DEPTH_PROBLEM]);
  const parsed = await inWorker('parseEstate', { geojson, from }, { file: '小区文件 (the estate file)', seconds: 30, field: 'geojson' });
  if (!parsed.ok) throw new ImportError(parsed.errors);
  return parsed;
}

const DATUM_NAME = { gcj02: 'GCJ-02 (AMap/Gaode, Tencent)', bd09: 'BD-09 (Baidu)' } as const;

/**
 * Imports an estate file: converts it from its datum, validates it (every
 * problem named by feature), stops when it sits at the GCJ-02 or BD-09 offset
 * from the estate of the same name or from the reference point, then creates
 * the estate or re-imports it in place, with its register and 包干 table when
 * given. All-or-nothing.
 */
export async function importEstateFile(db: Db, input: EstateFileInput): Promise<EstateFileOutcome> {
  return await importParsedEstate(db, { ...input, parsed: await parseEstateFile(input.geojson, input.from) });
}

/** The same for a file already parsed (parseEstateFile), inside the caller's transaction when there is one. */
export async function importParsedEstate(db: Db, input: Omit<EstateFileInput, 'geojson'> & { parsed: ParsedEstate }): Promise<EstateFileOutcome> {
  const { estates } = db.t;
  const { parsed } = input;
  const { layout } = parsed;
  const existing = await first(db.select().from(estates).where(eq(estates.name, layout.name)));
  const reference: LngLat | null = input.reference ?? (existing ? [existing.centerLng, existing.centerLat] : null);
  if (reference && input.from === 'wgs84') {
    const centre = centroid(turfPolygon(layout.boundary.coordinates)).geometry.coordinates as LngLat;
    const off = datumOffset(centre, reference);
    if (off)
      throw new ImportError([
        `the estate lies ${off.offsetM} m from ${input.reference ? 'the reference point' : `the stored estate ${layout.name}`}, the offset of ${DATUM_NAME[off.datum]}: the file was probably traced from a Chinese web map. Import it again with --from ${off.datum} (in /admin: “drawn in ${off.datum.toUpperCase()}”); nothing was written`,
      ]);
  }
  const canvassers = input.canvassers ?? null;
  if (existing)
    return transact(db, async (tx) => {
      const summary = await reimportEstate(tx, existing.id, layout, parsed.derived, input.register, input.now);
      const applied = canvassers ? await applyCanvassers(tx, existing.id, canvassers.rows, canvassers.file) : null;
      return { kind: 'updated' as const, name: layout.name, canvassers: applied?.canvassers ?? null, ...summary };
    });
  const estateId = await importEstate(db, {
    slug: layout.name,
    layout,
    schematic: layout.schematic,
    canvassersFile: canvassers?.file,
    campaign: { register: input.register ?? [], canvassers: canvassers?.rows ?? [], consentEvents: registerEvents(input.register ?? [], input.now), stageEvents: [] },
  });
  return { kind: 'created', estateId, name: layout.name, stairwells: layout.stairwells.length, flats: input.register?.length ?? 0, canvassers: canvassers?.rows.length ?? 0 };
}

/** A new estate's register statuses as consent events at the import, as a register import into a stored estate records them. */
function registerEvents(register: RegisterRow[], now: Date): ConsentEventRow[] {
  const at = shanghaiIso(now);
  return register
    .filter((r) => r.status !== 'unvisited')
    .map((r) => ({ at, doorNumber: r.doorNumber, room: r.room, from: 'unvisited', to: r.status, canvasserId: null, note: 'register import' }));
}

/** What /admin shows before anything is written: the estate as it would be stored, for a map. */
export type ImportPreview = GeoJSON.FeatureCollection<GeoJSON.Geometry, { kind: string; label: string }>;

function previewOf(layout: EstateLayout): ImportPreview {
  const f = (geometry: GeoJSON.Geometry, kind: string, label = ''): ImportPreview['features'][number] => ({ type: 'Feature', geometry, properties: { kind, label } });
  return {
    type: 'FeatureCollection',
    features: [
      f(layout.boundary, 'boundary', layout.name),
      ...layout.parking.map((p) => f(p.polygon, 'parking')),
      ...layout.buildings.map((b) => f(b.footprint, 'building', b.code)),
      ...layout.stairwells.map((s) => f(s.footprint, 'stairwell', doorLabel(s.doorNumber))),
      ...layout.stairwells.flatMap((s) => (s.elevatorSite ? [f(s.elevatorSite, 'elevator_site')] : [])),
      ...layout.stairwells.map((s) => f({ type: 'Point', coordinates: s.door }, 'door')),
    ],
  };
}

class DryRun extends Error {}

/**
 * The same import run inside a transaction that is then rolled back: the
 * outcome it would have, or every problem, and the estate for a map preview.
 */
export async function previewEstateFile(db: Db, input: EstateFileInput): Promise<{ ok: true; outcome: EstateFileOutcome; preview: ImportPreview } | { ok: false; problems: string[]; preview: ImportPreview | null }> {
  let parsed: ParsedEstate;
  try {
    parsed = await parseEstateFile(input.geojson, input.from);
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, problems: e.problems, preview: null };
    throw e;
  }
  const preview = previewOf(parsed.layout);
  let outcome: EstateFileOutcome | null = null;
  try {
    await transact(db, async (tx) => {
      outcome = await importParsedEstate(tx, { ...input, parsed });
      throw new DryRun();
    });
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, problems: e.problems, preview };
    if (!(e instanceof DryRun)) throw e;
  }
  return { ok: true, outcome: outcome!, preview };
}
