import { and, count, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

/**
 * Failed sign-ins, counted two ways. Per account, from any address: after
 * `max` failures in `windowMs` that account waits until the window has
 * passed (it is under attack, or its owner forgot the password). Per
 * address, across every name: after `maxPerAddress` failures the address is
 * slowed, one attempt per `spacingMs` after its last failure, never locked
 * out: spraying one password over 200 names from one address crawls, while
 * an office behind one NAT address still signs in with the right password
 * after a few seconds. Kept in the database, so every app server in front
 * of one PostgreSQL counts the same failures; entries older than the window
 * are forgotten.
 */
export class LoginLimiter {
  private calls = 0;

  constructor(
    private readonly db: Db,
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxPerAddress = 20,
    private readonly spacingMs = 3_000,
  ) {}

  /** Milliseconds to wait before `name` may try again from `address`; 0 when allowed. */
  async retryAfterMs(name: string, address: string, nowMs: number): Promise<number> {
    const { loginFailures } = this.db.t;
    if (++this.calls % 1000 === 0) await this.db.delete(loginFailures).where(lte(loginFailures.atMs, nowMs - this.windowMs));
    const account = accountKey(name);
    const fromAddress = addressKey(address);
    const rows = await this.db
      .select({ key: loginFailures.key, atMs: loginFailures.atMs })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, [account, fromAddress]), gt(loginFailures.atMs, nowMs - this.windowMs)));
    const times = (key: string) => rows.filter((r) => r.key === key).map((r) => r.atMs).sort((a, b) => a - b);
    const onAccount = times(account);
    const lockedFor = onAccount.length >= this.max ? this.windowMs - (nowMs - onAccount[onAccount.length - this.max]!) : 0;
    const onAddress = times(fromAddress);
    const slowedFor = onAddress.length >= this.maxPerAddress ? Math.max(0, this.spacingMs - (nowMs - onAddress.at(-1)!)) : 0;
    return Math.max(lockedFor, slowedFor);
  }

  async fail(name: string, address: string, nowMs: number): Promise<void> {
    const { loginFailures } = this.db.t;
    await this.db.insert(loginFailures).values([accountKey(name), addressKey(address)].map((key) => ({ key, atMs: nowMs })));
  }

  /** A right password clears the account's failures (the address keeps its count: one success does not excuse a spray). */
  async succeed(name: string): Promise<void> {
    const { loginFailures } = this.db.t;
    await this.db.delete(loginFailures).where(inArray(loginFailures.key, [accountKey(name)]));
  }

  /** Failures held, for tests of expiry. */
  async size(): Promise<number> {
    const { loginFailures } = this.db.t;
    return (await this.db.select({ n: count() }).from(loginFailures))[0]?.n ?? 0;
  }
}

const accountKey = (name: string) => `user:${name}`;
const addressKey = (address: string) => `addr:${address}`;
