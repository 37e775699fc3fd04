import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { DATUMS, lngLatSchema, polygonSchema } from '../../geo/estate/index.ts';
import { adjustStairwell } from '../admin/adjust-stairwell.ts';
import type { CanvasserRow, RegisterRow } from '../../geo/register/index.ts';
import { backups } from '../db/schema.ts';
import { ImportError } from '../import/import-error.ts';
import { importEstateFile, previewEstateFile } from '../import/import-estate-file.ts';
import { readCanvasserFile } from '../import/read-canvasser-file.ts';
import { readRegisterFile } from '../register/read-register-file.ts';
import { roleProcedure, router } from '../trpc.ts';
import { withDomainErrors } from './domain-errors.ts';

const staff = roleProcedure('admin', 'planner');

const uploadedFile = z
  .object({
    fileName: z.string().trim().min(1, 'expected the file name (its extension says CSV or XLSX)'),
    // 20 MB of file as base64.
    base64: z.string().max(28_000_000, 'expected a file of at most 20 MB'),
  })
  .nullable()
  .default(null);

const importInput = z.object({
  /** The GeoJSON file's parsed content; validated feature by feature on the server. */
  geojson: z.unknown(),
  from: z.enum(DATUMS).default('wgs84'),
  reference: z.tuple([z.number(), z.number()]).nullable().default(null),
  /** The flat register (CSV or XLSX) to import in the same transaction, or null to leave flats as they are. */
  register: uploadedFile,
  /** The 包干 table (CSV or XLSX), or null to leave canvassers as they are. */
  canvassers: uploadedFile,
});
type ImportInput = z.infer<typeof importInput>;

type Read<T> = { ok: true; rows: T } | { ok: false; problems: string[] };

/** The uploaded register and 包干 table, read; or every problem with them, named by file, row and column. */
async function uploads(input: ImportInput): Promise<Read<{ register: RegisterRow[] | null; canvassers: { rows: CanvasserRow[]; file: string } | null }>> {
  const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64');
  const register = input.register ? await readRegisterFile(bytes(input.register), input.register.fileName) : null;
  const canvassers = input.canvassers ? await readCanvasserFile(bytes(input.canvassers), input.canvassers.fileName) : null;
  const problems = [
    ...(register && !register.ok ? register.errors.map((e) => (e.startsWith(input.register!.fileName) ? e : `${input.register!.fileName}: ${e}`)) : []),
    ...(canvassers && !canvassers.ok ? canvassers.errors : []),
  ];
  if (problems.length || (register && !register.ok) || (canvassers && !canvassers.ok)) return { ok: false, problems };
  return {
    ok: true,
    rows: { register: register?.ok ? register.rows : null, canvassers: canvassers?.ok && input.canvassers ? { rows: canvassers.rows, file: input.canvassers.fileName } : null },
  };
}

export const adminRouter = router({
  /** When the last backup ran (npm run backup), for /admin. */
  lastBackup: staff.query(({ ctx }) => ctx.db.select({ at: backups.at, bytes: backups.bytes }).from(backups).orderBy(desc(backups.id)).limit(1).get() ?? null),
  /** What importing an estate file would do, with the estate for a map; nothing is written. */
  previewEstate: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const read = await uploads(input);
    if (!read.ok) return { ok: false as const, problems: read.problems, preview: null };
    return previewEstateFile(ctx.db, { ...input, ...read.rows, now: ctx.now() });
  }),
  /** Imports an estate file with its register and 包干 table (new, or the estate of the same name in place); all or nothing. */
  importEstate: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const read = await uploads(input);
    if (!read.ok) return { ok: false as const, problems: read.problems };
    try {
      return { ok: true as const, outcome: importEstateFile(ctx.db, { ...input, ...read.rows, now: ctx.now() }) };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false as const, problems: e.problems };
      throw e;
    }
  }),
  /** A planner places a stairwell's door and elevator site on the map; checked, stored in one transaction, kept by later re-imports that give none. */
  adjustStairwell: staff
    .input(z.object({ stairwellId: z.number().int().positive(), door: lngLatSchema, elevatorSite: polygonSchema.nullable() }))
    .mutation(({ ctx, input }) => withDomainErrors(() => adjustStairwell(ctx.db, input))),
});
