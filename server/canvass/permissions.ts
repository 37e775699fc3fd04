import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/open-database.ts';
import { canvasserStairwells } from '../db/schema.ts';

/** Staff edit every stairwell; a canvasser only the stairwells they own (包干); a viewer none. */
export function canEditStairwell(db: Db, user: SessionUser, stairwellId: number): boolean {
  if (user.role === 'admin' || user.role === 'planner') return true;
  if (user.role !== 'canvasser' || user.canvasserId === null) return false;
  return !!db
    .select({ id: canvasserStairwells.stairwellId })
    .from(canvasserStairwells)
    .where(and(eq(canvasserStairwells.canvasserId, user.canvasserId), eq(canvasserStairwells.stairwellId, stairwellId)))
    .get();
}

export function requireEditStairwell(db: Db, user: SessionUser, stairwellId: number): void {
  if (!canEditStairwell(db, user, stairwellId))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'this stairwell is not one of yours; ask its canvasser or a staff member' });
}
