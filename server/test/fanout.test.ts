import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_LEAD, connected, createTestApp, gqlAt, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

// Two server processes' worth of app on one database: each has its own HTTP server, WebSocket
// server, in-process pub/sub and PostgreSQL listener, exactly as two deployed instances would.
let first: TestApp;
let second: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  first = await createTestApp();
  second = await createTestApp({ databaseUrl: first.databaseUrl });
  tenant = await first.createTenant();
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

describe('fan-out across server instances', () => {
  it('delivers every event to the subscribers of both instances, whichever instance wrote it', async () => {
    const onFirst = first.wsClient({ cookie: tenant.repCookie });
    const onSecond = second.wsClient({ cookie: tenant.repCookie });
    const query = `subscription { leadScored { reason lead { name } } }`;
    const subFirst = subscribe(onFirst, query);
    const subSecond = subscribe(onSecond, query);
    await Promise.all([connected(onFirst), connected(onSecond)]);

    await gqlAt(first.url, CREATE_LEAD, { input: leadInput({ name: 'Written on first' }) }, { cookie: tenant.repCookie });
    await gqlAt(second.url, CREATE_LEAD, { input: leadInput({ name: 'Written on second' }) }, { cookie: tenant.repCookie });

    const [a, b] = await Promise.all([subFirst.waitFor(2), subSecond.waitFor(2)]);
    const names = (events: typeof a) => events.map((e) => e.data!.leadScored.lead.name).sort();
    expect(names(a)).toEqual(['Written on first', 'Written on second']);
    expect(names(b)).toEqual(['Written on first', 'Written on second']);
  });

  it('shares sessions: a cookie from one instance works on the other', async () => {
    const res = await gqlAt(second.url, `{ me { id } }`, {}, { cookie: tenant.repCookie });
    expect(res.data.me.id).toBe(tenant.rep.id);
  });
});
