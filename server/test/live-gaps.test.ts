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
/** A gap with more events than this ends in RESYNC instead of a replay. */
const MAX_REPLAY = 3;
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
  await sub.live(touch, probe);
  return { client, closed, sub };
}

const createLead = (name: string, cookie = tenant.repCookie, overrides: Record<string, unknown> = {}) =>
  app.gql(CREATE_LEAD, { input: leadInput({ name, ...overrides }) }, { cookie }).then((res) => res.data.createLead as { id: string; name: string });

beforeAll(async () => {
  database = await createTestDatabase();
  proxy = await createFreezableProxy();
  app = await createTestApp({ databaseUrl: proxy.urlFor(database.name), logger: log.logger, live: { pingIntervalMs: PING_INTERVAL_MS, pingTimeoutMs: PING_TIMEOUT_MS, maxReplay: MAX_REPLAY } });
  tenant = await app.createTenant();
  other = await app.createTenant();
  probe = await createProbe(app, tenant.repCookie);
});
afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await database?.drop();
});

/** A lead every subscription gets, even `minScore: 100` (the highest option of every criterion). */
const TOP = { budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY' };
const names = (sub: Subscription) => sub.results.map((e) => e.data?.leadScored.lead?.name ?? e.data?.leadScored.reason);

/** Cuts the LISTEN connection and refuses new ones until `proxy.thaw()`: whatever commits meanwhile goes unheard. */
async function cutListener() {
  const disconnectsBefore = logged('listener_disconnected').length;
  proxy.freezeListener({ refuse: true });
  const [{ terminated }] = await sql<{ terminated: boolean }>(
    `select pg_terminate_backend(pid, 5000) as terminated from pg_stat_activity where application_name = $1 and datname = $2`,
    [LISTEN_APPLICATION_NAME, database.name],
  );
  expect(terminated).toBe(true);
  await until(() => logged('listener_disconnected').length > disconnectsBefore, 'the cut to be noticed');
}

/** Subscriptions of both tenants, one of them filtered, all proven live. */
async function subscribersOfBothTenants() {
  const everything = await liveSubscription({ cookie: tenant.repCookie });
  const hotOnly = await liveSubscription({ cookie: tenant.adminCookie }, { min: 100 });
  const otherProbe = await createProbe(app, other.repCookie);
  const otherTenant = subscribe(app.wsClient({ cookie: other.repCookie }), LEAD_SCORED, {}, otherProbe);
  await otherTenant.live(otherProbe.touch, otherProbe);
  return { everything: everything.sub, hotOnly: hotOnly.sub, otherTenant };
}

describe('gaps in the LISTEN connection', () => {
  it('replays what was committed while the connection was cut, in commit order and filtered as usual, then streams on', async () => {
    const { everything, hotOnly, otherTenant } = await subscribersOfBothTenants();
    await cutListener();
    await createLead('Gap 1', tenant.repCookie, { urgency: 'NO_TIMELINE' });
    await createLead('Gap 2', tenant.repCookie, TOP);
    await createLead('Gap other', other.repCookie);
    proxy.thaw();

    await until(() => names(everything).includes('Gap 2') && names(otherTenant).includes('Gap other'), 'the replay');

    const later = await createLead('After the gap', tenant.repCookie, TOP);
    const otherLater = await createLead('After the gap other', other.repCookie);
    await until(() => names(everything).includes(later.name) && names(hotOnly).includes(later.name), 'the later lead');
    await until(() => names(otherTenant).includes(otherLater.name), 'the later lead of the other tenant');
    expect(names(everything)).toEqual(['Gap 1', 'Gap 2', 'After the gap']);
    expect(names(hotOnly)).toEqual(['Gap 2', 'After the gap']);
    expect(names(otherTenant)).toEqual(['Gap other', 'After the gap other']);
    expect(everything.results.map((e) => e.data!.leadScored.reason)).toEqual(['CREATED', 'CREATED', 'CREATED']);
  });

  it('sends RESYNC instead, whatever its minScore, to every subscriber of a tenant that missed more than it may replay; another tenant gets its few replayed', async () => {
    const { everything, hotOnly, otherTenant } = await subscribersOfBothTenants();
    await cutListener();
    for (let i = 1; i <= MAX_REPLAY + 1; i++) await createLead(`Missed ${i}`, tenant.repCookie, { urgency: 'NO_TIMELINE' });
    await createLead('Other during the gap', other.repCookie);
    proxy.thaw();

    const resync = { reason: 'RESYNC', previousScore: null, lead: null };
    await until(() => hotOnly.results.length > 0 && everything.results.length > 0 && otherTenant.results.length > 0, 'RESYNC, and the other tenant’s replay');
    expect(hotOnly.results.map((e) => e.data!.leadScored)).toEqual([resync]);
    expect(names(otherTenant)).toEqual(['Other during the gap']);
    const later = await createLead('After the resync');
    const otherLater = await createLead('Other after the gap', other.repCookie);
    await until(() => names(everything).includes(later.name) && names(otherTenant).includes(otherLater.name), 'the later leads');
    // the missed leads are not replayed after the RESYNC: the client fetches them
    expect(names(everything)).toEqual(['RESYNC', 'After the resync']);
    expect(names(otherTenant)).toEqual(['Other during the gap', 'Other after the gap']);
    expect(logged('events_resync', (line) => line.consumer === 'lead-scored-relay').at(-1)).toMatchObject({ missed: MAX_REPLAY + 1, tenants: 1 });
  });

  it('notices a connection that stops answering without closing, reconnects and replays what it missed', async () => {
    const { sub } = await liveSubscription({ cookie: tenant.repCookie });
    const started = Date.now();
    proxy.freezeListener({ refuse: false });
    const during = await createLead('During the freeze');
    await until(() => names(sub).includes(during.name), 'the lead committed during the freeze', 10_000);
    // one interval until the ping, its timeout, the first reconnect attempt (200 ms), then the replay:
    // about a second here, and far below what the default ping (10 s, then 5 s to answer) would take
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logged('listener_disconnected', (line) => String(line.err).includes('no answer to a ping'))).not.toHaveLength(0);

    const later = await createLead('After the freeze');
    await until(() => names(sub).includes(later.name), 'the later lead');
    expect(names(sub)).toEqual(['During the freeze', 'After the freeze']);
  });

  it('closes (4403) the socket of a key revoked while notices were lost, before replaying; other sockets get what they missed', async () => {
    const revokedKey = await app.gql(`mutation { createApiKey(name: "gap", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    const { secret, apiKey } = revokedKey.data.createApiKey;
    const keptKey = await app.createApiKey(tenant, ApiKeyScope.READ);
    const revoked = await liveSubscription({ apiKey: secret });
    const kept = await liveSubscription({ apiKey: keptKey });

    await cutListener();
    // committed while this process hears nothing: its auth_changed notice is lost with the connection
    const res = await app.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, { cookie: tenant.adminCookie });
    expect(res.data.revokeApiKey).toBe(true);
    const afterRevocation = await createLead('After the revocation');
    proxy.thaw();

    expect(await revoked.closed).toBe(4403);
    await until(() => names(kept.sub).includes(afterRevocation.name), 'the missed lead on the kept key', 10_000);
    // the revoked socket is closed: nothing more can reach it, and the replay came after the close
    expect(names(revoked.sub)).toEqual([]);
    const later = await createLead('For the kept key');
    await until(() => names(kept.sub).includes(later.name), 'the later lead on the kept key');
    expect(names(kept.sub)).toEqual(['After the revocation', 'For the kept key']);
  });
});

describe('malformed notices and events', () => {
  it('survives wake-ups that are no sequence or a forged one, and events that are not lead.scored ones: warns, and later events still arrive', async () => {
    const { sub } = await liveSubscription({ cookie: tenant.repCookie });
    await sql(`select pg_notify('events', '{')`);
    await sql(`select pg_notify('events', '999999999999')`);
    await sql(`insert into event (id, type, tenant_id, aggregate_id, payload) values (gen_random_uuid(), 'lead.scored', $1, $1, '{"reason": "CREATED"}')`, [tenant.id]);
    const later = await createLead('After the garbage');
    await until(() => names(sub).includes(later.name), 'the later lead');
    expect(names(sub)).toEqual(['After the garbage']);
    expect(logged('event_malformed', (line) => line.type === 'lead.scored')).toHaveLength(1);
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

  it('delivers the events of one transaction in the order they were written', async () => {
    const { sub } = await liveSubscription({ cookie: tenant.repCookie });
    const lead = await createLead('Ordered');
    await until(() => sub.results.length === 1, 'the created lead');
    await sql(
      `insert into event (id, type, tenant_id, aggregate_id, payload)
       select gen_random_uuid(), type, tenant_id, aggregate_id, payload || jsonb_build_object('reason', 'UPDATED', 'previousScore', i)
         from event, generate_series(1, 30) i where aggregate_id = $1 order by i`,
      [lead.id],
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
        await sub.live(sweepProbe.touch, sweepProbe);
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
