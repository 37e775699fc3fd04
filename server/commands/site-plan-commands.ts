import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { imageSize } from 'image-size';
import type { ISizeCalculationResult } from 'image-size/dist/types/interface';
import { z } from 'zod';
import { fitPlan } from '../../geo/site-plan/index.ts';
import { lngLatSchema } from '../../geo/estate/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first } from '../db/database.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { WHO } from './authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from './refusal.ts';

/** A phone's photo or a scan of a site plan: a few MB; 10 MB at most. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;
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
  run: async ({ tx, now, record }, input) => {
    await requireEstate(tx, input.estateId);
    const image = Buffer.from(input.base64, 'base64');
    let size: ISizeCalculationResult | null = null;
    try {
      size = imageSize(image);
    } catch {
      size = null;
    }
    const mime = size?.type ? IMAGE_TYPES[size.type as keyof typeof IMAGE_TYPES] : undefined;
    if (!size || !mime || !size.width || !size.height)
      throw refuse.badInput(`${input.fileName} 不是 PNG、JPEG 或 WebP 图片：请上传总平面图的照片或扫描件`, `${input.fileName} is not a PNG, JPEG or WebP image: upload a photo or scan of the site plan`, 'base64');
    if (image.length > MAX_PLAN_BYTES) throw refuse.badInput('图片超过 10 MB，请压缩后再上传', 'the image is over 10 MB; compress it and upload again', 'base64');
    if (size.width > 20_000 || size.height > 20_000) throw refuse.badInput(`图片 ${size.width}×${size.height} 像素过大（每边最多 20000）`, `the image is ${size.width}×${size.height} px, more than 20,000 a side`, 'base64');
    const { sitePlans } = tx.t;
    const row = { mime, image, sha256: createHash('sha256').update(image).digest('hex'), widthPx: size.width, heightPx: size.height, points: [], corners: null, opacity: 0.6, updatedAt: shanghaiIso(now) };
    await tx.delete(sitePlans).where(eq(sitePlans.estateId, input.estateId));
    await tx.insert(sitePlans).values({ estateId: input.estateId, ...row });
    await record({ kind: 'layout', estateId: input.estateId, at: row.updatedAt });
    return { widthPx: size.width, heightPx: size.height, bytes: image.length, sha256: row.sha256 };
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
