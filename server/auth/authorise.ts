import type { SessionUser } from './sessions.ts';
import type { Role } from '../db/schema.ts';
import { refuse } from '../refusal.ts';

const ROLE_ZH: Record<Role, string> = { admin: '管理员', planner: '规划员', canvasser: '楼组长/志愿者', viewer: '只读用户', maintainer: '维保单位' };

/** Who may run what, as the README gives it. */
export const WHO = {
  admin: ['admin'],
  staff: ['admin', 'planner'],
  field: ['admin', 'planner', 'canvasser'],
  signedIn: ['admin', 'planner', 'canvasser', 'viewer'],
  /** A maintainer's account reaches only its own lifts (server/commands/lift-upkeep.ts); staff see every lift. */
  upkeep: ['admin', 'planner', 'maintainer'],
} as const satisfies Record<string, readonly Role[]>;

/** The one check every command makes: signed in, with one of `roles`. */
export function authorise(user: SessionUser | null, roles: readonly Role[]): SessionUser {
  if (!user) throw refuse.unauthorized();
  if (!roles.includes(user.role))
    throw refuse.forbidden(
      `此操作需要${roles.map((r) => ROLE_ZH[r]).join('或')}权限，您是${ROLE_ZH[user.role]}`,
      `this needs the role ${roles.join(' or ')}; you are ${user.role}`,
    );
  return user;
}
