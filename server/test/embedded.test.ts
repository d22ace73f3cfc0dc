import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/app.js';
import { gqlAt } from './utils.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function demoLogin(url: string): Promise<string> {
  const login = await gqlAt(url, 'mutation { login(email: "demo@demo.test", password: "demo") { name } }');
  return login.headers.get('set-cookie')!.split(';')[0];
}

let dataDir: string;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('without DATABASE_URL', () => {
  it('runs an embedded PostgreSQL under the data folder, seeds the demo and keeps data across restarts', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lse-embedded-'));
    // reachable for `postgres` when we are root, so the cluster stays inside it (embedded-root.test.ts covers the other case)
    await chmod(dataDir, 0o755);
    const embeddedPort = await freePort();
    const options = { databaseUrl: undefined, seedDemo: true, dataDir, embeddedPort, port: 0, host: '127.0.0.1', logLevel: 'silent' as const, metricsPort: null };

    const first = await createServer(options);
    try {
      await first.ready;
      const cookie = await demoLogin(first.url);
      const created = await gqlAt(first.url, `mutation { createLead(input: { name: "Kept", company: "Across Restarts", budget: OVER_100K, companySize: SIZE_1_10, industry: RETAIL, urgency: THIS_MONTH }) { id } }`, {}, { cookie });
      expect(created.errors).toBeUndefined();
    } finally {
      await first.stop();
    }

    const second = await createServer(options);
    try {
      await second.ready;
      const cookie = await demoLogin(second.url);
      const res = await gqlAt(second.url, `{ leads(filter: { search: "Across Restarts" }) { totalCount } all: leads { totalCount } }`, {}, { cookie });
      expect(res.data.leads.totalCount).toBe(1);
      // seeded once: 500 demo leads plus the one created above
      expect(res.data.all.totalCount).toBe(501);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
