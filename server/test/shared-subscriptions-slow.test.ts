import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sharedSubscriptionStats as stats } from '../src/graphql/shared-subscriptions.js';
import { SOCKET_LIMITS } from '../src/ws.js';
import {
  CREATE_LEAD,
  createDatabaseProxy,
  createProbe,
  createTestApp,
  createTestDatabase,
  leadInput,
  memoryLogger,
  subscribe,
  type Probe,
  type TestApp,
  type TestTenant,
} from './utils.js';

// What one subscriber of a shared operation cannot do to the others: hold them up by not reading,
// or keep a RESYNC from them.

/** Results a subscription may have waiting here before its socket is closed (small, so a test can overflow it). */
const BUFFER = 20;
/** 30 aliases of the lead's long text: about 13 kB a message, so a socket that stops reading fills its kernel buffers soon. */
const WIDE = `subscription Wide { leadScored { reason lead { id name } ${Array.from({ length: 30 }, (_, i) => `l${i}: lead { name company email }`).join(' ')} } }`;
const LIVE = `subscription Live($min: Int) { leadScored(minScore: $min) { reason lead { name } } }`;
const LONG = 'x'.repeat(190);

const log = memoryLogger();
const logged = (event: string) => log.lines.filter((line) => JSON.parse(line).event === event).length;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: Awaited<ReturnType<typeof createDatabaseProxy>>;
/** reaches PostgreSQL through the proxy; `writer` goes straight there, and keeps writing while the proxy is down */
let app: TestApp;
let writer: TestApp;
let tenant: TestTenant;
let probe: Probe;

beforeAll(async () => {
  database = await createTestDatabase();
  proxy = await createDatabaseProxy();
  await proxy.up();
  // no polling: after a cut, only the reconnection catches up, and any missed event means RESYNC
  app = await createTestApp({ databaseUrl: proxy.urlFor(database.name), logger: log.logger, live: { subscriberBuffer: BUFFER, pollMs: 600_000, maxReplay: 0 } });
  writer = await createTestApp({ databaseUrl: database.url });
  tenant = await app.createTenant();
  probe = await createProbe(app, tenant.repCookie);
});
afterAll(async () => {
  await writer?.stop();
  await app?.stop();
  await proxy?.down();
  await database?.drop();
});

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Sub = ReturnType<typeof subscribe<any>>;
const names = (sub: Sub) => sub.results.map((e) => e.data?.leadScored.lead?.name ?? e.data?.leadScored.reason);

/** A lead every subscription gets, even `minScore: 100` (the highest option of every criterion). */
const TOP = { budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY' };
const createLead = (name: string, at: TestApp = app, overrides: Record<string, unknown> = {}) =>
  at.gql(CREATE_LEAD, { input: leadInput({ name, company: LONG, ...overrides }) }, { cookie: tenant.repCookie });

/** Names of this tenant's leads in the order their events were committed. */
async function committedNames(): Promise<string[]> {
  const rows = await writer.em().execute<Array<{ name: string }>>(
    `select payload #>> '{lead,name}' as name from event where tenant_id = ? and type = 'lead.scored' order by sequence`,
    [tenant.id],
  );
  return rows.map((row) => row.name);
}

/** A graphql-transport-ws subscriber on a plain socket, so the test can stop reading from it. */
async function plainSubscriber(query: string) {
  const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie: tenant.repCookie } });
  const messages: Array<{ type: string; payload?: any }> = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await until(() => messages.some((m) => m.type === 'connection_ack'), 'the connection to be acknowledged');
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
  const heard = () => messages.some((m) => m.type === 'next' && m.payload.data.leadScored.lead?.name === probe.probeName);
  // live once the probe's event arrives (see probe.ts)
  for (let i = 0; i < 40 && !heard(); i++) {
    await probe.touch();
    await until(() => heard(), 'the probe', 250).catch(() => undefined);
  }
  expect(heard()).toBe(true);
  return { socket, messages, closed };
}

describe('a shared subscription', () => {
  it(`closes (1013) the socket of a subscriber that stops reading once ${BUFFER} results wait for it; the others get everything`, async () => {
    const slow = await plainSubscriber(WIDE);
    const healthy = subscribe(app.wsClient({ cookie: tenant.repCookie }), WIDE, {}, probe);
    await healthy.live(probe.touch, probe);
    const sourcesBefore = stats.sources;
    const overflowsBefore = stats.overflows;
    slow.socket.pause();

    // until the slow socket's kernel buffers are full and its queue overflows; a few at a time, each
    // batch received by the healthy socket before the next, so it never has more than BUFFER waiting
    // (on a busy machine its reading, in this process, could otherwise fall behind the creates)
    const created: string[] = [];
    while (stats.overflows === overflowsBefore) {
      if (created.length >= 3_000) throw new Error('the slow subscriber never overflowed');
      const batch = Array.from({ length: 8 }, (_, i) => `${LONG} ${created.length + i}`);
      for (const res of await Promise.all(batch.map((name) => createLead(name)))) expect(res.errors).toBeUndefined();
      created.push(...batch);
      await until(() => {
        const received = new Set(names(healthy));
        return batch.every((name) => received.has(name)) || stats.overflows !== overflowsBefore;
      }, 'the healthy subscriber to get the batch', 30_000);
    }
    expect(logged('subscriber_behind')).toBe(1);
    await createLead('After the overflow');
    await until(() => names(healthy).includes('After the overflow'), 'the healthy subscriber to catch up', 30_000);
    // each once, in commit order (a batch's leads commit in any order among themselves)
    const expected = new Set([...created, 'After the overflow']);
    expect(names(healthy)).toEqual((await committedNames()).filter((name) => expected.has(name)));
    expect(names(healthy)).toHaveLength(expected.size);
    expect(stats.sources).toBe(sourcesBefore);

    slow.socket.resume();
    expect(await slow.closed).toBe(SOCKET_LIMITS.behindCloseCode);
    const slowNames = slow.messages.filter((m) => m.type === 'next').map((m) => m.payload.data.leadScored.lead.name);
    expect(slowNames.length).toBeLessThan(created.length);
    expect(slowNames).not.toContain('After the overflow');
    healthy.unsubscribe();
  }, 60_000);

  it('sends RESYNC to every subscriber of a shared operation after missing events', async () => {
    const clients = [0, 1, 2, 3].map(() => app.wsClient({ cookie: tenant.repCookie }));
    // two operations, two subscribers each; RESYNC passes every minScore
    const subs = [subscribe(clients[0], LIVE, {}, probe), subscribe(clients[1], LIVE, {}, probe), subscribe(clients[2], LIVE, { min: 100 }, probe), subscribe(clients[3], LIVE, { min: 100 }, probe)];
    for (const sub of subs) await sub.live(probe.touch, probe);
    for (const sub of subs) sub.results.length = 0;

    const disconnects = logged('listener_disconnected');
    await proxy.down();
    await until(() => logged('listener_disconnected') > disconnects, 'the cut to be noticed');
    expect((await createLead('Missed', writer)).errors).toBeUndefined();
    await proxy.up();

    await until(() => subs.every((sub) => sub.results.length > 0), 'RESYNC on every subscriber');
    await createLead('After the resync', writer);
    // every subscriber gets this one: whatever came before it has arrived
    await createLead('Top', writer, TOP);
    await until(() => subs.every((sub) => names(sub).includes('Top')), 'the later leads');
    for (const sub of subs.slice(0, 2)) expect(names(sub)).toEqual(['RESYNC', 'After the resync', 'Top']);
    for (const sub of subs.slice(2)) expect(names(sub)).toEqual(['RESYNC', 'Top']);
  }, 30_000);
});
