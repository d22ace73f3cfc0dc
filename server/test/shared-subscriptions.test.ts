import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentCache, documentCacheStats as documentStats } from '../src/graphql/document-cache.js';
import { accessOf, sharingKey, sharedSubscriptionStats as stats } from '../src/graphql/shared-subscriptions.js';
import { ApiKeyScope, PrincipalKind, UserRole } from '../src/modules/auth/auth.enums.js';
import { CREATE_LEAD, createProbe, createTestApp, leadInput, memoryLogger, subscribe, type TestApp, type TestTenant, type WsCaller } from './utils.js';

// Subscribers of the same operation (tenant, document, operation name, variables) share one
// execution per event; everything else about them stays their own.

const LIVE = `subscription Live($min: Int) { leadScored(minScore: $min) { reason previousScore lead { id name score } } }`;
/** The same operation as LIVE, laid out differently: it shares LIVE's source. */
const LIVE_REFORMATTED = `# the same, laid out differently
subscription Live( $min : Int ) {
  leadScored(minScore: $min) { reason previousScore lead { id name score } }
}`;

const log = memoryLogger();
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ logger: log.logger });
});
afterAll(() => app?.stop());

type Sub = ReturnType<typeof subscribe<any>>;
const names = (sub: Sub) => sub.results.map((e) => e.data?.leadScored.lead?.name ?? e.data?.leadScored.reason);

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A tenant with its probe, and live subscribers on sockets of their own. */
async function tenantWithProbe() {
  const tenant = await app.createTenant();
  const probe = await createProbe(app, tenant.repCookie);
  const live = async (caller: WsCaller, variables: Record<string, unknown> = {}, query = LIVE) => {
    const client = app.wsClient(caller);
    const sub = subscribe(client, query, variables, probe);
    await sub.live(probe.touch, probe);
    return Object.assign(sub, { client });
  };
  return { tenant, probe, live };
}

const createLead = (tenant: TestTenant, name: string, overrides: Record<string, unknown> = {}) =>
  app.gql(CREATE_LEAD, { input: leadInput({ name, ...overrides }) }, { cookie: tenant.repCookie }).then((res) => res.data.createLead as { id: string });

/** Creates a lead and waits until every one of `subs` has it: whatever was committed before has arrived too (events come in commit order). */
async function barrier(tenant: TestTenant, name: string, subs: Sub[]): Promise<void> {
  await createLead(tenant, name);
  await until(() => subs.every((sub) => names(sub).includes(name)), `${name} on every subscriber`);
}

describe('subscribers of one operation', () => {
  it('each get every event exactly once and in order, from one execution per event for all callers with the same access', async () => {
    const { tenant, live } = await tenantWithProbe();
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const sourcesBefore = stats.sources;
    // different principals of one tenant, and the same document written two ways
    // callers with the same access share one source: the rep twice, the key twice; the admin has its own
    const subs = [
      await live({ cookie: tenant.repCookie }),
      await live({ cookie: tenant.adminCookie }, {}, LIVE_REFORMATTED),
      await live({ apiKey: key }),
      await live({ apiKey: key }),
      await live({ cookie: tenant.repCookie }, {}, LIVE_REFORMATTED),
    ];
    expect(stats.sources).toBe(sourcesBefore + 3);
    // probe events may still be on their way: count from a lead every subscriber has seen
    await barrier(tenant, 'Start', subs);
    const executionsBefore = stats.executions;
    for (const sub of subs) sub.results.length = 0;

    const created = ['Lead 1', 'Lead 2', 'Lead 3', 'Lead 4', 'Lead 5', 'Lead 6'];
    for (const name of created) await createLead(tenant, name);
    // committed last: a duplicate or a straggler of the others would have arrived before it
    await barrier(tenant, 'End', subs);

    for (const sub of subs) expect(names(sub)).toEqual([...created, 'End']);
    expect(stats.executions - executionsBefore).toBe(3 * (created.length + 1));
    for (const sub of subs) sub.unsubscribe();
    await until(() => stats.sources === sourcesBefore, 'the shared source to close');
  });

  it('get the events that arrive together in one write of their socket', async () => {
    const { tenant, live } = await tenantWithProbe();
    const sub = await live({ cookie: tenant.repCookie });
    const { id } = await createLead(tenant, 'Seed');
    await until(() => names(sub).includes('Seed'), 'Seed');
    // every write to a socket of the app's port while the burst goes out
    const port = Number(new URL(app.server.url).port);
    const writes: string[][] = [];
    const proto = net.Socket.prototype as unknown as { _writev: (...args: any[]) => void; _write: (...args: any[]) => void };
    const { _writev: writev, _write: write } = proto;
    proto._writev = function (this: net.Socket, chunks: Array<{ chunk: unknown }>, ...rest: unknown[]) {
      if (this.localPort === port) writes.push(chunks.map((entry) => String(entry.chunk)));
      return writev.call(this, chunks, ...rest);
    };
    proto._write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
      if (this.localPort === port) writes.push([String(chunk)]);
      return write.call(this, chunk, ...rest);
    };
    try {
      // three events committed together, as a rescoring commits hundreds: the relay publishes them at once
      await app.em().getConnection().execute(
        `insert into event (id, type, tenant_id, aggregate_id, payload)
         select gen_random_uuid(), type, tenant_id, aggregate_id, jsonb_set(payload, '{lead,name}', to_jsonb('Burst ' || n))
           from event, generate_series(1, 3) n where aggregate_id = ? and type = 'lead.scored' order by n`,
        [id],
      );
      await until(() => names(sub).includes('Burst 3'), 'the burst');
    } finally {
      proto._writev = writev;
      proto._write = write;
    }
    expect(names(sub).slice(-3)).toEqual(['Burst 1', 'Burst 2', 'Burst 3']);
    // one write holds all three messages (a frame header and a message each), none went out alone
    const burst = writes.filter((chunks) => chunks.some((chunk) => chunk.includes('Burst ')));
    expect(burst.map((chunks) => chunks.length)).toEqual([6]);
    expect(burst[0]).toHaveLength(6);
    expect(burst[0].filter((chunk) => chunk.includes('Burst ')).map((chunk) => JSON.parse(chunk).payload.data.leadScored.lead.name)).toEqual(['Burst 1', 'Burst 2', 'Burst 3']);
    sub.unsubscribe();
  });

  it('never share a source with other variables or another tenant', async () => {
    const a = await tenantWithProbe();
    const b = await tenantWithProbe();
    const sourcesBefore = stats.sources;
    const everything = await a.live({ cookie: a.tenant.repCookie });
    const hotOnly = await a.live({ cookie: a.tenant.repCookie }, { min: 80 });
    const otherTenant = await b.live({ cookie: b.tenant.repCookie });
    expect(stats.sources).toBe(sourcesBefore + 3);
    for (const sub of [everything, hotOnly, otherTenant]) sub.results.length = 0;

    await createLead(a.tenant, 'A cold', { budget: 'UNDER_10K', urgency: 'NO_TIMELINE' });
    await createLead(a.tenant, 'A hot');
    // committed after A's leads: had B shared A's source, they would have arrived first
    await barrier(b.tenant, 'B barrier', [otherTenant]);
    await barrier(a.tenant, 'A barrier', [everything, hotOnly]);

    expect(names(otherTenant)).toEqual(['B barrier']);
    expect(names(everything)).toEqual(['A cold', 'A hot', 'A barrier']);
    expect(names(hotOnly)).toEqual(['A hot', 'A barrier']);
    for (const sub of [everything, hotOnly, otherTenant]) sub.unsubscribe();
    await until(() => stats.sources === sourcesBefore, 'the shared sources to close');
  });

  it('keep receiving when one of them unsubscribes or closes its socket; the last to leave closes the source', async () => {
    const { tenant, live } = await tenantWithProbe();
    const sourcesBefore = stats.sources;
    const [first, second, third] = [await live({ cookie: tenant.repCookie }), await live({ cookie: tenant.repCookie }), await live({ cookie: tenant.repCookie })];
    expect(stats.sources).toBe(sourcesBefore + 1);

    // the first subscriber's context runs the shared source: it leaves first
    first.unsubscribe();
    await barrier(tenant, 'After one unsubscribed', [second, third]);
    await second.client.dispose();
    await barrier(tenant, 'After a socket closed', [third]);
    expect(names(third).slice(-2)).toEqual(['After one unsubscribed', 'After a socket closed']);
    expect(names(first)).not.toContain('After one unsubscribed');
    expect(stats.sources).toBe(sourcesBefore + 1);

    third.unsubscribe();
    await until(() => stats.sources === sourcesBefore, 'the shared source to close');
    // the same operation again starts a fresh source
    const again = await live({ cookie: tenant.repCookie });
    expect(stats.sources).toBe(sourcesBefore + 1);
    await barrier(tenant, 'After a fresh start', [again]);
    await again.client.dispose();
    await until(() => stats.sources === sourcesBefore, 'the fresh source to close');
  });

  it('all get an error raised inside an event, formatted by the error policy (and logged) once', async () => {
    const { tenant, probe, live } = await tenantWithProbe();
    const subs = [await live({ cookie: tenant.repCookie }), await live({ cookie: tenant.repCookie })];
    await barrier(tenant, 'Before the bad event', subs);
    for (const sub of subs) sub.results.length = 0;
    const loggedBefore = log.lines.filter((line) => line.includes('unexpected error')).length;

    // anyone with database access can write the outbox: a score beyond Int fails to serialise
    await app.em().execute(
      `insert into event (id, type, tenant_id, aggregate_id, payload)
       select gen_random_uuid(), type, tenant_id, aggregate_id, jsonb_set(payload, '{lead,score}', '1099511627776')
       from event where aggregate_id = ? order by sequence desc limit 1`,
      [probe.leadId],
    );
    await barrier(tenant, 'After the bad event', subs);

    for (const sub of subs) {
      expect(sub.results[0]).toEqual({
        data: { leadScored: { reason: 'UPDATED', previousScore: expect.any(Number), lead: null } },
        errors: [
          {
            message: 'Int cannot represent non 32-bit signed integer value: 1099511627776',
            locations: [expect.any(Object)],
            path: ['leadScored', 'lead', 'score'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
      expect(names(sub)).toEqual(['UPDATED', 'After the bad event']);
    }
    expect(log.lines.filter((line) => line.includes('unexpected error')).length - loggedBefore).toBe(1);
  });
});

describe('subscription documents', () => {
  it('are parsed and validated once for every socket that sends the same text; an invalid one is refused each time and never kept', async () => {
    const { tenant, live } = await tenantWithProbe();
    // a text no other test sends
    const query = `# ${randomUUID()}\n${LIVE}`;
    const before = { ...documentStats };
    const subs = [await live({ cookie: tenant.repCookie }, {}, query), await live({ cookie: tenant.adminCookie }, {}, query), await live({ cookie: tenant.repCookie }, {}, query)];
    expect(documentStats.misses - before.misses).toBe(1);
    expect(documentStats.hits - before.hits).toBe(2);
    // the shared document works for all of them, across accesses
    await barrier(tenant, 'Shared document', subs);

    const invalid = `# ${randomUUID()}\nsubscription { leadScored { nope } }`;
    const client = app.wsClient({ cookie: tenant.repCookie });
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = subscribe(client, invalid);
      await refused.waitFor(1, 2_000);
      expect(JSON.stringify(refused.closed)).toMatch(/Cannot query field \\"nope\\"/);
    }
    expect(documentStats.misses - before.misses).toBe(3);
    expect(documentStats.hits - before.hits).toBe(2);
  });

  it('keep the most recently used, up to a count and a total length, and no text over the length limit', () => {
    const cache = new DocumentCache(2, 1_000, 100);
    const [a, b, c] = ['subscription A { x }', 'subscription B { x }', 'subscription C { x }'];
    cache.set(a, parse(a));
    cache.set(b, parse(b));
    expect(cache.get(a)?.kind).toBe('Document');
    cache.set(c, parse(c));
    // b was used least recently
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(a)).toBeDefined();
    expect(cache.get(c)).toBeDefined();
    const long = `subscription D { ${'x '.repeat(60)}}`;
    cache.set(long, parse(long));
    expect(cache.get(long)).toBeUndefined();
    expect(cache.size).toBe(2);

    // the total length: texts of 90 characters, at most 200 in all, so two fit and a third evicts the oldest
    const sized = new DocumentCache(10, 200, 100);
    const texts = ['E', 'F', 'G'].map((name) => `subscription ${name} { ${'x '.repeat(36)}}`);
    expect(texts.every((text) => text.length === 90)).toBe(true);
    for (const text of texts) sized.set(text, parse(text));
    expect(sized.size).toBe(2);
    expect(sized.characters).toBe(180);
    expect(sized.get(texts[0])).toBeUndefined();
    expect(sized.get(texts[2])).toBeDefined();
  });
});

describe('sharingKey', () => {
  const REP = accessOf({ kind: PrincipalKind.USER, role: UserRole.REP });
  const key = (tenant: string, query: string, variableValues?: Record<string, unknown>, operationName?: string, access = REP) =>
    sharingKey(tenant, access, { schema: undefined as never, document: parse(query), variableValues, operationName });

  it('is the same for the same operation written differently, with variables in any order', () => {
    expect(key('t1', LIVE, { min: 1, x: { b: 2, a: 1 } })).toBe(key('t1', LIVE_REFORMATTED, { x: { a: 1, b: 2 }, min: 1 }));
    expect(key('t1', LIVE)).toBe(key('t1', LIVE, {}));
  });

  it('differs by tenant, access, variables, operation name and selection', () => {
    const admin = accessOf({ kind: PrincipalKind.USER, role: UserRole.ADMIN });
    const readKey = accessOf({ kind: PrincipalKind.API_KEY, scope: ApiKeyScope.READ });
    const keys = [
      key('t1', LIVE), key('t2', LIVE), key('t1', LIVE, {}, undefined, admin), key('t1', LIVE, {}, undefined, readKey),
      key('t1', LIVE, { min: 1 }), key('t1', LIVE, { min: null }), key('t1', LIVE, {}, 'Live'), key('t1', LIVE.replace('score', 'company')),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
