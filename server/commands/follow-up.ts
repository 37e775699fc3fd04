import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { requireEditStairwell } from '../canvass/permissions.ts';
import { first } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { defineCommand } from './command.ts';
import { flatPlace } from '../canvass/flat-place.ts';
import { isoDay } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

const text = (max: number, what: string) => z.string().trim().min(1, `expected ${what}`).max(max, `expected ${what} of at most ${max} characters`);

export const setFollowUpInput = z.object({
  flatId: z.number().int().positive().max(2 ** 31),
  /** The day to call next; left out when the household asked not to be visited again. */
  nextVisitOn: isoDay.optional(),
  /** Who calls: anyone of the stairwell, a named canvasser of this estate, or someone described in words (其女儿、对门邻居王阿姨). */
  visitor: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('anyone') }),
    z.object({ kind: z.literal('canvasser'), canvasserId: z.number().int().positive().max(2 ** 31) }),
    z.object({ kind: z.literal('person'), note: text(60, 'who should call, in words') }),
  ]),
  reason: z.string().trim().max(100, 'expected a reason of at most 100 characters').optional(),
  /** 不再上门: the household asked not to be visited again. */
  doNotContact: z.boolean().default(false),
});

/**
 * 因户施策: who should call on a flat next, when and why, or that nobody should (不再上门). For the flat's stairwell's
 * canvassers and staff; a named canvasser must be one of this estate's. The follow-up lists read it at once.
 */
export const setFollowUp = defineCommand({
  roles: WHO.field,
  input: setFollowUpInput,
  estate: (input, db) => estateOf.flat(db, input.flatId),
  run: async ({ tx, now, record, user }, input) => {
    const { flats, canvassers } = tx.t;
    const flat = await flatPlace(tx, input.flatId);
    await requireEditStairwell(tx, user, flat.stairwellId);
    const today = shanghaiDay(now);
    const where = `${flat.doorNumber} ${flat.room}`;
    if (!input.doNotContact) {
      if (!input.nextVisitOn) throw refuse.badInput(`nextVisitOn：请填写 ${where} 下次上门的日期`, 'nextVisitOn: expected the day of the next call', 'nextVisitOn');
      if (input.nextVisitOn < today || input.nextVisitOn > addDays(today, 366))
        throw refuse.badInput(`nextVisitOn：下次上门日期应在今天 ${today} 至一年内`, `nextVisitOn: expected a day from ${today} within a year`, 'nextVisitOn');
    }
    let canvasserId: number | null = null;
    if (input.visitor.kind === 'canvasser') {
      const c = await first(tx.select({ id: canvassers.id, estateId: canvassers.estateId }).from(canvassers).where(eq(canvassers.id, input.visitor.canvasserId)));
      if (!c || c.estateId !== flat.estateId) throw refuse.badInput('visitor：该走访员不是本小区的包干人', 'visitor: not a canvasser of this estate', 'visitor');
      canvasserId = c.id;
    }
    await tx
      .update(flats)
      .set({
        nextVisitOn: input.doNotContact ? null : input.nextVisitOn!,
        nextVisitorCanvasserId: input.doNotContact ? null : canvasserId,
        nextVisitorNote: !input.doNotContact && input.visitor.kind === 'person' ? input.visitor.note : null,
        nextVisitReason: input.reason || null,
        doNotContactOn: input.doNotContact ? today : null,
        version: flat.version + 1,
      })
      .where(eq(flats.id, flat.id));
    await record({ kind: 'register', estateId: flat.estateId, at: shanghaiIso(now) });
    return { doorNumber: flat.doorNumber, room: flat.room, version: flat.version + 1 };
  },
});
