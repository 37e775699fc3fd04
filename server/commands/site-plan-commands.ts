import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { fitPlan } from '../../geo/site-plan/index.ts';
import { lngLatSchema } from '../../geo/estate/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first } from '../db/database.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { MAX_PLAN_BYTES } from '../site-plan/check-site-plan.ts';
import { inWorker } from '../workers/worker-pool.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';

const estateId = z.number().int().positive().max(2 ** 31);

export const uploadSitePlanInput = z.object({
  estateId,
  fileName: z.string().trim().min(1).max(255, 'expected a file name of at most 255 characters'),
  base64: z.string().max(Math.ceil((MAX_PLAN_BYTES * 4) / 3) + 4, 'expected an image of at most 10 MB'),
});

/**
 * A photo or scan of the estate's paper site plan, replacing any before
 * it: a PNG, JPEG or WebP by its own bytes (not its name), at most 10 MB
 * and 20,000 px a side, stored with its hash; its placement starts afresh.
 */
export const uploadSitePlan = defineCommand({
  roles: WHO.staff,
  input: uploadSitePlanInput,
  // Checked and hashed in a worker thread, before the transaction.
  prepare: (input) => inWorker('checkSitePlan', { base64: input.base64, fileName: input.fileName }, { file: input.fileName, seconds: 20, field: 'base64' }),
  run: async ({ tx, now, record }, input, checked) => {
    await requireEstate(tx, input.estateId);
    const image = Buffer.from(checked.image.buffer, checked.image.byteOffset, checked.image.length);
    const { sitePlans } = tx.t;
    const row = { mime: checked.mime, image, sha256: checked.sha256, widthPx: checked.widthPx, heightPx: checked.heightPx, points: [], corners: null, opacity: 0.6, updatedAt: shanghaiIso(now) };
    await tx.delete(sitePlans).where(eq(sitePlans.estateId, input.estateId));
    await tx.insert(sitePlans).values({ estateId: input.estateId, ...row });
    await record({ kind: 'layout', estateId: input.estateId, at: row.updatedAt });
    return { widthPx: row.widthPx, heightPx: row.heightPx, bytes: image.length, sha256: row.sha256 };
  },
});

const pointSchema = z.object({
  px: z.tuple([z.number().min(0).max(20_000), z.number().min(0).max(20_000)]),
  at: lngLatSchema,
});

/**
 * Where the site plan lies: three or more points pinned on the photo and on
 * the map, fitted (geo/site-plan) and checked: points inside the photo, no
 * point more than 15 m off the others. Refused, nothing is stored.
 */
export const placeSitePlan = defineCommand({
  roles: WHO.staff,
  input: z.object({ estateId, points: z.array(pointSchema).min(3, 'expected at least 3 points').max(20, 'expected at most 20 points') }),
  run: async ({ tx, now, record }, input) => {
    const { sitePlans } = tx.t;
    const plan = await first(tx.select({ widthPx: sitePlans.widthPx, heightPx: sitePlans.heightPx }).from(sitePlans).where(eq(sitePlans.estateId, input.estateId)));
    if (!plan) throw refuse.notFound('此小区还没有上传总平面图', 'this estate has no site plan uploaded');
    const outside = input.points.findIndex((p) => p.px[0] > plan.widthPx || p.px[1] > plan.heightPx);
    if (outside >= 0) throw refuse.badInput(`第 ${outside + 1} 个点不在图片内`, `point ${outside + 1} is outside the image`, `points.${outside}.px`);
    const fit = fitPlan(input.points, plan.widthPx, plan.heightPx);
    if (!fit.ok) throw refuse.badInput(fit.problem.zh, fit.problem.en, 'points');
    const at = shanghaiIso(now);
    await tx.update(sitePlans).set({ points: input.points, corners: fit.fit.corners, updatedAt: at }).where(eq(sitePlans.estateId, input.estateId));
    await record({ kind: 'layout', estateId: input.estateId, at });
    return fit.fit;
  },
});

/** How opaque the site plan is drawn under the layout. */
export const setSitePlanOpacity = defineCommand({
  roles: WHO.staff,
  input: z.object({ estateId, opacity: z.number().min(0.05, 'expected an opacity from 0.05').max(1, 'expected an opacity up to 1') }),
  run: async ({ tx, now }, input) => {
    const { sitePlans } = tx.t;
    const updated = await tx.update(sitePlans).set({ opacity: input.opacity, updatedAt: shanghaiIso(now) }).where(eq(sitePlans.estateId, input.estateId)).returning({ estateId: sitePlans.estateId });
    if (updated.length === 0) throw refuse.notFound('此小区还没有上传总平面图', 'this estate has no site plan uploaded');
    return { opacity: input.opacity };
  },
});

/** The site plan taken off the map (and out of the database). */
export const removeSitePlan = defineCommand({
  roles: WHO.staff,
  input: z.object({ estateId, confirm: z.literal(true, 'expected confirm: true') }),
  run: async ({ tx, now, record }, input) => {
    const { sitePlans } = tx.t;
    await tx.delete(sitePlans).where(eq(sitePlans.estateId, input.estateId));
    await record({ kind: 'layout', estateId: input.estateId, at: shanghaiIso(now) });
    return { removed: true };
  },
});
