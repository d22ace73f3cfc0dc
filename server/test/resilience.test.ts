import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type AppServer } from '../src/app.js';
import { createTenant } from '../src/onboarding/create-tenant.js';
import { createDatabaseProxy, createTestDatabase, gqlAt } from './utils.js';

let server: AppServer | undefined;
let cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  await server?.stop();
  for (const step of cleanup) await step();
});

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('database outages', () => {
  it('starts while the database is down, answers 503, and serves once it is back — without a restart', async () => {
    const database = await createTestDatabase();
    const proxy = await createDatabaseProxy();
    cleanup = [() => proxy.down(), () => database.drop()];

    server = await createServer({ databaseUrl: proxy.urlFor(database.name), port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'silent', production: true, metricsPort: null });
    let cookie = '';
    // with a session, every request reads the database (the session lookup, then the leads)
    const ping = () => gqlAt(server!.url, `{ leads { totalCount } }`, {}, { cookie });

    const starting = await ping();
    expect(starting.status).toBe(503);
    expect(starting.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await proxy.up();
    await server.ready;
    await createTenant(server.orm.em.fork(), { name: 'Outage AG', adminEmail: 'ops@outage.test', adminName: 'Ops', adminPassword: 'pw' });
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "ops@outage.test", password: "pw") { id } }' }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    const up = await ping();
    expect(up.status).toBe(200);
    expect(up.data.leads.totalCount).toBe(0);

    // the database drops while the app runs
    await proxy.down();
    const down = await waitFor(async () => {
      const res = await ping();
      return res.status === 503 ? res : undefined;
    });
    expect(down.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors![0].message).toMatch(/database is unavailable/);
    expect(JSON.stringify(down.errors)).not.toMatch(/ECONNREFUSED|stack/i);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);

    // and comes back: service resumes by itself
    await proxy.up();
    const back = await waitFor(async () => {
      const res = await ping();
      return res.status === 200 ? res : undefined;
    });
    expect(back.errors).toBeUndefined();
    await waitFor(async () => ((await fetch(`${server!.url}/readyz`)).status === 200 ? true : undefined));
  });
});
