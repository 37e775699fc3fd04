import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { DATUMS } from '../../geo/estate/index.ts';
import { backups } from '../db/schema.ts';
import { ImportError } from '../import/import-error.ts';
import { importEstateFile, previewEstateFile } from '../import/import-estate-file.ts';
import { roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure('admin', 'planner');

const importInput = z.object({
  /** The GeoJSON file's parsed content; validated feature by feature on the server. */
  geojson: z.unknown(),
  from: z.enum(DATUMS).default('wgs84'),
  reference: z.tuple([z.number(), z.number()]).nullable().default(null),
});

export const adminRouter = router({
  /** When the last backup ran (npm run backup), for /admin. */
  lastBackup: staff.query(({ ctx }) => ctx.db.select({ at: backups.at, bytes: backups.bytes }).from(backups).orderBy(desc(backups.id)).limit(1).get() ?? null),
  /** What importing an estate file would do, with the estate for a map; nothing is written. */
  previewEstate: staff.input(importInput).mutation(({ ctx, input }) => previewEstateFile(ctx.db, { ...input, register: null, now: ctx.now() })),
  /** Imports an estate file (new, or the estate of the same name in place); all or nothing. */
  importEstate: staff.input(importInput).mutation(({ ctx, input }) => {
    try {
      return { ok: true as const, outcome: importEstateFile(ctx.db, { ...input, register: null, now: ctx.now() }) };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false as const, problems: e.problems };
      throw e;
    }
  }),
});
