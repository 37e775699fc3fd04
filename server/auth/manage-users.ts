import { count, eq, ne } from 'drizzle-orm';
import { first, transact, type Db } from '../db/database.ts';
import { ROLES, type Role } from '../../geo/access/roles.ts';
import { generatePassword, hashPassword } from './password.ts';
import { endSessionsOf } from './sessions.ts';

/** Who recorded and checked the demo campaign's evidence: a user no one signs in as (disabled, no password). */
export const DEMO_USER = '示例数据';

/** A user change refused: the message in English for the shell, and in Chinese for /admin. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly zh: string = message,
  ) {
    super(message);
  }
}

/** Adds a user with a fresh random password, returned once. A canvasser names their 包干人 id (e.g. C03). */
export async function addUser(db: Db, username: string, role: Role, canvasserExternalId?: string, estateId?: number, maintainerLicence?: string): Promise<string> {
  const { users } = db.t;
  if (!/^[\p{L}\p{N}_.-]{2,40}$/u.test(username)) throw new UserError(`user name: expected 2–40 letters, digits, _ . or -, got ${JSON.stringify(username)}`, `用户名应为 2–40 个字母、数字或 _ . -，收到 ${JSON.stringify(username)}`);
  if (!ROLES.includes(role)) throw new UserError(`role: expected one of ${ROLES.join(', ')}, got ${role}`, `角色应为 ${ROLES.join('、')} 之一，收到 ${role}`);
  if (await first(db.select({ id: users.id }).from(users).where(eq(users.username, username)))) throw new UserError(`user ${username} already exists`, `用户 ${username} 已存在`);
  const canvasserId = await canvasserLink(db, role, canvasserExternalId, estateId);
  const licence = maintainerLink(role, maintainerLicence);
  const password = generatePassword();
  await db.insert(users).values({ username, passwordHash: hashPassword(password), role, canvasserId, maintainerLicence: licence });
  return password;
}

/** The canvasser row a canvasser user is linked to (their 包干人 id), or null for other roles. */
async function canvasserLink(db: Db, role: Role, canvasserExternalId?: string, estateId?: number): Promise<number | null> {
  const { canvassers } = db.t;
  let canvasserId: number | null = null;
  if (role === 'canvasser') {
    if (!canvasserExternalId) throw new UserError('a canvasser needs --canvasser ID (their 包干人 id, e.g. C03)', '走访员须关联包干人编号（如 C03）');
    const found = (await db
      .select({ id: canvassers.id, estateId: canvassers.estateId })
      .from(canvassers)
      .where(eq(canvassers.externalId, canvasserExternalId)))
      .filter((c) => estateId === undefined || c.estateId === estateId);
    if (found.length === 0) throw new UserError(`canvasser: no canvasser ${canvasserExternalId}${estateId === undefined ? '' : ` in estate ${estateId}`}`, `没有包干人 ${canvasserExternalId}${estateId === undefined ? '' : `（小区 ${estateId}）`}`);
    // Several estates may each have a C01: the estate must be named, never guessed.
    if (found.length > 1) throw new UserError(`canvasser: ${canvasserExternalId} is in estates ${found.map((c) => c.estateId).join(', ')}; name one with --estate ID`, `包干人 ${canvasserExternalId} 在多个小区（${found.map((c) => c.estateId).join('、')}），请指定小区`);
    canvasserId = found[0]!.id;
  }
  return canvasserId;
}

/** A maintainer (维保单位) account names its licence number (特种设备安全法 art. 45): it sees the lifts whose agreement names it. */
function maintainerLink(role: Role, licence?: string): string | null {
  if (role !== 'maintainer') return null;
  const l = licence?.trim() ?? '';
  if (!/^[\p{L}\p{N}-]{4,40}$/u.test(l))
    throw new UserError(`maintainer licence: expected the maintainer's licence number (4–40 letters, digits or -), got ${JSON.stringify(l)}`, `维保单位账号须填写其许可证编号（4–40 位字母、数字或 -）`);
  return l;
}

/** Changes a user's role and canvasser link; their sessions end, so the new role applies from their next sign-in. */
export async function setRole(db: Db, username: string, role: Role, canvasserExternalId?: string, estateId?: number, maintainerLicence?: string): Promise<void> {
  const { users } = db.t;
  if (!ROLES.includes(role)) throw new UserError(`role: expected one of ${ROLES.join(', ')}, got ${role}`, `角色应为 ${ROLES.join('、')} 之一，收到 ${role}`);
  const id = await userId(db, username);
  await db
    .update(users)
    .set({ role, canvasserId: await canvasserLink(db, role, canvasserExternalId, estateId), maintainerLicence: maintainerLink(role, maintainerLicence) })
    .where(eq(users.id, id));
  await endSessionsOf(db, id);
}

async function userId(db: Db, username: string): Promise<number> {
  const { users } = db.t;
  const found = await first(db.select({ id: users.id }).from(users).where(eq(users.username, username)));
  if (!found) throw new UserError(`no user ${username}`, `没有用户 ${username}`);
  return found.id;
}

/**
 * A new random password, returned once; every session of the user ends, so
 * a leaked password or cookie stops working. A disabled account stays
 * disabled: enabling it is its own step.
 */
export async function resetPassword(db: Db, username: string): Promise<string> {
  const { users } = db.t;
  const id = await userId(db, username);
  const password = generatePassword();
  await db.update(users).set({ passwordHash: hashPassword(password) }).where(eq(users.id, id));
  await endSessionsOf(db, id);
  return password;
}

/** Disables a user: no sign-in, every session ended at once. Returns how many sessions ended. */
export async function disableUser(db: Db, username: string, now: Date): Promise<number> {
  const { users } = db.t;
  const id = await userId(db, username);
  await db.update(users).set({ disabledAt: now.toISOString() }).where(eq(users.id, id));
  return await endSessionsOf(db, id);
}

/** Lets a disabled user sign in again (with their password as it was). */
export async function enableUser(db: Db, username: string): Promise<void> {
  const { users } = db.t;
  await db.update(users).set({ disabledAt: null }).where(eq(users.id, await userId(db, username)));
}

/**
 * On first start there is no default password: an admin is created with a
 * random one, shown once. The demo campaign's own user (DEMO_USER, disabled,
 * without a password) is nobody's account and does not count.
 */
export async function ensureAdmin(db: Db): Promise<string | null> {
  const { users } = db.t;
  // One write transaction: two app servers starting together on one PostgreSQL create one admin.
  return transact(db, async (tx) => (((await first(tx.select({ n: count() }).from(users).where(ne(users.username, DEMO_USER))))?.n ?? 0) > 0 ? null : addUser(tx, 'admin', 'admin')));
}
