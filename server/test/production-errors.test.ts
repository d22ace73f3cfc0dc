import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { CREATE_LEAD, createTestApp, leadInput, memoryLogger, subscribe, type TestApp, type TestTenant } from './utils.js';

// Production hides the schema and internal errors the same way over HTTP and WebSocket.
let prod: TestApp;
let tenant: TestTenant;
let key: string;
const log = memoryLogger();

beforeAll(async () => {
  prod = await createTestApp({ production: true, logger: log.logger });
  tenant = await prod.createTenant();
  key = await prod.createApiKey(tenant, ApiKeyScope.READ);
});
afterAll(async () => {
  await prod?.stop();
});

/** One operation over a fresh socket: the errors of its first (and only) answer. */
async function overSocket(query: string, variables?: Record<string, unknown>) {
  const sub = subscribe(prod.wsClient({ apiKey: key }), query, variables);
  const [first] = await sub.waitFor(1, 5_000);
  const errors = (first?.errors ?? (Array.isArray(sub.closed) ? sub.closed : undefined)) as Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;
  if (!errors) throw new Error(`no errors in ${JSON.stringify(first ?? sub.closed)}`);
  return errors;
}

describe('production errors', () => {
  it('gives no "Did you mean" hints for misspelt fields, over HTTP and WebSocket', async () => {
    const http = await prod.gql('{ leadz { id } }', undefined, { apiKey: key });
    expect(http.status).toBe(400);
    expect(http.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(http.errors![0].message).toBe('Cannot query field "leadz" on type "Query".');
    const ws = await overSocket('{ leadz { id } }');
    expect(ws[0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ws[0].message).toBe('Cannot query field "leadz" on type "Query".');
  });

  it('gives no hints for a wrong enum value sent as a variable', async () => {
    const query = 'query($t: [LeadTier!]) { leads(first: 1, filter: { tiers: $t }) { edges { cursor } } }';
    const http = await prod.gql(query, { t: ['HOTT'] }, { apiKey: key });
    expect(http.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(http.errors![0].message).not.toMatch(/Did you mean/);
    expect(http.errors![0].message).toMatch(/"HOTT" does not exist in "LeadTier" enum\.$/);
    const ws = await overSocket(query, { t: ['HOTT'] });
    expect(ws[0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(ws[0].message).not.toMatch(/Did you mean/);
  });

  it('calls a wrong inline literal bad input, over HTTP and WebSocket alike', async () => {
    const query = '{ leads(first: 1, filter: { tiers: [HOTT] }) { edges { cursor } } }';
    expect((await prod.gql(query, undefined, { apiKey: key })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await overSocket(query))[0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses introspection over the WebSocket as over HTTP', async () => {
    const query = '{ __schema { types { name } } }';
    const http = await prod.gql(query, undefined, { apiKey: key });
    expect(http.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(http.errors![0].message).toMatch(/introspection/i);
    const ws = await overSocket(query);
    expect(ws[0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ws[0].message).toMatch(/introspection/i);
  });

  it('masks internal errors over the WebSocket as over HTTP, and logs them in full', async () => {
    // a real unexpected failure: the column the page statement reads is gone
    await prod.em().getConnection().execute('alter table lead rename column company to company_gone');
    try {
      const query = '{ leads(first: 1) { edges { node { company } } } }';
      const http = await prod.gql(query, undefined, { apiKey: key });
      const ws = await overSocket(query);
      for (const error of [http.errors![0], ws[0]]) {
        expect(error.message).toBe('Internal server error');
        expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      }
      const logged = log.lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'unexpected error');
      expect(logged).toHaveLength(2);
      expect(logged.every((line) => /company/.test(JSON.stringify(line.err)))).toBe(true);
    } finally {
      await prod.em().getConnection().execute('alter table lead rename column company_gone to company');
    }
  });

  it('ends API statements that run longer than the statement timeout', async () => {
    const [row] = await prod.em().getConnection().execute<{ statement_timeout: string }[]>('show statement_timeout');
    expect(row.statement_timeout).toBe('15s');
  });

  it('refuses text PostgreSQL cannot store (NUL) as bad input naming the field, over HTTP and WebSocket, storing nothing', async () => {
    const message = 'Text may not contain the NUL character (\\u0000); remove it and send again.';
    const name = `Nul\u0000Name ${Date.now()}`;
    const created = await prod.gql(CREATE_LEAD, { input: leadInput({ name }) }, { cookie: tenant.repCookie });
    expect(created.status).toBe(400);
    expect(created.errors![0].message).toBe(message);
    expect(created.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.name', code: 'INVALID_TEXT', message }] });
    const [{ count }] = await prod.em().getConnection().execute<{ count: string }[]>("select count(*) from lead where name like 'Nul%'");
    expect(count).toBe('0');
    const login = await prod.gql('mutation($e: String!) { login(email: $e, password: "x") { id } }', { e: 'a\u0000@b.example' });
    expect(login.errors![0].extensions!.fields).toEqual([{ field: 'e', code: 'INVALID_TEXT', message }]);
    const literal = await prod.gql('{ leads(first: 1, filter: { search: "a\\u0000" }) { edges { cursor } } }', undefined, { apiKey: key });
    expect(literal.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(literal.errors![0].message).toBe(message);
    const ws = await overSocket('query($s: String) { leads(first: 1, filter: { search: $s }) { edges { cursor } } }', { s: 'a\u0000' });
    expect(ws[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 's', code: 'INVALID_TEXT', message }] });
  });
});
