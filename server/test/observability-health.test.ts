import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseProxy, createTestApp, createTestDatabase, type TestApp } from './utils.js';

let app: TestApp;
let proxy: Awaited<ReturnType<typeof createDatabaseProxy>>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

async function databaseUp(): Promise<number | undefined> {
  const text = await (await fetch(app.server.metricsUrl!)).text();
  const line = text.split('\n').find((l) => l.startsWith('lead_scoring_database_up'));
  return line ? Number(line.split(' ').at(-1)) : undefined;
}

beforeAll(async () => {
  database = await createTestDatabase('lse_obs');
  proxy = await createDatabaseProxy();
  await proxy.up();
  app = await createTestApp({ databaseUrl: proxy.urlFor(database.name), metricsPort: 0 });
});
afterAll(async () => {
  await proxy?.down();
  await app?.stop();
  await database?.drop();
});

describe('health through a database outage', () => {
  it('answers /healthz always, and /readyz 503 with a reason while PostgreSQL is away, 200 once it is back', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    expect(await databaseUp()).toBe(1);

    await proxy.down();
    await expect.poll(async () => (await fetch(`${app.url}/readyz`)).status, { timeout: 15_000, interval: 250 }).toBe(503);
    const down = await fetch(`${app.url}/readyz`);
    expect(down.headers.get('content-type')).toMatch(/application\/json/);
    expect(await down.json()).toEqual({ status: 'unavailable', reason: expect.stringMatching(/database/) });
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await databaseUp()).toBe(0);

    // the same process, no restart
    await proxy.up();
    await expect.poll(async () => (await fetch(`${app.url}/readyz`)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: 'ok' });
    await expect.poll(databaseUp, { timeout: 5_000 }).toBe(1);
  });
});
