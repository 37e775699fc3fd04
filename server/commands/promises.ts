import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DELIVERERS, DELIVERER_ZH, dueStagePassed, PROMISE_KINDS, PROMISE_KIND_ZH } from '../../geo/register/index.ts';
import { PIPELINE_STAGES, STAGE_ZH } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { first, type Db } from '../db/database.ts';
import { MAX_PHOTO_BYTES } from '../evidence/evidence-input.ts';
import { Refusal, refuse } from '../refusal.ts';
import { inWorker } from '../workers/worker-pool.ts';
import { defineCommand } from './command.ts';
import { flatPlace } from '../canvass/flat-place.ts';
import { isoDay } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

const rowId = z.number().int().positive().max(2 ** 31);

export const makePromiseInput = z.object({
  flatId: rowId,
  kind: z.enum(PROMISE_KINDS),
  deliverer: z.enum(DELIVERERS, 'expected who delivers it: property_company, contractor or renovation_programme'),
  dueStage: z.enum(PIPELINE_STAGES),
  note: z.string().trim().max(200, 'expected a note of at most 200 characters').optional(),
});

/** A promise to a household (from a visit's "depends on", or by staff): refused when its due stage is already reached. */
export const makePromise = defineCommand({
  roles: WHO.staff,
  input: makePromiseInput,
  estate: (input, db) => estateOf.flat(db, input.flatId),
  run: async ({ tx, now, record, user }, input) => {
    const { promises } = tx.t;
    const flat = await flatPlace(tx, input.flatId);
    if (dueStagePassed(input.dueStage, flat.stage))
      throw refuse.badInput(
        `dueStage：${flat.doorNumber} 已到“${STAGE_ZH[flat.stage]}”，不能承诺在“${STAGE_ZH[input.dueStage]}”前兑现；请选择之后的阶段`,
        `dueStage: ${flat.doorNumber} is already at ${flat.stage}; choose a later stage`,
        'dueStage',
      );
    const at = shanghaiIso(now);
    const [row] = await tx
      .insert(promises)
      .values({ stairwellId: flat.stairwellId, flatId: flat.id, kind: input.kind, deliverer: input.deliverer, dueStage: input.dueStage, note: input.note || null, madeBy: user.username, madeAt: at })
      .returning({ id: promises.id });
    await record({ kind: 'register', estateId: flat.estateId, at });
    return { id: row!.id, label: `${flat.doorNumber} ${flat.room} ${PROMISE_KIND_ZH[input.kind]}（${DELIVERER_ZH[input.deliverer]}）` };
  },
});

const promiseRow = async (tx: Db, id: number) => {
  const { promises, stairwells } = tx.t;
  const row = await first(tx.select({ p: promises, estateId: stairwells.estateId, doorNumber: stairwells.doorNumber }).from(promises).innerJoin(stairwells, eq(stairwells.id, promises.stairwellId)).where(eq(promises.id, id)));
  if (!row) throw refuse.notFound(`没有编号为 ${id} 的承诺`, `no promise ${id}`);
  return row;
};

export const deliverPromiseInput = z.object({
  promiseId: rowId,
  deliveredOn: isoDay,
  /** A photo of what was delivered: JPEG, PNG or WebP, at most 1 MB (base64). */
  photo: z.string().min(1, 'expected a photo of the delivery').max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 8, 'expected a photo of at most 1 MB'),
});

/** The promise delivered on a day, with a photo checked to be an image (in a worker, before the transaction). */
export const deliverPromise = defineCommand({
  roles: WHO.staff,
  input: deliverPromiseInput,
  prepare: async (input) => {
    try {
      return (await inWorker('checkEvidence', { photo: input.photo }, { file: '照片 photo', seconds: 10, field: 'photo' })).photo!;
    } catch (e) {
      if (e instanceof Refusal && e.kind === 'bad_input') throw refuse.badInput('photo：交付照片应为 JPEG、PNG 或 WebP 图片，不超过 1 MB', 'photo: expected a JPEG, PNG or WebP image of at most 1 MB', 'photo');
      throw e;
    }
  },
  run: async ({ tx, now, record }, input, photo) => {
    const row = await promiseRow(tx, input.promiseId);
    const at = shanghaiIso(now);
    if (input.deliveredOn > at.slice(0, 10) || input.deliveredOn < row.p.madeAt.slice(0, 10))
      throw refuse.badInput(`deliveredOn：交付日期应在承诺日 ${row.p.madeAt.slice(0, 10)} 与今天之间`, `deliveredOn: expected a day from ${row.p.madeAt.slice(0, 10)} to today`, 'deliveredOn');
    if (row.p.deliveredOn) throw refuse.conflict(`该承诺已于 ${row.p.deliveredOn} 交付`, `already delivered on ${row.p.deliveredOn}`);
    await tx.update(tx.t.promises).set({ deliveredOn: input.deliveredOn, photo: Buffer.from(photo.bytes), photoMime: photo.mime }).where(eq(tx.t.promises.id, input.promiseId));
    await record({ kind: 'register', estateId: row.estateId, at });
    return { ok: true as const };
  },
});

/** The household signs the delivery off (验收签认), after delivery. */
export const signOffPromise = defineCommand({
  roles: WHO.staff,
  input: z.object({ promiseId: rowId, on: isoDay }),
  run: async ({ tx, now, record }, input) => {
    const row = await promiseRow(tx, input.promiseId);
    const at = shanghaiIso(now);
    if (!row.p.deliveredOn) throw refuse.precondition('尚未交付，不能签认', 'not delivered yet');
    if (input.on < row.p.deliveredOn || input.on > at.slice(0, 10)) throw refuse.badInput(`on：签认日期应在交付日 ${row.p.deliveredOn} 与今天之间`, `on: expected a day from ${row.p.deliveredOn} to today`, 'on');
    await tx.update(tx.t.promises).set({ signedOffOn: input.on }).where(eq(tx.t.promises.id, input.promiseId));
    await record({ kind: 'register', estateId: row.estateId, at });
    return { ok: true as const };
  },
});
