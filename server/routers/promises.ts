import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDay } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { estatePromises } from '../campaign/promises.ts';
import { deliverPromise, makePromise, signOffPromise } from '../commands/promises.ts';
import { first } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure(...WHO.staff);
const id = z.number().int().positive().max(2 ** 31);

/** 最大公约数: promises to low-floor households as obligations (issue "The people behind each door"); staff only. */
export const promisesRouter = router({
  ofEstate: staff.input(z.object({ estateId: id })).query(async ({ ctx, input }) => await estatePromises(ctx.db, input.estateId, shanghaiDay(ctx.now()))),
  /** The delivery photo, as a data URL for /admin (staff only; never on a public page). */
  photo: staff.input(z.object({ promiseId: id })).query(async ({ ctx, input }) => {
    const { promises } = ctx.db.t;
    const row = await first(ctx.db.select({ photo: promises.photo, mime: promises.photoMime }).from(promises).where(eq(promises.id, input.promiseId)));
    if (!row?.photo || !row.mime) throw refuse.notFound('没有交付照片', 'no delivery photo');
    return { dataUrl: `data:${row.mime};base64,${Buffer.from(row.photo).toString('base64')}` };
  }),
  make: staff.input(makePromise.input).mutation(async ({ ctx, input }) => await makePromise(ctx, input)),
  deliver: staff.input(deliverPromise.input).mutation(async ({ ctx, input }) => await deliverPromise(ctx, input)),
  signOff: staff.input(signOffPromise.input).mutation(async ({ ctx, input }) => await signOffPromise(ctx, input)),
});
