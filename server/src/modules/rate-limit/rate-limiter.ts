import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors.js';

export interface Limit {
  /** key text, e.g. `email:ada@example.com`; only its SHA-256 is stored */
  key: string;
  /** most hits allowed in one window */
  limit: number;
  windowMs: number;
  /** what this call counts: one attempt (the default) or, for a size limit, its characters */
  cost?: number;
}

export interface Verdict {
  /** true when no key went over its limit with this call */
  allowed: boolean;
  /** milliseconds until the last exceeded window ends; 0 when allowed */
  retryAfterMs: number;
  /** the end of each key's current window, as PostgreSQL wrote it: gives a hit back in that window only */
  windows: Map<string, string>;
}

// counts stop here instead of overflowing the int column under a flood
const MAX_HITS = 1_000_000_000;

export function limitKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One statement counts the call against every key and returns the new counts: concurrent callers
 * on any number of processes queue on the rows' locks, so exactly `limit` of them see a count
 * within the limit. A window starts with its key's first hit and is not extended by later ones.
 * Rows are locked in key order, so two calls never wait on each other in a circle. The wait it
 * returns counts from when the row was counted, not from the statement's start: a call that queued
 * behind the one opening the window would otherwise be told to wait longer than the window lasts.
 */
function hitSql(keys: number): string {
  return `insert into rate_limit as r (key, hits, window_ends_at)
    select t.key, t.cost, statement_timestamp() + t.window_ms * interval '1 millisecond'
    from (values ${Array(keys).fill('(?, ?::int, ?::int)').join(', ')}) as t (key, cost, window_ms)
    order by t.key
    on conflict (key) do update set
      hits = case when r.window_ends_at <= statement_timestamp() then excluded.hits else least(r.hits + excluded.hits, ${MAX_HITS}) end,
      window_ends_at = case when r.window_ends_at <= statement_timestamp() then excluded.window_ends_at else r.window_ends_at end
    returning r.key, r.hits, r.window_ends_at, ceil(extract(epoch from r.window_ends_at - clock_timestamp()) * 1000)::int as retry_after_ms`;
}

// SKIP LOCKED: a row a caller is counting on right now is left for the next sweep
const SWEEP_SQL = `delete from rate_limit where key in (
  select key from rate_limit where window_ends_at <= statement_timestamp() order by window_ends_at limit ? for update skip locked)`;

/**
 * Fixed-window counters in PostgreSQL (the `rate_limit` table), shared by every server process.
 * Works through the request's EntityManager, so it needs no pool of its own, and a database
 * outage surfaces as the usual SERVICE_UNAVAILABLE.
 */
export class RateLimiter {
  private calls = 0;

  /**
   * Every `sweepEvery`-th call also deletes up to `sweepBatch` expired rows. Each call adds at most
   * a few rows, so the sweep outpaces growth and the table holds little more than the live windows.
   */
  constructor(
    private readonly sweepEvery = 100,
    private readonly sweepBatch = 1_000,
  ) {}

  /** Counts one call against every key (also when refused: a refused caller keeps its windows full). */
  async hit(em: EntityManager, limits: Limit[]): Promise<Verdict> {
    const byHash = new Map(limits.map((limit) => [limitKey(limit.key), limit]));
    if (byHash.size !== limits.length) throw new Error('rate limit keys must differ');
    const params = [...byHash].flatMap(([hash, limit]) => [hash, limit.cost ?? 1, limit.windowMs]);
    const rows = await em
      .getConnection()
      .execute<Array<{ key: string; hits: number; window_ends_at: string; retry_after_ms: number }>>(hitSql(limits.length), params);
    // the count is in; a sweep that fails (a slow moment) is left to the next one rather than failing this call
    if (++this.calls % this.sweepEvery === 0) await this.sweep(em).catch(() => 0);

    const verdict: Verdict = { allowed: true, retryAfterMs: 0, windows: new Map() };
    for (const row of rows) {
      const limit = byHash.get(row.key)!;
      verdict.windows.set(limit.key, row.window_ends_at);
      if (row.hits > limit.limit) {
        verdict.allowed = false;
        verdict.retryAfterMs = Math.max(verdict.retryAfterMs, row.retry_after_ms, 1);
      }
    }
    return verdict;
  }

  /** Deletes up to `sweepBatch` expired rows; resolves to how many it deleted. */
  async sweep(em: EntityManager): Promise<number> {
    const result = await em.getConnection().execute<{ affectedRows: number }>(SWEEP_SQL, [this.sweepBatch], 'run');
    return result.affectedRows;
  }
}

/**
 * The part of a client address one party controls: an IPv4 address as it is, an IPv6 address by
 * its /64 (one host usually gets a whole /64, so counting single addresses would count nothing).
 */
export function addressGroup(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  const bare = address.split('%')[0].toLowerCase();
  if (!isIPv6(bare)) return address;
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const tailGroups = tail ? tail.split(':') : [];
    // an embedded IPv4 address fills two groups
    const tailSize = tailGroups.reduce((size, group) => size + (group.includes('.') ? 2 : 1), 0);
    groups.push(...Array<string>(8 - groups.length - tailSize).fill('0'), ...tailGroups);
  }
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/** RATE_LIMITED with HTTP 429 and Retry-After, the same for every limit. */
export function rateLimited(message: string, retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });
}
