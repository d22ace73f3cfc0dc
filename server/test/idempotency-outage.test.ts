import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type AppServer } from '../src/app.js';
import { createTenant } from '../src/onboarding/create-tenant.js';
import { createDatabaseProxy, createTestDatabase, gqlAt, leadInput } from './utils.js';

let server: AppServer | undefined;
let cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  await server?.stop();
  for (const step of cleanup) await step();
});

const CREATE = `mutation($input: CreateLeadInput!, $key: String) { createLead(input: $input, idempotencyKey: $key) { id name } }`;
const CLIENTS = 20;
const LEADS_PER_CLIENT = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('idempotent creates through a database outage', () => {
  it('stores every acknowledged lead exactly once while the database drops and returns, and serves again without a restart', async () => {
    const database = await createTestDatabase();
    const proxy = await createDatabaseProxy();
    cleanup = [() => proxy.down(), () => database.drop()];
    await proxy.up();
    server = await createServer({ databaseUrl: proxy.urlFor(database.name), port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'silent', production: true, metricsPort: null });
    await server.ready;
    const { tenant } = await createTenant(server.orm.em.fork(), { name: 'Outage AG', adminEmail: 'ops@outage.test', adminName: 'Ops', adminPassword: 'pw' });
    const login = await gqlAt(server.url, 'mutation { login(email: "ops@outage.test", password: "pw") { id } }');
    const cookie = login.headers.get('set-cookie')!.split(';')[0];

    const acknowledged = new Map<string, { key: string; id: string }>();
    const unexpected: unknown[] = [];
    let retries = 0;

    /** One logical create: one key, retried on a network error or SERVICE_UNAVAILABLE until acknowledged. */
    async function createOnce(name: string): Promise<void> {
      const key = randomUUID();
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) {
          retries++;
          await sleep(Math.min(500, 25 * 2 ** attempt));
        }
        let res;
        try {
          res = await gqlAt(server!.url, CREATE, { input: leadInput({ name }), key }, { cookie });
        } catch {
          continue; // the answer was lost on the way
        }
        if (res.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE') continue;
        if (res.errors) return void unexpected.push(res.errors);
        acknowledged.set(name, { key, id: res.data.createLead.id });
        return;
      }
    }

    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; n < LEADS_PER_CLIENT; n++) await createOnce(`client ${client} lead ${n}`);
    });
    const all = Promise.all(clients);

    // cut the database twice mid-run, with requests in flight
    await until(() => acknowledged.size >= 30);
    await proxy.down();
    await sleep(1_000);
    await proxy.up();
    await until(() => acknowledged.size >= 90);
    await proxy.down();
    await sleep(500);
    await proxy.up();
    await all;

    expect(unexpected).toEqual([]);
    expect(acknowledged.size).toBe(CLIENTS * LEADS_PER_CLIENT);
    // the outages hit requests in flight, or this test proves nothing
    expect(retries).toBeGreaterThan(0);

    // straight from the database, past the proxy: each name once, with the acknowledged id and key
    const direct = new pg.Client({ connectionString: database.url });
    await direct.connect();
    try {
      const { rows } = await direct.query<{ name: string; id: string; key: string | null; copies: string }>(
        `select l.name, l.id, k.key, count(*) over (partition by l.name) as copies
           from lead l left join idempotency_key k on k.lead_id = l.id where l.tenant_id = $1`,
        [tenant.id],
      );
      const stored = new Map(rows.map((row) => [row.name, row]));
      expect(rows.filter((row) => row.copies !== '1')).toEqual([]);
      expect(rows).toHaveLength(acknowledged.size);
      for (const [name, { key, id }] of acknowledged) expect(stored.get(name), name).toMatchObject({ id, key, copies: '1' });
    } finally {
      await direct.end();
    }

    // and it answers normally again, without a restart
    const after = await gqlAt(server.url, `{ leads(first: 1) { totalCount } }`, {}, { cookie });
    expect(after.status).toBe(200);
    expect(after.data.leads.totalCount).toBe(CLIENTS * LEADS_PER_CLIENT);
  });
});
