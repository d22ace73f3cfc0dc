// Leads API benchmark: the full stack (Apollo Server 5 + type-graphql + MikroORM, started by the
// real server/src/main.ts in production mode) side by side with a bare node:http + pg baseline
// running the same SQL, in one run, on one freshly seeded database.
//
//   npm run bench                        100k leads, 10 s per measurement
//   npm run bench -- --leads 1000000     1M leads
//   options: --duration 10 --connections 100 --create-connections 50
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createServer } from '../server/src/app.js';
import { migrate } from '../server/src/db/migrate.js';
import { ormOptions } from '../server/src/db/orm.config.js';
import { demoLeads } from '../server/src/db/seed.js';
import { ApiKeyScope, PrincipalKind } from '../server/src/modules/auth/auth.enums.js';
import { AuthService } from '../server/src/modules/auth/auth.service.js';
import { encodeCursor } from '../server/src/modules/leads/lead.cursor.js';
import { LeadOrder } from '../server/src/modules/leads/lead.types.js';
import { createTenant } from '../server/src/modules/tenants/tenant.service.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '100' },
    'create-connections': { type: 'string', default: '50' },
  },
});
const LEADS = Number(args.leads);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const CREATE_CONNECTIONS = Number(args['create-connections']);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PAGE_QUERY = `query LeadsPage($after: String) { leads(first: 50, after: $after) {
  edges { cursor node { id name company industry budget companySize urgency source score tier isKeyAccount createdAt } }
  pageInfo { hasNextPage endCursor } } }`;
const CREATE_MUTATION = `mutation CreateLead($input: CreateLeadInput!) { createLead(input: $input) { id score tier } }`;
const CREATE_INPUT = { name: 'Bench Lead', company: 'Bench GmbH', email: 'bench@bench.example', budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK', source: 'WEBSITE' };

const log = (message: string) => console.log(`[bench] ${message}`);

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, init: RequestInit, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, init);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'server', 'tsconfig.json'), ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code) => code && code !== 0 && code !== 143 && log(`${path.basename(script)} exited with ${code}`));
  return child;
}

async function seed(databaseUrl: string) {
  const orm = await MikroORM.init(ormOptions(databaseUrl, { connect: true, logger: () => {} }));
  await migrate(orm, databaseUrl);
  const { tenant, admin } = await createTenant(orm.em.fork(), { name: 'Bench AG', adminEmail: 'bench@bench.example', adminName: 'Bench Admin', adminPassword: 'bench' });
  const em = orm.em.fork();
  em.setFilterParams('tenant', { tenantId: tenant.id });
  const { secret } = await new AuthService(em).createApiKey({ kind: PrincipalKind.USER, id: admin.id, name: admin.name, tenantId: tenant.id }, 'bench', ApiKeyScope.WRITE);
  await orm.close();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const BATCH = 10_000;
  for (let offset = 0; offset < LEADS; offset += BATCH) {
    const rows = demoLeads(Math.min(BATCH, LEADS - offset), offset + 7);
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    await client.query(
      `insert into lead (id, tenant_id, name, company, email, phone, budget, company_size, industry, urgency, source, score, tier, score_breakdown,
         model_version, created_by_kind, created_by_id, created_by_name, created_at, updated_at)
       select gen_random_uuid(), $1, u.name, u.company, u.email, u.phone, u.budget, u.company_size, u.industry, u.urgency, u.source, u.score, u.tier,
         u.breakdown::jsonb, 1, 'USER', $2, 'Bench Admin', u.created_at, u.created_at
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::timestamptz[])
         as u(name, company, email, phone, budget, company_size, industry, urgency, source, score, tier, breakdown, created_at)`,
      [
        tenant.id, admin.id,
        column((r) => r.name), column((r) => r.company), column((r) => r.email), column((r) => r.phone), column((r) => r.budget),
        column((r) => r.companySize), column((r) => r.industry), column((r) => r.urgency), column((r) => r.source), column((r) => r.score),
        column((r) => r.tier), column((r) => JSON.stringify(r.scoreBreakdown)), column((r) => r.createdAt),
      ],
    );
  }
  await client.query('analyze lead');
  log(`seeded ${LEADS.toLocaleString('en')} leads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const middle = await client.query(
    `select id, score, created_at from lead where tenant_id = $1 order by score desc, created_at desc, id desc offset $2 limit 1`,
    [tenant.id, Math.floor(LEADS / 2)],
  );
  await client.end();
  const row = middle.rows[0];
  const deepCursor = encodeCursor(LeadOrder.SCORE_DESC, { score: row.score, createdAt: new Date(row.created_at), id: row.id });
  return { tenantId: tenant.id, apiKey: secret, deepCursor };
}

/**
 * SQL statements the app sends for a request, counted on an in-process instance of the same app:
 * the first request of a client (its API key is verified) and the next one (the key is known).
 */
async function countStatements(databaseUrl: string, apiKey: string, query: string): Promise<{ first: string[]; next: string[] }> {
  const server = await createServer({ databaseUrl, port: 0, host: '127.0.0.1', logLevel: 'silent', production: true, seedDemo: false, metricsPort: null });
  await server.ready;
  const knex = server.orm.em.getKnex();
  const record = async () => {
    const statements: string[] = [];
    const onQuery = (q: { sql: string }) => statements.push(q.sql.replace(/\s+/g, ' ').slice(0, 90));
    knex.on('query', onQuery);
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query }) });
    knex.removeListener('query', onQuery);
    return statements;
  };
  const first = await record();
  const next = await record();
  await server.stop();
  return { first, next };
}

interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(url: string, body: string, connections: number, headers: Record<string, string>, duration = DURATION): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, method: 'POST', connections, duration, headers: { 'content-type': 'application/json', ...headers }, body });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode !== 200) errors++;
    latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.non2xx,
    requests: result.requests.total,
  };
}

async function checkResponse(url: string, body: string, headers: Record<string, string>, label: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = (await res.json()) as any;
  if (res.status !== 200 || json.errors) throw new Error(`${label}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json as any;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

async function main() {
  const database = `lse_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const databaseUrl = urlFor(database);
  const children: ChildProcess[] = [];
  try {
    log(`database ${database}; ${LEADS.toLocaleString('en')} leads; ${DURATION} s per run; ${CONNECTIONS} connections for reads, ${CREATE_CONNECTIONS} for createLead`);
    const { tenantId, apiKey, deepCursor } = await seed(databaseUrl);
    const auth = { authorization: `Bearer ${apiKey}` };

    const firstPageStatements = await countStatements(databaseUrl, apiKey, PAGE_QUERY.replace('($after: String)', '').replace(', after: $after', ''));
    const withCount = await countStatements(databaseUrl, apiKey, `{ leads(first: 50) { totalCount edges { node { id } } } }`);

    const [appPort, basePort] = await Promise.all([freePort(), freePort()]);
    children.push(startProcess('server/src/main.ts', { DATABASE_URL: databaseUrl, PORT: String(appPort), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', METRICS_PORT: '0' }));
    children.push(startProcess('bench/baseline-server.ts', { DATABASE_URL: databaseUrl, PORT: String(basePort), TENANT_ID: tenantId }));
    const appUrl = `http://127.0.0.1:${appPort}/graphql`;
    const base = `http://127.0.0.1:${basePort}`;
    await Promise.all([waitForHttp(`http://127.0.0.1:${appPort}/readyz`, {}), waitForHttp(`${base}/page`, { method: 'POST', body: '{}' })]);

    const scenarios = [
      { name: 'leads first page (50, SCORE_DESC)', connections: CONNECTIONS, app: { query: PAGE_QUERY, variables: {} }, base: { path: '/page', body: {} } },
      { name: `leads deep page (after row ${Math.floor(LEADS / 2).toLocaleString('en')})`, connections: CONNECTIONS, app: { query: PAGE_QUERY, variables: { after: deepCursor } }, base: { path: '/page', body: { after: deepCursor } } },
      { name: `createLead (${CREATE_CONNECTIONS} clients)`, connections: CREATE_CONNECTIONS, app: { query: CREATE_MUTATION, variables: { input: CREATE_INPUT } }, base: { path: '/create', body: CREATE_INPUT } },
    ];

    const results: Array<{ name: string; app: Measurement; base: Measurement }> = [];
    for (const scenario of scenarios) {
      const appBody = JSON.stringify(scenario.app);
      const baseBody = JSON.stringify(scenario.base.body);
      // both must answer correctly before they are timed
      const appJson = await checkResponse(appUrl, appBody, auth, `app ${scenario.name}`);
      const baseJson = await checkResponse(`${base}${scenario.base.path}`, baseBody, {}, `baseline ${scenario.name}`);
      if (appJson.data.leads && appJson.data.leads.edges[0].node.id !== baseJson.data.leads.edges[0].node.id) {
        throw new Error(`${scenario.name}: app and baseline return different first rows`);
      }
      // warm up both (JIT, pools, plan cache)
      await measure(`${base}${scenario.base.path}`, baseBody, scenario.connections, {}, 2);
      await measure(appUrl, appBody, scenario.connections, auth, 2);
      log(`measuring ${scenario.name} …`);
      const baseResult = await measure(`${base}${scenario.base.path}`, baseBody, scenario.connections, {});
      const appResult = await measure(appUrl, appBody, scenario.connections, auth);
      results.push({ name: scenario.name, app: appResult, base: baseResult });
    }

    console.log('');
    console.log(`Leads API benchmark — ${LEADS.toLocaleString('en')} leads, ${DURATION} s per run, node ${process.version}`);
    console.log('| scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors | app/baseline req/s |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(`| ${r.name} | baseline (node:http + pg) | ${fmt(r.base.rps, 0)} | ${fmt(r.base.p50)} | ${fmt(r.base.p95)} | ${fmt(r.base.p99)} | ${r.base.errors} | |`);
      console.log(`| ${r.name} | app (Apollo + type-graphql + MikroORM) | ${fmt(r.app.rps, 0)} | ${fmt(r.app.p50)} | ${fmt(r.app.p95)} | ${fmt(r.app.p99)} | ${r.app.errors} | ${fmt(r.app.rps / r.base.rps, 2)}x |`);
    }
    const [first, deep] = results;
    console.log('');
    console.log(`deep page / first page latency (app, p50): ${fmt(deep.app.p50 / first.app.p50, 2)}x; p99: ${fmt(deep.app.p99 / first.app.p99, 2)}x`);
    console.log(`SQL statements per page: ${firstPageStatements.next.length} (${withCount.next.length} with totalCount); a client's first request adds ${firstPageStatements.first.length - firstPageStatements.next.length} to verify its API key`);
    for (const s of firstPageStatements.first) console.log(`  - ${s}…`);
    console.log('targets: first page ≥ 0.30x baseline req/s and p99 ≤ 50 ms at 100 connections; deep page ≤ 1.5x first page latency');
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

await main();
