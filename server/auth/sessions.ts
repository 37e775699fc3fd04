import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { first, type Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';

export const SESSION_COOKIE = 'liftmap_session';
const SESSION_DAYS = 14;

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  canvasserId: number | null;
  canvasserName: string | null;
  /** A maintainer's licence number: its lifts are those whose agreement names it. */
  maintainerLicence: string | null;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, now: Date): Promise<{ token: string; maxAgeS: number }> {
  const { sessions } = db.t;
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await db.insert(sessions).values({ tokenHash: digest(token), userId, expiresAt: expires });
  return { token, maxAgeS: SESSION_DAYS * 86_400 };
}

export async function userForToken(db: Db, token: string | undefined, now: Date): Promise<SessionUser | null> {
  const { canvassers, sessions, users } = db.t;
  if (!token) return null;
  const row = await first(db
    .select({ id: users.id, username: users.username, role: users.role, canvasserId: users.canvasserId, canvasserName: canvassers.name, maintainerLicence: users.maintainerLicence })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(canvassers, eq(canvassers.id, users.canvasserId))
    .where(and(eq(sessions.tokenHash, digest(token)), gt(sessions.expiresAt, now.toISOString()), isNull(users.disabledAt))));
  return row ?? null;
}

/** Ends every session of a user: after a password reset or when the user is disabled. */
export async function endSessionsOf(db: Db, userId: number): Promise<number> {
  const { sessions } = db.t;
  return (await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ userId: sessions.userId })).length;
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  const { sessions } = db.t;
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, digest(token)));
}

/** The session token from a Cookie header. */
export function tokenFromCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string, maxAgeS: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;
}
