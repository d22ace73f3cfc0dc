import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, gqlAt, createTestApp, type TestApp } from './utils.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

function run(args: string[], env: Record<string, string> = { DATABASE_URL: database.url }) {
  return spawnSync('npx', ['tsx', 'src/scripts/create-tenant.ts', ...args], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('tenant:create', () => {
  it('creates a tenant, its admin and an API key on an empty database, which then work', async () => {
    const out = run(['--name', 'Acme', '--admin-email', 'ada@acme.test', '--admin-name', 'Ada', '--admin-password', 'correct horse', '--api-key', 'CRM sync', '--api-key-scope', 'WRITE']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/tenant\s+Acme \(/);
    const secret = out.stdout.match(/secret\s+(lse_\S+)/)![1];

    let app: TestApp | undefined;
    try {
      app = await createTestApp({ databaseUrl: database.url });
      const viaKey = await gqlAt(app.url, `mutation { createLead(input: { name: "n", company: "c", budget: UNDER_10K, companySize: SIZE_1_10, industry: OTHER, urgency: NO_TIMELINE }) { createdBy { kind name } } }`, {}, { apiKey: secret });
      expect(viaKey.data.createLead.createdBy).toEqual({ kind: 'API_KEY', name: 'CRM sync' });
      const login = await app.gql(`mutation { login(email: "ada@acme.test", password: "correct horse") { role tenant { name } } }`);
      expect(login.data.login).toEqual({ role: 'ADMIN', tenant: { name: 'Acme' } });
    } finally {
      await app?.stop();
    }
  });

  it('explains what is missing or wrong, and changes nothing', () => {
    expect(run(['--name', 'X', '--admin-email', 'ada@acme.test', '--admin-password', 'long enough']).stderr.trim()).toBe('A user with email ada@acme.test exists already.');
    expect(run(['--admin-email', 'x@y.test', '--admin-password', 'long enough']).stderr.trim()).toBe('--name is required (the tenant name).');
    expect(run(['--name', 'X', '--admin-email', 'nope', '--admin-password', 'long enough']).stderr.trim()).toMatch(/not an email address/);
    expect(run(['--name', 'X', '--admin-email', 'x@y.test', '--admin-password', 'short']).stderr.trim()).toMatch(/at least 8/);
    expect(run(['--name', 'X'], { DATABASE_URL: '' }).stderr.trim()).toMatch(/DATABASE_URL/);
  });
});
