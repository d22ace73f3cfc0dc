import type { EntityManager } from '@mikro-orm/postgresql';
import { addressGroup, limitKey, RateLimiter } from '../rate-limit/rate-limiter.js';

/** An attempt counted before its password was checked. */
export interface LoginAttempt {
  emailKey: string;
  addressKey: string;
  /** the address's window this attempt was counted in */
  addressWindow: string;
}

export type LoginReservation = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterMs: number };

// a correct password: forget the email's failures, and give this attempt back to the address
// (in the window it was counted in), so that only failures count against it
const SUCCEEDED_SQL = `with cleared as (delete from rate_limit where key = ?)
  update rate_limit set hits = greatest(hits - 1, 0) where key = ? and window_ends_at = ?::timestamptz`;

/**
 * Slows password guessing: after too many failed sign-ins for one email (known or not, so it tells
 * nothing about which accounts exist) or from one client address within the window, further
 * attempts are refused until the window has passed. The counts live in PostgreSQL, so every
 * server process shares one budget, and each attempt is counted before its password is checked,
 * so parallel guesses cannot all slip in between a check and a count.
 */
export class LoginThrottle {
  constructor(
    readonly limits = { perEmail: 10, perAddress: 100 },
    readonly windowMs = 15 * 60_000,
    private readonly limiter = new RateLimiter(),
  ) {}

  /** Counts this attempt against the email and the address; a refused attempt must not check the password. */
  async reserve(em: EntityManager, email: string, address: string | undefined): Promise<LoginReservation> {
    const emailKey = `email:${email.trim().toLowerCase()}`;
    const addressKey = `address:${addressGroup(address)}`;
    const verdict = await this.limiter.hit(em, [
      { key: emailKey, limit: this.limits.perEmail, windowMs: this.windowMs },
      { key: addressKey, limit: this.limits.perAddress, windowMs: this.windowMs },
    ]);
    if (!verdict.allowed) return { allowed: false, retryAfterMs: verdict.retryAfterMs };
    return { allowed: true, attempt: { emailKey, addressKey, addressWindow: verdict.windows.get(addressKey)! } };
  }

  /** A correct password clears the email's failures (not the address's: one good account must not reset it). */
  async succeeded(em: EntityManager, attempt: LoginAttempt): Promise<void> {
    await em.getConnection().execute(SUCCEEDED_SQL, [limitKey(attempt.emailKey), limitKey(attempt.addressKey), attempt.addressWindow], 'run');
  }
}
