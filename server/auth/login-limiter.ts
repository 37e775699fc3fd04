/**
 * Failed sign-ins, counted two ways: per user name and address (after `max`
 * failures in `windowMs` that pair waits until the window has passed), and
 * per address across every name (after `maxPerAddress`), so trying one
 * password against 200 names is limited too. Entries older than the window
 * are forgotten.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private calls = 0;

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxPerAddress = 20,
  ) {}

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Forgets every entry whose failures are all older than the window. */
  private sweep(nowMs: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, nowMs);
  }

  /** Milliseconds to wait before `name` may try again from `address`; 0 when allowed. */
  retryAfterMs(name: string, address: string, nowMs: number): number {
    if (++this.calls % 1000 === 0) this.sweep(nowMs);
    const wait = (times: number[], limit: number) => (times.length >= limit ? this.windowMs - (nowMs - times[times.length - limit]!) : 0);
    return Math.max(wait(this.recent(`${name}@${address}`, nowMs), this.max), wait(this.recent(`*@${address}`, nowMs), this.maxPerAddress));
  }

  fail(name: string, address: string, nowMs: number): void {
    for (const key of [`${name}@${address}`, `*@${address}`]) this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }

  succeed(name: string, address: string): void {
    this.failures.delete(`${name}@${address}`);
  }

  /** Keys held, for tests of expiry. */
  get size(): number {
    return this.failures.size;
  }
}
