/**
 * Slows password guessing: after too many failed sign-ins for one email (known or not, so it tells
 * nothing about which accounts exist) or from one client address within the window, further
 * attempts are refused until the window has passed. Kept per process, in memory.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limits = { perEmail: 10, perAddress: 100 },
    private readonly windowMs = 15 * 60_000,
    private readonly maxKeys = 50_000,
  ) {}

  private keys(email: string, address: string | undefined): Array<[key: string, limit: number]> {
    return [
      [`email:${email.trim().toLowerCase()}`, this.limits.perEmail],
      [`address:${address ?? 'unknown'}`, this.limits.perAddress],
    ];
  }

  /** Milliseconds until this email may be tried again from this address; 0 when it may now. */
  retryAfter(email: string, address: string | undefined, now = Date.now()): number {
    let wait = 0;
    for (const [key, limit] of this.keys(email, address)) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) wait = Math.max(wait, recent[recent.length - limit] + this.windowMs - now);
    }
    return wait;
  }

  fail(email: string, address: string | undefined, now = Date.now()): void {
    for (const [key] of this.keys(email, address)) {
      if (!this.failures.has(key) && this.failures.size >= this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  /** A correct password clears the email's failures (not the address's: one good account must not reset it). */
  succeed(email: string): void {
    this.failures.delete(this.keys(email, undefined)[0][0]);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((time) => time > now - this.windowMs);
  }
}
