import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions.ts';
import { first, type Db } from '../db/database.ts';
import { refuse } from '../refusal.ts';

/** Staff edit every stairwell; a canvasser only the stairwells they own (包干); a viewer none. */
export async function canEditStairwell(db: Db, user: SessionUser, stairwellId: number): Promise<boolean> {
  const { canvasserStairwells } = db.t;
  if (user.role === 'admin' || user.role === 'planner') return true;
  if (user.role !== 'canvasser' || user.canvasserId === null) return false;
  return !!(await first(db
    .select({ id: canvasserStairwells.stairwellId })
    .from(canvasserStairwells)
    .where(and(eq(canvasserStairwells.canvasserId, user.canvasserId), eq(canvasserStairwells.stairwellId, stairwellId)))));
}

export async function requireEditStairwell(db: Db, user: SessionUser, stairwellId: number): Promise<void> {
  if (!await canEditStairwell(db, user, stairwellId))
    throw refuse.forbidden('这个门洞不是您包干的：请找它的楼组长或工作人员', 'this stairwell is not one of yours; ask its canvasser or a staff member');
}
