import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { SOCKET_LIMITS } from '../src/ws.js';
import { connected, createProbe, subscribe, type TestApp, type TestTenant, createTestApp } from './utils.js';

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant();
});
afterAll(async () => {
  await app?.stop();
});

const LEAD_SCORED = 'subscription { leadScored { reason lead { id name } } }';

function closeCode(client: ReturnType<TestApp['wsClient']>): Promise<number> {
  return new Promise((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
}

describe('what one credential may hold open', () => {
  it(`refuses connection ${SOCKET_LIMITS.socketsPerCredential + 1} of one API key with 4429, not another key's`, async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const open = Array.from({ length: SOCKET_LIMITS.socketsPerCredential }, () => app.wsClient({ apiKey: key }));
    for (const client of open) subscribe(client, LEAD_SCORED);
    await Promise.all(open.map(connected));
    const extra = app.wsClient({ apiKey: key });
    const closed = closeCode(extra);
    subscribe(extra, LEAD_SCORED);
    expect(await closed).toBe(4429);

    const otherKey = await app.createApiKey(tenant, ApiKeyScope.READ);
    const other = app.wsClient({ apiKey: otherKey });
    subscribe(other, LEAD_SCORED);
    await connected(other);

    // a closed connection frees its place
    await open[0].dispose();
    const again = app.wsClient({ apiKey: key });
    subscribe(again, LEAD_SCORED);
    await connected(again);
    await Promise.all(open.map((c) => c.dispose()));
  });

  it(`refuses operation ${SOCKET_LIMITS.subscriptionsPerSocket + 1} on one socket with RATE_LIMITED, until one completes`, async () => {
    const probe = await createProbe(app, tenant.repCookie);
    const client = app.wsClient({ cookie: tenant.repCookie });
    const subs = Array.from({ length: SOCKET_LIMITS.subscriptionsPerSocket }, () => subscribe(client, 'subscription { leadScored { reason lead { name } } }'));
    // every one of them live: each sees the probe
    for (const sub of subs) await sub.live(probe.touch, probe);
    const refused = subscribe(client, LEAD_SCORED);
    await refused.waitFor(1);
    expect(refused.closed).toEqual([
      expect.objectContaining({ extensions: { code: 'RATE_LIMITED' }, message: `At most ${SOCKET_LIMITS.subscriptionsPerSocket} operations may run at once on one connection; complete one first.` }),
    ]);
    subs[0].unsubscribe();
    const next = subscribe(client, 'subscription { leadScored { reason lead { name } } }');
    await next.live(probe.touch, probe);
  });
});
