import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { canvassers, sessions, users, type Role } from '../db/schema.ts';

export const SESSION_COOKIE = 'liftmap_session';
const SESSION_DAYS = 14;

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  canvasserId: number | null;
  canvasserName: string | null;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(db: Db, userId: number, now: Date): { token: string; maxAgeS: number } {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  db.insert(sessions).values({ tokenHash: digest(token), userId, expiresAt: expires }).run();
  return { token, maxAgeS: SESSION_DAYS * 86_400 };
}

export function userForToken(db: Db, token: string | undefined, now: Date): SessionUser | null {
  if (!token) return null;
  const row = db
    .select({ id: users.id, username: users.username, role: users.role, canvasserId: users.canvasserId, canvasserName: canvassers.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(canvassers, eq(canvassers.id, users.canvasserId))
    .where(and(eq(sessions.tokenHash, digest(token)), gt(sessions.expiresAt, now.toISOString()), isNull(users.disabledAt)))
    .get();
  return row ?? null;
}

/** Ends every session of a user: after a password reset or when the user is disabled. */
export function endSessionsOf(db: Db, userId: number): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

export function endSession(db: Db, token: string | undefined): void {
  if (token) db.delete(sessions).where(eq(sessions.tokenHash, digest(token))).run();
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
