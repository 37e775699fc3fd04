import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { DATUMS, lngLatSchema, polygonSchema } from '../../geo/estate/index.ts';
import { adjustStairwell } from '../admin/adjust-stairwell.ts';
import { readUploads } from '../admin/read-uploads.ts';
import { backups } from '../db/schema.ts';
import { ImportError } from '../import/import-error.ts';
import { importEstateFile, previewEstateFile } from '../import/import-estate-file.ts';
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
export const adminRouter = router({
  /** When the last backup ran (npm run backup), for /admin. */
  lastBackup: staff.query(({ ctx }) => ctx.db.select({ at: backups.at, bytes: backups.bytes }).from(backups).orderBy(desc(backups.id)).limit(1).get() ?? null),
  /** What importing an estate file would do, with the estate for a map; nothing is written. */
  previewEstate: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const read = await readUploads(input.register, input.canvassers);
    if (!read.ok) return { ok: false as const, problems: read.problems, preview: null };
    return previewEstateFile(ctx.db, { ...input, register: read.register, canvassers: read.canvassers, now: ctx.now() });
  }),
  /** Imports an estate file with its register and 包干 table (new, or the estate of the same name in place); all or nothing. */
  importEstate: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const read = await readUploads(input.register, input.canvassers);
    if (!read.ok) return { ok: false as const, problems: read.problems };
    try {
      return { ok: true as const, outcome: importEstateFile(ctx.db, { ...input, register: read.register, canvassers: read.canvassers, now: ctx.now() }) };
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
