import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { serializeError } from '../src/observability/redact.js';
import { CREATE_LEAD, createTestApp, leadInput, memoryLogger, subscribe, type TestApp, type TestTenant } from './utils.js';

const { logger, lines } = memoryLogger();
let app: TestApp;
let tenant: TestTenant;
let apiKey: string;

const entries = () => lines.map((line) => JSON.parse(line) as Record<string, any>);
const find = (event: string, predicate: (e: Record<string, any>) => boolean = () => true) => entries().filter((e) => e.event === event && predicate(e));

/** pino writes asynchronously to the stream; give it a moment */
async function eventually<T>(read: () => T | undefined, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('log line not written in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  app = await createTestApp({ logger, metricsPort: null });
  tenant = await app.createTenant('Observed GmbH');
  apiKey = await app.createApiKey(tenant, ApiKeyScope.WRITE);
});
afterAll(() => app?.stop());

describe('structured logs', () => {
  it('logs one line per GraphQL operation with ids, duration and outcome, under the caller’s x-request-id', async () => {
    const res = await app.gql(CREATE_LEAD, { input: leadInput() }, { cookie: tenant.repCookie, headers: { 'x-request-id': 'req-obs-create-1' } });
    expect(res.errors).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBe('req-obs-create-1');

    const line = await eventually(() => find('graphql_operation', (e) => e.requestId === 'req-obs-create-1')[0]);
    expect(line).toMatchObject({
      level: 30,
      msg: 'graphql operation',
      transport: 'http',
      operationType: 'mutation',
      operation: 'createLead',
      operationName: 'CreateLead',
      outcome: 'success',
      tenantId: tenant.id,
      userId: tenant.rep.id,
    });
    expect(line.durationMs).toBeGreaterThan(0);
    expect(line.apiKeyId).toBeUndefined();
    expect(find('graphql_operation', (e) => e.requestId === 'req-obs-create-1')).toHaveLength(1);
  });

  it('writes "lead created" (info) and "score calculated" (debug) with the request id, points and model version', async () => {
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ source: 'WEBSITE' }) }, { apiKey, headers: { 'x-request-id': 'req-obs-create-2' } });
    const lead = res.data.createLead;

    const created = await eventually(() => find('lead_created', (e) => e.requestId === 'req-obs-create-2')[0]);
    expect(created).toMatchObject({ level: 30, msg: 'lead created', leadId: lead.id, score: 85, tier: 'HOT', source: 'WEBSITE', tenantId: tenant.id, modelVersion: 1 });
    expect(created.apiKeyId).toMatch(/^[0-9a-f-]{36}$/);

    const scored = find('score_calculated', (e) => e.requestId === 'req-obs-create-2')[0];
    expect(scored).toMatchObject({ level: 20, msg: 'score calculated', leadId: lead.id, reason: 'created', modelVersion: 1, score: 85 });
    expect(scored.points).toEqual({ BUDGET: 30, COMPANY_SIZE: 20, INDUSTRY: 20, URGENCY: 15 });

    const operation = find('graphql_operation', (e) => e.requestId === 'req-obs-create-2')[0];
    expect(operation.apiKeyId).toBe(created.apiKeyId);
    expect(operation.userId).toBeUndefined();
  });

  it('logs a rejected operation with its error code and the names of the input fields, not their values', async () => {
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: ' ', email: 'not-an-email-xq7' }) }, { cookie: tenant.repCookie, headers: { 'x-request-id': 'req-obs-invalid' } });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const line = await eventually(() => find('graphql_operation', (e) => e.requestId === 'req-obs-invalid')[0]);
    expect(line).toMatchObject({ outcome: 'client_error', errorCodes: ['BAD_USER_INPUT'], operation: 'createLead' });
    expect(line.errorFields).toEqual(expect.arrayContaining(['name', 'email']));
    expect(JSON.stringify(line)).not.toContain('not-an-email-xq7');
    // a lead_created line of this request would have been written before its operation line
    expect(find('lead_created', (e) => e.requestId === 'req-obs-invalid')).toHaveLength(0);
  });

  it('never writes names, emails, phone numbers, passwords, cookies or API keys', async () => {
    const personal = { name: 'Zebulon Quixotic-Marvell', company: 'Quokka Holdings', email: 'zebulon.q@quokka-mail.example', phone: '+44 7700 900461' };
    const res = await app.gql(CREATE_LEAD, { input: leadInput(personal) }, { cookie: tenant.adminCookie });
    expect(res.errors).toBeUndefined();
    await app.gql(`query($id: ID!) { lead(id: $id) { name email phone } }`, { id: res.data.createLead.id }, { cookie: tenant.adminCookie });
    await app.login(tenant.rep.email, tenant.rep.password);
    await eventually(() => find('lead_created', (e) => e.leadId === res.data.createLead.id)[0]);

    const log = lines.join('\n');
    const secrets = [
      personal.name, personal.email, personal.phone, 'Quokka',
      tenant.admin.email, tenant.rep.email, tenant.admin.password, tenant.rep.password,
      apiKey, apiKey.slice(0, 12), tenant.adminCookie.split('=')[1], tenant.repCookie.split('=')[1],
      'Grace Hopper', 'grace@compilers.example', '+1 555 0100',
    ];
    for (const secret of secrets) expect(log, `log contains ${secret}`).not.toContain(secret);
  });

  it('reports client-side errors as structured lines (event, message, session id, user id)', async () => {
    const res = await app.gql(
      `mutation($input: ClientErrorInput!) { reportClientError(input: $input) }`,
      { input: { event: 'render_error', message: 'LeadTable failed to render', sessionId: 'browser-session-42', path: '/leads?tier=HOT' } },
      { cookie: tenant.repCookie, headers: { 'x-request-id': 'req-obs-client' } },
    );
    expect(res.data.reportClientError).toBe(true);
    const line = await eventually(() => find('client_error', (e) => e.requestId === 'req-obs-client')[0]);
    expect(line).toMatchObject({
      level: 40,
      clientEvent: 'render_error',
      clientMessage: 'LeadTable failed to render',
      clientSessionId: 'browser-session-42',
      path: '/leads',
      userId: tenant.rep.id,
      tenantId: tenant.id,
    });
  });

  it('logs WebSocket operations too, each with a request id of its own', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const first = subscribe(client, `query WsCount { leads { totalCount } }`);
    await first.waitFor(1);
    const second = subscribe(client, `query WsCount { leads { totalCount } }`);
    await second.waitFor(1);
    const overHttp = await app.gql(`{ leads { totalCount } }`, {}, { cookie: tenant.repCookie });
    for (const sub of [first, second]) expect(sub.results).toEqual([{ data: { leads: { totalCount: overHttp.data.leads.totalCount } } }]);

    const ws = await eventually(() => {
      const found = find('graphql_operation', (e) => e.transport === 'ws' && e.operationName === 'WsCount');
      return found.length === 2 ? found : undefined;
    });
    for (const line of ws) expect(line).toMatchObject({ operationType: 'query', operation: 'leads', outcome: 'success', tenantId: tenant.id, userId: tenant.rep.id });
    expect(ws[0].requestId).not.toBe(ws[1].requestId);
  });
});

describe('error serialization', () => {
  it('keeps the SQLSTATE and the statement shape of a database error but drops the row values', async () => {
    const failure = await app
      .em()
      .getConnection()
      .execute(`select ('hedwig.private@owl.example')::int as x where ? = 'Hedwig Owl'`, ['Hedwig Owl'])
      .catch((error: unknown) => error);
    expect(String((failure as Error).message)).toContain('hedwig.private@owl.example');

    const serialized = serializeError(failure) as Record<string, unknown>;
    const text = JSON.stringify(serialized);
    expect(text).not.toContain('hedwig');
    expect(text).not.toContain('Hedwig');
    expect(serialized.code).toBe('22P02');
    expect(serialized.message).toMatch(/^select \(\?\)::int as x where \? = \? - invalid input syntax for type integer/);
    expect(String(serialized.stack)).toContain('at ');
  });
});
