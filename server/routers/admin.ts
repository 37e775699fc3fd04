import { desc } from 'drizzle-orm';
import { basename } from 'node:path';
import { backupFromApp } from '../backup/backup-database.ts';
import { STALE_BACKUP_MS } from '../backup/backup-schedule.ts';
import { refuse } from '../refusal.ts';
import { first } from '../db/database.ts';
import { z } from 'zod';
import { DATUMS } from '../../geo/estate/index.ts';
import { readUploads } from '../admin/read-uploads.ts';
import { adjustStairwell } from '../commands/adjust-stairwell.ts';
import { WHO } from '../auth/authorise.ts';
import { importEstate } from '../commands/import-estate.ts';
import { previewEstateFile } from '../import/import-estate-file.ts';
import { inWorker } from '../workers/worker-pool.ts';
import { roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure(...WHO.staff);

const fileUpload = z.object({
  fileName: z.string().trim().min(1, 'expected the file name (its extension says what it holds)').max(255, 'expected a file name of at most 255 characters'),
  // 20 MB of file as base64.
  base64: z.string().max(28_000_000, 'expected a file of at most 20 MB'),
});
const uploadedFile = fileUpload.nullable().default(null);

const importInput = z.object({
  /** The GeoJSON file's parsed content; validated feature by feature on the server. */
  geojson: z.unknown(),
  from: z.enum(DATUMS).default('wgs84'),
  reference: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).nullable().default(null),
  /** The flat register (CSV or XLSX) to import in the same transaction, or null to leave flats as they are. */
  register: uploadedFile,
  /** The 包干 table (CSV or XLSX), or null to leave canvassers as they are. */
  canvassers: uploadedFile,
});
const adminOnly = roleProcedure(...WHO.admin);

export const adminRouter = router({
  /**
   * How phones reach this server: the address printed in QR codes
   * (LIFTMAP_PUBLIC_URL, or null for the page's own), whether this page
   * came over HTTPS, and the committee's certificate authority to install.
   */
  site: staff.query(({ ctx }) => ({
    publicUrl: ctx.site.publicUrl,
    https: ctx.secure,
    localCa: ctx.site.localCa && { fingerprint: ctx.site.localCa.fingerprint, names: ctx.site.localCa.names, notAfter: ctx.site.localCa.notAfter },
  })),
  /** Every backup recorded (from /admin or `npm run backup`), newest first: when, how big, and its download. */
  backups: adminOnly.query(async ({ ctx }) => {
    const { backups } = ctx.db.t;
    return (await ctx.db.select().from(backups).orderBy(desc(backups.id)).limit(50)).map((b) => ({ id: b.id, file: basename(b.file), bytes: b.bytes, at: b.at }));
  }),
  /** An online backup now, beside the SQLite file; refused on PostgreSQL, whose own tools back up. */
  // It says what it wants: a stray or forged call with any other body is refused, and writes nothing.
  runBackup: adminOnly.input(z.object({ confirm: z.literal(true, 'expected confirm: true') }).strict()).mutation(async ({ ctx }) => {
    if (!ctx.backups) throw refuse.precondition('数据在 PostgreSQL 中，请用 PostgreSQL 自带的备份工具（pg_dump）备份', 'the data is in PostgreSQL: back it up with pg_dump (README, "Running on PostgreSQL")');
    return await backupFromApp(ctx.db, ctx.backups.dir, ctx.now());
  }),
  /**
   * When the last backup ran (the server's own, /admin's or npm run backup),
   * whether it is too old (more than 2 days), and when the server backs up
   * by itself: what /admin warns with when backups stop.
   */
  lastBackup: staff.query(async ({ ctx }) => {
    const { backups } = ctx.db.t;
    const last = (await first(ctx.db.select({ at: backups.at, bytes: backups.bytes }).from(backups).orderBy(desc(backups.id)).limit(1))) ?? null;
    const ageMs = last ? ctx.now().getTime() - Date.parse(last.at) : null;
    return {
      last,
      stale: ctx.backups !== null && (ageMs === null || ageMs > STALE_BACKUP_MS),
      schedule: ctx.backups && ctx.backups.at ? { at: ctx.backups.at, daily: ctx.backups.daily, weekly: ctx.backups.weekly } : null,
      postgres: ctx.backups === null,
    };
  }),
  /**
   * The building outlines in a file as a committee gets it (GeoJSON with any attributes, a zipped Shapefile,
   * KML/KMZ, OpenStreetMap), in WGS-84, with its attributes and a guess at floors and codes; nothing is written.
   */
  readOutlines: staff.input(fileUpload).mutation(({ input }) =>
    inWorker('readOutlineLayers', { bytes: Buffer.from(input.base64, 'base64'), fileName: input.fileName }, { file: input.fileName, seconds: 30, field: 'base64' }),
  ),
  /** What importing an estate file would do, with the estate for a map; nothing is written. */
  previewEstate: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const read = await readUploads(input.register, input.canvassers);
    if (!read.ok) return { ok: false as const, problems: read.problems, preview: null };
    return await previewEstateFile(ctx.db, { ...input, register: read.register, canvassers: read.canvassers, now: ctx.now() });
  }),
  /** Imports an estate file with its register and 包干 table (new, or the estate of the same name in place); all or nothing. */
  importEstate: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const read = await readUploads(input.register, input.canvassers);
    if (!read.ok) return { ok: false as const, problems: read.problems };
    return await importEstate(ctx, { geojson: input.geojson, from: input.from, reference: input.reference, register: read.register, canvassers: read.canvassers });
  }),
  /** A planner places a stairwell's door and elevator site on the map; checked, stored in one transaction, kept by later re-imports that give none. */
  adjustStairwell: staff.input(adjustStairwell.input).mutation(async ({ ctx, input }) => await adjustStairwell(ctx, input)),
});
