import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_LEAD, createProbe, createTestApp, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

const opsDir = path.resolve(import.meta.dirname, '..', '..', 'ops');
let app: TestApp;
let tenant: TestTenant;
const leadIds: string[] = [];

async function scrape(): Promise<string> {
  const res = await fetch(app.server.metricsUrl!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/plain/);
  return res.text();
}

/** The value of one sample; labels must match exactly the ones given (order-free), ignoring `service`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) if (key !== 'service') found[key] = value;
    if (Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/** Names a scrape can answer for: histograms also as _bucket, _sum and _count. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'offset', 'bool', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan']);

/** Metric names in a PromQL expression: identifiers that are neither functions, keywords, label names nor durations. */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/\$\w+/g, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  return [...stripped.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)\b(?!\s*\()/g)].map((m) => m[1]).filter((name) => !PROMQL_WORDS.has(name));
}

function alertExpressions(): string[] {
  const lines = readFileSync(path.join(opsDir, 'prometheus', 'alerts.yml'), 'utf8').split('\n');
  const exprs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)expr:\s*(.*)$/.exec(lines[i]);
    if (!match) continue;
    if (match[2] !== '|') {
      exprs.push(match[2]);
      continue;
    }
    const block: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].search(/\S/) > match[1].length)) block.push(lines[++i]);
    exprs.push(block.join('\n'));
  }
  return exprs;
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(readFileSync(path.join(opsDir, 'grafana', 'lead-scoring.json'), 'utf8'));
  return dashboard.panels.flatMap((panel: { targets?: Array<{ expr: string }> }) => (panel.targets ?? []).map((t) => t.expr));
}

beforeAll(async () => {
  app = await createTestApp({ metricsPort: 0 });
  tenant = await app.createTenant();
  for (const input of [leadInput(), leadInput({ budget: 'UNDER_10K', companySize: 'SIZE_1_10', industry: 'EDUCATION', urgency: 'NO_TIMELINE', source: 'EVENT' })]) {
    const res = await app.gql(CREATE_LEAD, { input }, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    leadIds.push(res.data.createLead.id);
  }
  const invalid = await app.gql(CREATE_LEAD, { input: leadInput({ email: 'nope' }) }, { cookie: tenant.repCookie });
  expect(invalid.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  await app.gql(`query Leads { leads(first: 5) { totalCount edges { node { id } } } }`, {}, { cookie: tenant.repCookie });
});
afterAll(() => app?.stop());

describe('metrics', () => {
  it('serves /metrics on its own loopback listener, not on the public port', async () => {
    expect(new URL(app.server.metricsUrl!).hostname).toBe('127.0.0.1');
    expect(new URL(app.server.metricsUrl!).port).not.toBe(new URL(app.url).port);
    const publicPort = await fetch(`${app.url}/metrics`);
    expect(await publicPort.text()).not.toContain('lead_scoring_');
    expect((await fetch(app.server.metricsUrl!.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('moves the business metrics on createLead', async () => {
    const text = await scrape();
    expect(sample(text, 'lead_scoring_leads_created_total', { tier: 'HOT', source: 'REFERRAL' })).toBe(1);
    expect(sample(text, 'lead_scoring_leads_created_total', { tier: 'COLD', source: 'EVENT' })).toBe(1);
    expect(sample(text, 'lead_scoring_leads_created_total', { tier: 'WARM', source: 'WEBSITE' })).toBe(0);
    expect(sample(text, 'lead_scoring_lead_score_count')).toBe(2);
    expect(sample(text, 'lead_scoring_lead_score_sum')).toBe(85 + 15);
    expect(sample(text, 'lead_scoring_lead_score_bucket', { le: '80' })).toBe(1);
    expect(sample(text, 'lead_scoring_key_accounts_created_total')).toBe(1);
    expect(sample(text, 'lead_scoring_scores_calculated_total', { reason: 'created' })).toBe(2);
    const last = sample(text, 'lead_scoring_last_lead_created_timestamp_seconds')!;
    expect(Math.abs(Date.now() / 1000 - last)).toBeLessThan(60);
  });

  it('times operations by type and root field and counts errors by code', async () => {
    const text = await scrape();
    expect(sample(text, 'lead_scoring_graphql_operation_duration_seconds_count', { type: 'mutation', operation: 'createLead' })).toBe(3);
    expect(sample(text, 'lead_scoring_graphql_operation_duration_seconds_count', { type: 'query', operation: 'leads' })).toBe(1);
    expect(sample(text, 'lead_scoring_graphql_operations_total', { type: 'mutation', operation: 'createLead', outcome: 'success' })).toBe(2);
    expect(sample(text, 'lead_scoring_graphql_operations_total', { type: 'mutation', operation: 'createLead', outcome: 'client_error' })).toBe(1);
    expect(sample(text, 'lead_scoring_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(sample(text, 'lead_scoring_http_requests_total', { route: 'graphql', status_class: '2xx' })).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'lead_scoring_db_query_duration_seconds_count', { statement: 'insert' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'lead_scoring_db_query_duration_seconds_count', { statement: 'select' })).toBeGreaterThan(0);
  });

  it('reports the database, the pool and the process', async () => {
    const text = await scrape();
    expect(sample(text, 'lead_scoring_database_up')).toBe(1);
    for (const state of ['used', 'idle', 'waiting']) expect(sample(text, 'lead_scoring_db_pool_connections', { state })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'lead_scoring_db_pool_connections', { state: 'idle' })! + sample(text, 'lead_scoring_db_pool_connections', { state: 'used' })!).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'lead_scoring_memory_limit_bytes')).toBeGreaterThan(sample(text, 'process_resident_memory_bytes')!);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'lead_scoring_environment_info', { environment: 'development' })).toBe(1);
  });

  it('counts live WebSocket connections and subscriptions', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const probe = await createProbe(app, tenant.repCookie);
    const sub = subscribe(client, `subscription { leadScored { lead { id } } }`, {}, probe);
    // the probe's event proves the subscription registered, not just the connection
    await sub.live(probe.touch, probe);
    let text = await scrape();
    expect(sample(text, 'lead_scoring_websocket_connections')).toBe(1);
    expect(sample(text, 'lead_scoring_websocket_subscriptions')).toBe(1);

    sub.unsubscribe();
    await client.dispose();
    await expect.poll(async () => sample(await scrape(), 'lead_scoring_websocket_connections'), { timeout: 3_000 }).toBe(0);
    text = await scrape();
    expect(sample(text, 'lead_scoring_websocket_subscriptions')).toBe(0);
    expect(sample(text, 'lead_scoring_graphql_operations_total', { type: 'subscription', operation: 'leadScored', outcome: 'success' })).toBe(1);
  });

  it('keeps label values bounded: no tenant, user or lead ids', async () => {
    const text = await scrape();
    for (const id of [tenant.id, tenant.rep.id, tenant.admin.id, ...leadIds]) expect(text).not.toContain(id);
    const labelKeys = new Set([...text.matchAll(/[{,](\w+)="/g)].map((m) => m[1]));
    for (const key of labelKeys) expect(['service', 'type', 'operation', 'outcome', 'code', 'route', 'status_class', 'statement', 'tier', 'source', 'industry', 'key_account', 'le', 'state', 'environment', 'reason', 'kind', 'space', 'version', 'major', 'minor', 'patch', 'quantile']).toContain(key);
  });

  it('exports every metric the dashboard and the alert rules query', async () => {
    const exported = exportedNames(await scrape());
    exported.add('up'); // written by Prometheus itself for each scrape target
    const queried = new Map<string, string>();
    for (const expr of [...alertExpressions(), ...dashboardExpressions()]) for (const name of metricNames(expr)) queried.set(name, expr);
    expect([...queried.keys()]).toEqual(expect.arrayContaining(['lead_scoring_leads_created_total', 'lead_scoring_lead_score_sum', 'lead_scoring_graphql_operation_duration_seconds_bucket', 'process_resident_memory_bytes', 'up']));
    expect(queried.size).toBeGreaterThan(15);
    const missing = [...queried].filter(([name]) => !exported.has(name)).map(([name, expr]) => `${name} (in ${expr.trim().split('\n')[0]})`);
    expect(missing).toEqual([]);
    expect(alertExpressions()).toHaveLength(11);
  });
});
