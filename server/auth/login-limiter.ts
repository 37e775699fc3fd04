import { and, count, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

/**
 * Failed sign-ins, counted two ways: per user name and address (after `max`
 * failures in `windowMs` that pair waits until the window has passed), and
 * per address across every name (after `maxPerAddress`), so trying one
 * password against 200 names is limited too. Kept in the database, so every
 * app server in front of one PostgreSQL counts the same failures; entries
 * older than the window are forgotten.
 */
export class LoginLimiter {
  private calls = 0;

  constructor(
    private readonly db: Db,
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxPerAddress = 20,
  ) {}

  /** Milliseconds to wait before `name` may try again from `address`; 0 when allowed. */
  async retryAfterMs(name: string, address: string, nowMs: number): Promise<number> {
    const { loginFailures } = this.db.t;
    if (++this.calls % 1000 === 0) await this.db.delete(loginFailures).where(lte(loginFailures.atMs, nowMs - this.windowMs));
    const pair = `${name}@${address}`;
    const anyName = `*@${address}`;
    const rows = await this.db
      .select({ key: loginFailures.key, atMs: loginFailures.atMs })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, [pair, anyName]), gt(loginFailures.atMs, nowMs - this.windowMs)));
    const times = (key: string) => rows.filter((r) => r.key === key).map((r) => r.atMs).sort((a, b) => a - b);
    const wait = (t: number[], limit: number) => (t.length >= limit ? this.windowMs - (nowMs - t[t.length - limit]!) : 0);
    return Math.max(wait(times(pair), this.max), wait(times(anyName), this.maxPerAddress));
  }

  async fail(name: string, address: string, nowMs: number): Promise<void> {
    const { loginFailures } = this.db.t;
    await this.db.insert(loginFailures).values([`${name}@${address}`, `*@${address}`].map((key) => ({ key, atMs: nowMs })));
  }

  async succeed(name: string, address: string): Promise<void> {
    const { loginFailures } = this.db.t;
    await this.db.delete(loginFailures).where(inArray(loginFailures.key, [`${name}@${address}`]));
  }

  /** Failures held, for tests of expiry. */
  async size(): Promise<number> {
    const { loginFailures } = this.db.t;
    return (await this.db.select({ n: count() }).from(loginFailures))[0]?.n ?? 0;
  }
}
