import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTEN_APPLICATION_NAME } from '../src/db/notifications.js';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { sha256 } from '../src/modules/auth/password.js';
import {
  ADMIN_DATABASE_URL,
  CREATE_LEAD,
  createProbe,
  createTestApp,
  createTestDatabase,
  leadInput,
  memoryLogger,
  subscribe,
  type TestApp,
  type TestTenant,
} from './utils.js';

const PING_INTERVAL_MS = 200;
const PING_TIMEOUT_MS = 300;
const LEAD_SCORED = `subscription($min: Int) { leadScored(minScore: $min) { reason previousScore lead { id name score } } }`;

/**
 * A TCP proxy in front of PostgreSQL that can freeze the LISTEN connection (recognised by its
 * application_name in the startup message): bytes stop flowing both ways but the socket stays
 * open, as on a dead network path. While `refuse` is on, new LISTEN connections are cut at once.
 */
async function createFreezableProxy(targetUrl = ADMIN_DATABASE_URL) {
  const target = new URL(targetUrl);
  const connections = new Set<{ client: net.Socket; upstream: net.Socket; listener: boolean; frozen: boolean }>();
  let refuse = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const conn = { client, upstream, listener: false, frozen: false };
    connections.add(conn);
    let first = true;
    client.on('data', (chunk) => {
      if (first) {
        first = false;
        conn.listener = chunk.includes(LISTEN_APPLICATION_NAME);
        if (conn.listener && refuse) return close();
      }
      if (!conn.frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!conn.frozen) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      connections.delete(conn);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    urlFor(database: string) {
      const url = new URL(targetUrl);
      url.host = `127.0.0.1:${port}`;
      url.pathname = `/${database}`;
      return url.toString();
    },
    freezeListener(options: { refuse: boolean }) {
      refuse = options.refuse;
      for (const conn of connections) if (conn.listener) conn.frozen = true;
    },
    thaw() {
      refuse = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const conn of connections) conn.client.destroy();
        server.close(() => resolve());
      }),
  };
}

type Subscription = ReturnType<typeof subscribe<any>>;
const reasons = (sub: Subscription) => sub.results.map((e) => e.data?.leadScored.reason);

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function closeCode(client: ReturnType<TestApp['wsClient']>): Promise<number> {
  return new Promise((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
}

const log = memoryLogger();
const logged = (event: string, extra: (line: Record<string, unknown>) => boolean = () => true) =>
  log.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === event && extra(line));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: Awaited<ReturnType<typeof createFreezableProxy>>;
let app: TestApp;
let tenant: TestTenant;
let other: TestTenant;
let probe: Awaited<ReturnType<typeof createProbe>>;

/** SQL straight to the test database, past the proxy. */
async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${database.name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A live subscription (proven by the probe) on a socket of its own. */
async function liveSubscription(caller: { cookie?: string; apiKey?: string }, variables: Record<string, unknown> = {}, touch = probe.touch) {
  const client = app.wsClient(caller);
  const closed = closeCode(client);
  const sub = subscribe(client, LEAD_SCORED, variables, probe);
  await sub.live(touch, probe.id);
  return { client, closed, sub };
}

const createLead = (name: string, cookie = tenant.repCookie, overrides: Record<string, unknown> = {}) =>
  app.gql(CREATE_LEAD, { input: leadInput({ name, ...overrides }) }, { cookie }).then((res) => res.data.createLead as { id: string; name: string });

beforeAll(async () => {
  database = await createTestDatabase();
  proxy = await createFreezableProxy();
  app = await createTestApp({ databaseUrl: proxy.urlFor(database.name), logger: log.logger, live: { pingIntervalMs: PING_INTERVAL_MS, pingTimeoutMs: PING_TIMEOUT_MS } });
  tenant = await app.createTenant();
  other = await app.createTenant();
  probe = await createProbe(app, tenant.repCookie);
});
afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await database?.drop();
});

describe('gaps in the LISTEN connection', () => {
  it('sends RESYNC to every subscriber of every tenant, whatever its minScore, after the connection was cut', async () => {
    const everything = await liveSubscription({ cookie: tenant.repCookie });
    const hotOnly = await liveSubscription({ cookie: tenant.adminCookie }, { min: 100 });
    const otherProbe = await createProbe(app, other.repCookie);
    const otherClient = app.wsClient({ cookie: other.repCookie });
    const otherTenant = subscribe(otherClient, LEAD_SCORED, {}, otherProbe);
    await otherTenant.live(otherProbe.touch, otherProbe.id);

    const [{ terminated }] = await sql<{ terminated: boolean }>(
      `select pg_terminate_backend(pid, 5000) as terminated from pg_stat_activity where application_name = $1 and datname = $2`,
      [LISTEN_APPLICATION_NAME, database.name],
    );
    expect(terminated).toBe(true);
    await createLead('Created during the gap', tenant.repCookie, { urgency: 'NO_TIMELINE' });

    await until(() => reasons(everything.sub).includes('RESYNC'), 'RESYNC on the unfiltered subscription');
    await until(() => hotOnly.sub.results.length > 0 && otherTenant.results.length > 0, 'RESYNC on the other subscriptions');
    expect(hotOnly.sub.results.map((e) => e.data!.leadScored)).toEqual([{ reason: 'RESYNC', previousScore: null, lead: null }]);
    expect(otherTenant.results.map((e) => e.data!.leadScored)).toEqual([{ reason: 'RESYNC', previousScore: null, lead: null }]);

    const later = await createLead('After the gap');
    await until(() => everything.sub.results.some((e) => e.data?.leadScored.lead?.id === later.id), 'the later lead');
    expect(everything.sub.results.at(-1)!.data!.leadScored).toMatchObject({ reason: 'CREATED', lead: { id: later.id } });
  });

  it('notices a connection that stops answering without closing, reconnects and sends RESYNC', async () => {
    const { sub } = await liveSubscription({ cookie: tenant.repCookie });
    const started = Date.now();
    proxy.freezeListener({ refuse: false });
    await until(() => reasons(sub).includes('RESYNC'), 'RESYNC after a frozen connection', 10_000);
    // one interval until the ping, its timeout, the first reconnect attempt (200 ms), then a re-check
    expect(Date.now() - started).toBeLessThan(PING_INTERVAL_MS + PING_TIMEOUT_MS + 1_500);
    expect(logged('listener_disconnected', (line) => String(line.err).includes('no answer to a ping'))).not.toHaveLength(0);

    const later = await createLead('After the freeze');
    await until(() => sub.results.some((e) => e.data?.leadScored.lead?.id === later.id), 'the later lead');
  });

  it('closes (4403) the socket of a key revoked while notices were lost; other sockets keep streaming', async () => {
    const revokedKey = await app.gql(`mutation { createApiKey(name: "gap", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    const { secret, apiKey } = revokedKey.data.createApiKey;
    const keptKey = await app.createApiKey(tenant, ApiKeyScope.READ);
    const revoked = await liveSubscription({ apiKey: secret });
    const kept = await liveSubscription({ apiKey: keptKey });

    const disconnectsBefore = logged('listener_disconnected').length;
    proxy.freezeListener({ refuse: true });
    // committed while this process hears nothing: its auth_changed notice is lost with the connection
    const res = await app.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, { cookie: tenant.adminCookie });
    expect(res.data.revokeApiKey).toBe(true);
    await until(() => logged('listener_disconnected').length > disconnectsBefore, 'the frozen connection to be dropped');
    proxy.thaw();

    expect(await revoked.closed).toBe(4403);
    await until(() => reasons(kept.sub).includes('RESYNC'), 'RESYNC on the kept socket', 10_000);
    const later = await createLead('For the kept key');
    await until(() => kept.sub.results.some((e) => e.data?.leadScored.lead?.id === later.id), 'the later lead on the kept key');
  });
});

describe('malformed notices', () => {
  it('survives a lead_scored payload that is not JSON: warns, and later events still arrive', async () => {
    const { sub } = await liveSubscription({ cookie: tenant.repCookie });
    await sql(`select pg_notify('lead_scored', '{')`);
    await sql(`select pg_notify('lead_scored', '{"tenantId": 5}')`);
    const later = await createLead('After the garbage');
    await until(() => sub.results.some((e) => e.data?.leadScored.lead?.id === later.id), 'the later lead');
    expect(sub.results.map((e) => e.data!.leadScored.reason)).toEqual(['CREATED']);
    expect(logged('notification_malformed', (line) => line.channel === 'lead_scored').map((line) => line.payload)).toEqual(['{', '{"tenantId": 5}']);
  });

  it('answers an auth_changed payload it cannot read by trusting nothing cached: a key revoked without a notice stops working', async () => {
    const created = await app.gql(`mutation { createApiKey(name: "silent", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    const { secret, apiKey } = created.data.createApiKey;
    const silent = await liveSubscription({ apiKey: secret });
    const kept = await liveSubscription({ cookie: tenant.repCookie });
    // revoked behind the app's back: no notice, so the cached credential still works
    await sql(`update api_key set revoked_at = now() where id = $1`, [apiKey.id]);
    expect((await app.gql(`{ leads(first: 1) { totalCount } }`, {}, { apiKey: secret })).errors).toBeUndefined();

    await sql(`select pg_notify('auth_changed', 'garbage')`);
    expect(await silent.closed).toBe(4403);
    expect((await app.gql(`{ leads(first: 1) { totalCount } }`, {}, { apiKey: secret })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(logged('notification_malformed', (line) => line.channel === 'auth_changed').map((line) => line.payload)).toEqual(['garbage']);

    const later = await createLead('After the unreadable notice');
    await until(() => kept.sub.results.some((e) => e.data?.leadScored.lead?.id === later.id), 'the later lead');
  });

  it('handles the notices of one channel in the order they were sent', async () => {
    const { sub } = await liveSubscription({ cookie: tenant.repCookie });
    const lead = await createLead('Ordered');
    await until(() => sub.results.length === 1, 'the created lead');
    await sql(
      `select pg_notify('lead_scored', json_build_object('tenantId', $1::uuid, 'leadId', $2::uuid, 'reason', 'UPDATED', 'previousScore', i)::text)
         from generate_series(1, 30) i`,
      [tenant.id, lead.id],
    );
    await until(() => sub.results.length === 31, '30 updates');
    expect(sub.results.slice(1).map((e) => e.data!.leadScored.previousScore)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

describe('expired sessions', () => {
  it('closes (4403) the socket of a session that expired, and keeps the others', async () => {
    const sweeping = await createTestApp({ live: { credentialSweepMs: 200 } });
    try {
      const owner = await sweeping.createTenant();
      const sweepProbe = await createProbe(sweeping, owner.repCookie);
      const live = async (cookie: string) => {
        const client = sweeping.wsClient({ cookie });
        const closed = closeCode(client);
        const sub = subscribe(client, LEAD_SCORED, {}, sweepProbe);
        await sub.live(sweepProbe.touch, sweepProbe.id);
        return { closed, sub };
      };
      const expiring = await live(owner.repCookie);
      const kept = await live(owner.adminCookie);

      const token = owner.repCookie.slice(owner.repCookie.indexOf('=') + 1);
      await sweeping.em().getConnection().execute(`update session set expires_at = now() - interval '1 second' where token_hash = ?`, [sha256(token)]);
      expect(await expiring.closed).toBe(4403);

      const later = await sweeping.gql(CREATE_LEAD, { input: leadInput({ name: 'After the expiry' }) }, { cookie: owner.adminCookie });
      await until(() => kept.sub.results.some((e) => e.data?.leadScored.lead?.id === later.data.createLead.id), 'the later lead');
    } finally {
      await sweeping.stop();
    }
  });
});
