/**
 * Failed sign-ins per key (user name and address): after `max` failures in
 * `windowMs` the key waits until the window has passed.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds to wait before trying again; 0 when allowed. */
  retryAfterMs(key: string, nowMs: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    this.failures.set(key, recent);
    return recent.length >= this.max ? this.windowMs - (nowMs - recent[0]!) : 0;
  }

  fail(key: string, nowMs: number): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), nowMs]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
