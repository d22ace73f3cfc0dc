import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
// first: it loads reflect-metadata, which the resolver's decorators need
import { createDatabaseProxy, createTestApp, createTestDatabase, gqlAt, type Caller, type GraphQLResponse, type TestApp } from './utils.js';
import { LoginThrottle } from '../src/modules/auth/login-throttle.js';
import { CLIENT_ERROR_LIMITS } from '../src/modules/client-errors/client-error.resolver.js';
import { addressGroup, limitKey, RateLimiter } from '../src/modules/rate-limit/rate-limiter.js';

// two server processes' worth of app on one database, as two deployed instances would be
let first: TestApp;
let second: TestApp;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const REPORT = `mutation($input: ClientErrorInput!) { reportClientError(input: $input) }`;

beforeAll(async () => {
  // X-Forwarded-For from loopback gives each test a client address of its own
  first = await createTestApp({ trustProxy: ['loopback'] });
  second = await createTestApp({ databaseUrl: first.databaseUrl, trustProxy: ['loopback'] });
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

let addresses = 0;
/** A client address of its own, so tests do not share an address's budget. */
const fromNewAddress = (): Caller & { address: string } => {
  const address = `198.51.100.${++addresses}`;
  return { address, headers: { 'x-forwarded-for': address } };
};
/** Alternates between the two instances. */
const urlFor = (i: number) => (i % 2 === 0 ? first.url : second.url);
const codeOf = (res: GraphQLResponse) => res.errors?.[0].extensions?.code;
const em = (app: TestApp) => app.server.orm.em.fork() as EntityManager;
async function hitsOf(key: string): Promise<number | undefined> {
  const [row] = await em(first).getConnection().execute<Array<{ hits: number }>>('select hits from rate_limit where key = ?', [limitKey(key)]);
  return row?.hits;
}

function expectRateLimited(res: GraphQLResponse, maxSeconds: number) {
  expect(res.status).toBe(429);
  expect(codeOf(res)).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(res.errors![0].extensions!.retryAfterSeconds).toBe(retryAfter);
  expect(res.headers.get('set-cookie')).toBeNull();
}

describe('sign-in throttle across server instances', () => {
  it('evaluates exactly 10 of 40 parallel wrong passwords for one email, refuses the other 30 with 429, then the right password too', async () => {
    const victim = await first.createTenant();
    const caller = fromNewAddress();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => gqlAt(urlFor(i), LOGIN, { e: victim.rep.email, p: `guess ${i}` }, caller)));
    expect(results.filter((res) => codeOf(res) === 'UNAUTHENTICATED')).toHaveLength(10);
    const limited = results.filter((res) => codeOf(res) === 'RATE_LIMITED');
    expect(limited).toHaveLength(30);
    for (const res of limited) expectRateLimited(res, 15 * 60);

    // the right password is refused as well while the email is limited, from any address and instance
    for (const app of [first, second]) {
      const right = await gqlAt(app.url, LOGIN, { e: victim.rep.email, p: victim.rep.password }, fromNewAddress());
      expectRateLimited(right, 15 * 60);
      expect(right.errors![0].message).toMatch(/Try again in 15 minutes/);
    }
  });

  it('refuses an address after 100 failed sign-ins in total across instances, whichever emails it tries', async () => {
    const victim = await first.createTenant();
    const caller = fromNewAddress();
    const results = await Promise.all(Array.from({ length: 130 }, (_, i) => gqlAt(urlFor(i), LOGIN, { e: `guess-${i}@nowhere.example`, p: 'x' }, caller)));
    expect(results.filter((res) => codeOf(res) === 'UNAUTHENTICATED')).toHaveLength(100);
    const limited = results.filter((res) => codeOf(res) === 'RATE_LIMITED');
    expect(limited).toHaveLength(30);
    for (const res of limited) expectRateLimited(res, 15 * 60);

    expectRateLimited(await gqlAt(second.url, LOGIN, { e: victim.rep.email, p: victim.rep.password }, caller), 15 * 60);
    // the same account from another address is fine
    expect((await gqlAt(second.url, LOGIN, { e: victim.rep.email, p: victim.rep.password }, fromNewAddress())).errors).toBeUndefined();
  });

  it('clears an email\'s failures on a correct password, and does not count successes against the address', async () => {
    const victim = await first.createTenant();
    const caller = fromNewAddress();
    const attempt = (i: number, p: string) => gqlAt(urlFor(i), LOGIN, { e: victim.rep.email, p }, caller);
    for (let i = 0; i < 9; i++) expect(codeOf(await attempt(i, `guess ${i}`))).toBe('UNAUTHENTICATED');
    expect((await attempt(0, victim.rep.password)).errors).toBeUndefined();
    expect(await hitsOf(`email:${victim.rep.email}`)).toBeUndefined();
    expect(await hitsOf(`address:${caller.address}`)).toBe(9);

    // a full budget of 10 again
    for (let i = 0; i < 10; i++) expect(codeOf(await attempt(i, `again ${i}`))).toBe('UNAUTHENTICATED');
    expectRateLimited(await attempt(1, 'one too many'), 15 * 60);

    const friendly = fromNewAddress();
    for (let i = 0; i < 3; i++) expect((await gqlAt(urlFor(i), LOGIN, { e: victim.admin.email, p: victim.admin.password }, friendly)).errors).toBeUndefined();
    expect(await hitsOf(`address:${friendly.address}`)).toBe(0);
  });

  it('stores a hash of the key, not the key: a 90 kB email takes 64 characters and is counted like any other', async () => {
    const long = `${'a'.repeat(90_000)}@example.com`;
    const caller = fromNewAddress();
    for (let i = 0; i < 10; i++) expect(codeOf(await gqlAt(urlFor(i), LOGIN, { e: long, p: `guess ${i}` }, caller))).toBe('UNAUTHENTICATED');
    expectRateLimited(await gqlAt(first.url, LOGIN, { e: long, p: 'x' }, caller), 15 * 60);
    expect(await hitsOf(`email:${long}`)).toBe(11);
    const [{ longest }] = await em(first).getConnection().execute<Array<{ longest: number }>>('select max(octet_length(key)) as longest from rate_limit');
    expect(longest).toBe(64);
  });

  it('counts reservations made through two processes\' ORMs against one budget, and opens a new window when the old one ends', async () => {
    const throttles = [new LoginThrottle({ perEmail: 1_000, perAddress: 7 }, 1_500), new LoginThrottle({ perEmail: 1_000, perAddress: 7 }, 1_500)];
    const apps = [first, second];
    const address = '203.0.113.7';
    const reserve = (i: number) => throttles[i % 2].reserve(em(apps[i % 2]), `user-${i}@example.com`, address);
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(i)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(7);
    const waits = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterMs]));
    expect(waits).toHaveLength(13);
    for (const wait of waits) expect(wait).toBeGreaterThan(0);
    // the window's end is stored to the millisecond (rounded) and the wait rounded up: at most 1 ms over
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(1_501);

    // the window ends when PostgreSQL said it would: a fresh budget
    await new Promise((resolve) => setTimeout(resolve, Math.max(...waits) + 50));
    expect((await reserve(100)).allowed).toBe(true);
    expect(await hitsOf(`address:${address}`)).toBe(1);
  });

  it('groups IPv6 callers by their /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressGroup('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressGroup('192.0.2.1')).toBe('192.0.2.1');
    expect(addressGroup(undefined)).toBe('unknown');
  });

  it('tells a call that queued behind the one opening a window to wait no longer than the window lasts', async () => {
    const limiter = new RateLimiter();
    // two keys, `early` locked first by the statement that counts both (rows are locked in key order)
    const [early, late] = ['queue-a', 'queue-b'].map((name) => `${name}:${Date.now()}`).sort((a, b) => (limitKey(a) < limitKey(b) ? -1 : 1));
    const windowMs = 1_000;
    // another transaction holds `early`'s row
    const holder = new pg.Client({ connectionString: first.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`insert into rate_limit (key, hits, window_ends_at) values ($1, 1, now() + interval '1 minute')`, [limitKey(early)]);
      // starts now, then waits on `early`'s row
      const queued = limiter.hit(em(second), [
        { key: early, limit: 10, windowMs },
        { key: late, limit: 1, windowMs },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // meanwhile `late`'s window opens, 300 ms after the queued statement started
      expect((await limiter.hit(em(first), [{ key: late, limit: 1, windowMs }])).allowed).toBe(true);
      await holder.query('commit');
      const verdict = await queued;
      expect(verdict.allowed).toBe(false);
      expect(verdict.retryAfterMs).toBeGreaterThan(0);
      // the window's end is stored to the millisecond (rounded) and the wait rounded up: at most 1 ms over
      expect(verdict.retryAfterMs).toBeLessThanOrEqual(windowMs + 1);
    } finally {
      await holder.end();
    }
  });

  it('deletes expired rows every so many calls, and only expired ones', async () => {
    const conn = em(first).getConnection();
    await conn.execute(`insert into rate_limit (key, hits, window_ends_at) select 'expired-' || i, 1, now() - interval '1 second' from generate_series(1, 50) i`);
    await conn.execute(`insert into rate_limit (key, hits, window_ends_at) values ('live-1', 1, now() + interval '1 minute')`);
    const count = async (pattern: string) => Number((await conn.execute<Array<{ n: string }>>(`select count(*) as n from rate_limit where key like ?`, [pattern]))[0].n);
    const limiter = new RateLimiter(3, 1_000);
    const hit = (i: number) => limiter.hit(em(first), [{ key: `sweep-test:${i}`, limit: 10, windowMs: 60_000 }]);
    await hit(1);
    await hit(2);
    expect(await count('expired-%')).toBe(50);
    await hit(3);
    expect(await count('expired-%')).toBe(0);
    expect(await count('live-%')).toBe(1);
  });

  it('answers SERVICE_UNAVAILABLE (503) while the database is down, and throttles again once it is back', async () => {
    const database = await createTestDatabase();
    const proxy = await createDatabaseProxy();
    await proxy.up();
    const app = await createTestApp({ databaseUrl: proxy.urlFor(database.name) });
    try {
      const victim = await app.createTenant();
      await proxy.down();
      const down = await app.gql(LOGIN, { e: victim.rep.email, p: victim.rep.password });
      expect(down.status).toBe(503);
      expect(codeOf(down)).toBe('SERVICE_UNAVAILABLE');
      await proxy.up();
      for (let i = 0; i < 10; i++) expect(codeOf(await app.gql(LOGIN, { e: victim.rep.email, p: `guess ${i}` }))).toBe('UNAUTHENTICATED');
      expectRateLimited(await app.gql(LOGIN, { e: victim.rep.email, p: victim.rep.password }), 15 * 60);
    } finally {
      await app.stop();
      await proxy.down();
      await database.drop();
    }
  });
});

describe('reportClientError limits', () => {
  const input = (message: string) => ({ event: 'render_error', message, path: '/leads' });

  it(`accepts ${CLIENT_ERROR_LIMITS.reportsPerMinute} reports a minute from one address across instances, then 429 with Retry-After`, async () => {
    const caller = fromNewAddress();
    const total = CLIENT_ERROR_LIMITS.reportsPerMinute + 10;
    const results = await Promise.all(Array.from({ length: total }, (_, i) => gqlAt(urlFor(i), REPORT, { input: input(`boom ${i}`) }, caller)));
    expect(results.filter((res) => res.data?.reportClientError === true)).toHaveLength(CLIENT_ERROR_LIMITS.reportsPerMinute);
    const limited = results.filter((res) => codeOf(res) === 'RATE_LIMITED');
    expect(limited).toHaveLength(10);
    for (const res of limited) expectRateLimited(res, 60);
    // another address is not affected
    expect((await gqlAt(second.url, REPORT, { input: input('elsewhere') }, fromNewAddress())).data.reportClientError).toBe(true);
  });

  it(`bounds the characters one address can report a minute (${CLIENT_ERROR_LIMITS.charactersPerMinute})`, async () => {
    const caller = fromNewAddress();
    const big = input('x'.repeat(2_000));
    const size = big.event.length + big.message.length + big.path.length;
    const fits = Math.floor(CLIENT_ERROR_LIMITS.charactersPerMinute / size);
    expect(fits).toBeLessThan(CLIENT_ERROR_LIMITS.reportsPerMinute);
    const results: GraphQLResponse[] = [];
    for (let i = 0; i <= fits; i++) results.push(await gqlAt(urlFor(i), REPORT, { input: big }, caller));
    expect(results.slice(0, fits).every((res) => res.data?.reportClientError === true)).toBe(true);
    expectRateLimited(results[fits], 60);
  });

  it('limits a signed-in WebSocket by its principal', async () => {
    const tenant = await first.createTenant();
    const client = first.wsClient({ cookie: tenant.repCookie });
    const report = (i: number) =>
      new Promise<{ data?: any; errors?: any[] }>((resolve, reject) => {
        let result: { data?: any; errors?: any[] } = {};
        client.subscribe({ query: REPORT, variables: { input: input(`socket ${i}`) } }, { next: (value) => void (result = value as typeof result), error: reject, complete: () => resolve(result) });
      });
    for (let i = 0; i < CLIENT_ERROR_LIMITS.reportsPerMinute; i++) expect((await report(i)).data?.reportClientError).toBe(true);
    const refused = await report(CLIENT_ERROR_LIMITS.reportsPerMinute);
    expect(refused.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.errors![0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
