// Leads API benchmark: the app (the server as `npm start` builds and runs it) side by side with
// the floor (floor-server.ts: the plainest node:http + pg code doing the same work) and PostGraphile 5
// (a peer installed into bench/peers/), in one run, on one freshly seeded database.
//
//   npm run bench                                 100k leads, everything
//   npm run bench -- --leads 1000000 --only page  1M leads, the pages only
//   npm run bench -- --leads 1000000 --only kpis  1M leads, the dashboard's leadKpis (kpis.bench.ts)
//   npm run bench -- --leads 1000000 --only models  scoring models: impact preview, rescoring (models.bench.ts)
//   npm run bench -- --leads 1000000 --only decay   the nightly score decay beside one statement (decay.bench.ts)
//   options: --duration 10 --rounds 2 --connections 100 --create-connections 50 --only page,create,fanout,kpis,decay,models
//            --models-connections 10 --models-runs 5 --models-rescoring-seconds 0 (0: until every lead is rescored)
//            --fanout 1000x50,5000x10 --fanout-duration 10 --ramp 1,2,5,10,25,50,100,200,400,800 --ramp-sockets 100,1000
//            --ramp-duration 5 --subscriber-processes 2 --peer on|off
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createServer } from '../server/src/app.js';
import { SOCKET_LIMITS } from '../server/src/ws.js';
import { LIVE_SUBSCRIPTION, measureFanout, type FanoutResult, type FanoutTarget } from './fanout.js';
import { checkResponse, measure, runLoad, summarize, type RawRun, type Target } from './http-load.js';
import { ensurePeer, PEER_CURSOR_QUERY, PEER_PAGE_QUERY, startPeer, waitForPeer } from './postgraphile.js';
import { buildServer, cpuMs, freePort, log, productionNodeFlags, rssMb, sampleRss, startProcess, stopProcess, waitForHttp, within } from './processes.js';
import { benchDecay } from './decay.bench.js';
import { benchModels } from './models.bench.js';
import { measureKpis } from './kpis.bench.js';
import { fanoutTable, httpTable, memoryLines, type HttpScenarioResult, type Memory, type ServerName } from './report.js';
import { BENCH_WRITTEN_TABLES, seed } from './seed.js';

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '100' },
    'create-connections': { type: 'string', default: '50' },
    only: { type: 'string', default: 'page,create,fanout' },
    fanout: { type: 'string', default: '1000x50,5000x10' },
    'fanout-duration': { type: 'string', default: '10' },
    ramp: { type: 'string', default: '1,2,5,10,25,50,100,200,400,800' },
    'ramp-sockets': { type: 'string', default: '100,1000' },
    'ramp-duration': { type: 'string', default: '5' },
    'subscriber-processes': { type: 'string', default: '2' },
    peer: { type: 'string', default: 'on' },
    'models-connections': { type: 'string', default: '10' },
    'models-runs': { type: 'string', default: '5' },
    'models-rescoring-seconds': { type: 'string', default: '0' },
  },
});
const LEADS = Number(args.leads);
const DURATION = Number(args.duration);
/** Turns each server takes per scenario, DURATION / ROUNDS seconds each (see runScenario). */
const ROUNDS = Number(args.rounds);
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1)) throw new Error(`--rounds takes a whole number of at least 1, got "${args.rounds}"`);
const CONNECTIONS = Number(args.connections);
const CREATE_CONNECTIONS = Number(args['create-connections']);
const ONLY = new Set(args.only.split(','));
for (const part of ONLY) if (!['page', 'create', 'fanout', 'kpis', 'decay', 'models'].includes(part)) throw new Error(`--only takes page, create, fanout, kpis, decay and/or models, got "${part}"`);
const FANOUT = args.fanout.split(',').map((s) => {
  const [sockets, rate] = s.split('x').map(Number);
  if (!(sockets > 0 && rate > 0)) throw new Error(`--fanout takes SOCKETSxRATE pairs like 1000x50, got "${s}"`);
  return { sockets, rate };
});
const FANOUT_OPTIONS = {
  scenarios: FANOUT,
  duration: Number(args['fanout-duration']),
  rampSockets: args['ramp-sockets'].split(',').map(Number),
  rampRates: args.ramp.split(',').map(Number),
  rampDuration: Number(args['ramp-duration']),
  p99LimitMs: 100,
  processes: Number(args['subscriber-processes']),
};
/** Unmeasured seconds of each scenario per server before its measured run. */
const WARM_UP_SECONDS = 5;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** One field list for both GraphQL servers (PostGraphile's page asks for the same, see postgraphile.ts). */
const PAGE_QUERY = `query LeadsPage($after: String) { leads(first: 50, after: $after) {
  edges { cursor node { id name company industry budget companySize urgency source score tier createdAt } }
  pageInfo { hasNextPage endCursor } } }`;
const CREATE_MUTATION = `mutation CreateLead($input: CreateLeadInput!) { createLead(input: $input) { id score tier } }`;
const CREATE_INPUT = { name: 'Bench Lead', company: 'Bench GmbH', email: 'bench@bench.example', budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK', source: 'WEBSITE' };

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** SQL the app sends for one request, counted on an in-process instance: a client's first request (its key is verified) and the next. */
async function countStatements(databaseUrl: string, apiKey: string, query: string): Promise<{ first: string[]; next: string[] }> {
  const server = await createServer({ databaseUrl, port: 0, host: '127.0.0.1', logLevel: 'silent', production: true, seedDemo: false, metricsPort: null });
  await within(server.ready, 60_000, 'starting an in-process app');
  // the outbox consumers and jobs catch up right after start: let them, so only the request's statements are counted
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const knex = server.orm.em.getKnex();
  const record = async () => {
    const statements: string[] = [];
    const onQuery = (q: { sql: string }) => statements.push(q.sql.replace(/\s+/g, ' ').slice(0, 110));
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

const json = (body: unknown) => JSON.stringify(body);

async function main() {
  const database = `lse_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const databaseUrl = urlFor(database);
  const children: ChildProcess[] = [];
  const lines: string[] = [];
  const memory: Partial<Memory> = {};
  // other work on the machine skews every number: say how busy it was
  let maintenance: pg.Client | undefined;
  const startLoad = os.loadavg()[0].toFixed(1);
  try {
    log(`database ${database}; ${LEADS.toLocaleString('en')} leads; parts: ${[...ONLY].join(', ')}; ${os.cpus().length} cores, node ${process.version}`);
    const maxSockets = Math.max(...FANOUT.map((f) => f.sockets), ...FANOUT_OPTIONS.rampSockets);
    const perKey = SOCKET_LIMITS.socketsPerCredential;
    const readKeys = ONLY.has('fanout') ? FANOUT_OPTIONS.processes * Math.ceil(maxSockets / FANOUT_OPTIONS.processes / perKey) : 0;
    const seeded = await seed(databaseUrl, LEADS, readKeys);
    const auth = { authorization: `Bearer ${seeded.apiKey}` };
    // Before each measured run the database cleans up after the runs before it: the rows they wrote
    // are vacuumed (autovacuum is off for those tables, see seed.ts) and what they left dirty is
    // written out. Otherwise a vacuum or a checkpoint started by one server's writes slows whichever
    // server it overlaps. The checkpoint needs a superuser or pg_checkpoint; without, it is skipped.
    maintenance = new pg.Client({ connectionString: databaseUrl });
    await maintenance.connect();
    let canCheckpoint = true;
    const settle = async () => {
      await maintenance!.query(`vacuum (analyze) ${BENCH_WRITTEN_TABLES.join(', ')}`);
      if (canCheckpoint) await admin.query('checkpoint').catch(() => (canCheckpoint = false));
    };

    if (ONLY.has('page')) log('counting the SQL statements of a page …');
    const statements = ONLY.has('page') ? await countStatements(databaseUrl, seeded.apiKey, PAGE_QUERY) : undefined;
    const peerNode = ONLY.has('page') && args.peer !== 'off' ? await ensurePeer() : null;

    log('building the server …');
    const appEntry = buildServer();
    log('starting the servers …');
    const [appPort, floorPort, peerPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const app = startProcess(appEntry, { tsx: false, nodeFlags: productionNodeFlags(), env: { DATABASE_URL: databaseUrl, PORT: String(appPort), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', METRICS_PORT: '0' } });
    const floor = startProcess('bench/floor-server.ts', { env: { DATABASE_URL: databaseUrl, PORT: String(floorPort), TENANT_ID: seeded.tenantId } });
    const peer = peerNode ? startPeer(peerNode, databaseUrl, peerPort) : undefined;
    children.push(app, floor, ...(peer ? [peer] : []));
    const appUrl = `http://127.0.0.1:${appPort}/graphql`;
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${appPort}/readyz`, {}),
      waitForHttp(`${floorUrl}/page`, { method: 'POST', body: '{}' }),
      peer && waitForPeer(peerUrl),
    ]);
    await new Promise((r) => setTimeout(r, 1_000));
    memory.appIdle = rssMb(app.pid);

    const scenarios: HttpScenarioResult[] = [];
    if (ONLY.has('page')) {
      const peerCursor = peer
        ? (await checkResponse({ url: peerUrl, headers: {}, body: json({ query: PEER_CURSOR_QUERY, variables: { offset: seeded.deepOffset } }) }, 'PostGraphile cursor')).data.allBenchLeads.edges[0]
        : undefined;
      if (peerCursor && peerCursor.node.rowId !== seeded.deepId) throw new Error('PostGraphile orders the leads differently from the app');
      const pages = [
        { name: `first page (50, by score; ${CONNECTIONS} connections)`, after: undefined as string | undefined, peerAfter: undefined as string | undefined },
        { name: `deep page (after row ${seeded.deepOffset.toLocaleString('en')}; ${CONNECTIONS} connections)`, after: seeded.deepCursor, peerAfter: peerCursor?.cursor },
      ];
      const peaks: Partial<Record<ServerName, number>> = {};
      for (const page of pages) {
        const targets: Partial<Record<ServerName, Target>> = {
          floor: { url: `${floorUrl}/page`, headers: {}, body: json({ after: page.after }) },
          ...(peer && { PostGraphile: { url: peerUrl, headers: {}, body: json({ query: PEER_PAGE_QUERY, variables: { after: page.peerAfter } }) } }),
          app: { url: appUrl, headers: auth, body: json({ query: PAGE_QUERY, variables: { after: page.after } }) },
        };
        await runScenario(page.name, targets, CONNECTIONS, scenarios, { app: app.pid, floor: floor.pid, PostGraphile: peer?.pid }, peaks, (body) => body.data.leads.edges.map((e: any) => e.node.id).join(), settle);
      }
      [memory.appPageLoad, memory.floorPageLoad, memory.peerPageLoad] = [peaks.app, peaks.floor, peaks.PostGraphile];
    }
    if (ONLY.has('create')) {
      const targets: Partial<Record<ServerName, Target>> = {
        floor: { url: `${floorUrl}/create`, headers: {}, body: json(CREATE_INPUT) },
        floorAppWrites: { url: `${floorUrl}/create-outbox`, headers: {}, body: json(CREATE_INPUT) },
        app: { url: appUrl, headers: auth, body: json({ query: CREATE_MUTATION, variables: { input: CREATE_INPUT } }) },
      };
      const pids = { app: app.pid, floor: floor.pid, floorAppWrites: floor.pid };
      await runScenario(`createLead (${CREATE_CONNECTIONS} clients)`, targets, CREATE_CONNECTIONS, scenarios, pids, {}, (body) => String(body.data.createLead.score), settle);
    }
    let fanout: FanoutResult[] = [];
    if (ONLY.has('fanout')) {
      const create = async (url: string, headers: Record<string, string>, body: string, pick: (json: any) => string) => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`HTTP ${res.status} ${text.slice(0, 200)}`);
        return pick(JSON.parse(text));
      };
      const appBody = json({ query: CREATE_MUTATION, variables: { input: CREATE_INPUT } });
      const targets: FanoutTarget[] = [
        { kind: 'app', wsUrl: `ws://127.0.0.1:${appPort}/graphql`, keys: seeded.readKeys, perKey, pid: app.pid, create: () => create(appUrl, auth, appBody, (r) => r.data.createLead.id) },
        { kind: 'plain', wsUrl: `ws://127.0.0.1:${floorPort}/live`, keys: [], perKey, pid: floor.pid, create: () => create(`${floorUrl}/create`, {}, json(CREATE_INPUT), (r) => r.data.createLead.id) },
      ];
      log(`live fan-out: ${FANOUT.map((f) => `${f.sockets} sockets × ${f.rate} leads/s`).join(', ')}, ${FANOUT_OPTIONS.duration} s each; sockets in ${FANOUT_OPTIONS.processes} subscriber processes`);
      fanout = await measureFanout(targets, FANOUT_OPTIONS);
      memory.appLive = fanout.find((r) => r.kind === 'app')?.rssMb;
      memory.liveSockets = maxSockets;
    }

    // gives the leads a sales history, which the parts above do not expect
    const kpis = ONLY.has('kpis') ? await measureKpis({ databaseUrl, appUrl, apiKey: seeded.apiKey, tenantId: seeded.tenantId, leads: LEADS }) : [];
    // puts every score back as it found it
    const decay = ONLY.has('decay') ? await benchDecay({ databaseUrl, tenantId: seeded.tenantId, leads: LEADS }) : [];
    // last: publishing rescores every lead, so the rows the other parts compare change
    const models = ONLY.has('models')
      ? await benchModels({
          databaseUrl,
          appUrl,
          appPid: app.pid,
          tenantId: seeded.tenantId,
          admin: { email: 'bench@bench.example', password: 'bench' },
          page: { url: appUrl, headers: auth, body: json({ query: PAGE_QUERY }) },
          leads: LEADS,
          connections: Number(args['models-connections']),
          duration: DURATION,
          runs: Number(args['models-runs']),
          rescoringSeconds: Number(args['models-rescoring-seconds']),
        })
      : [];

    const load = `load average ${startLoad} at the start, ${os.loadavg()[0].toFixed(1)} at the end`;
    lines.push('', `Leads API benchmark — ${LEADS.toLocaleString('en')} leads, ${DURATION} s per server and scenario (${ROUNDS} turns of ${DURATION / ROUNDS} s, the servers taking turns), ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), node ${process.version}, ${load}`, '');
    if (scenarios.length) lines.push(...httpTable(scenarios), '');
    const [first, deep] = ONLY.has('page') ? scenarios.map((s) => s.results.app) : [];
    if (first && deep) lines.push(`deep page ÷ first page latency (app): p50 ${(deep.p50 / first.p50).toFixed(2)}x, p99 ${(deep.p99 / first.p99).toFixed(2)}x`, '');
    if (ONLY.has('create')) {
      lines.push(
        'createLead: the floor runs begin / insert / pg_notify / commit with the scoring model cached. The app also writes the lead’s score-ledger row',
        'and its outbox event (every column, numbered in commit order by a trigger that NOTIFYs): "floor writing the app’s rows" does that work in one',
        'statement, as the app does, with nothing else, to show what the database alone allows. PostGraphile is left out: its create mutation would',
        'store without scoring or notifying.',
        '',
      );
    }
    if (!peerNode && ONLY.has('page')) lines.push(`PostGraphile: not measured (${args.peer === 'off' ? '--peer off' : 'could not be installed, see above'}).`, '');
    if (fanout.length) lines.push(...fanoutTable(fanout, FANOUT_OPTIONS.p99LimitMs), '');
    if (kpis.length) lines.push(...kpis, '');
    if (decay.length) lines.push(...decay, '');
    if (models.length) lines.push(...models, '');
    lines.push(...memoryLines(memory));
    if (statements) {
      lines.push(`SQL statements per page: ${statements.next.length}; a client's first request adds ${statements.first.length - statements.next.length} to verify its API key`);
      for (const s of statements.first) lines.push(`  - ${s}…`);
    }
    lines.push(
      'The floor does two things beyond the plainest handler, because the app must too: it builds one cursor per row (the page answers edges { cursor }),',
      'and reads each live lead once per notice (a NOTIFY carries its id; the app reads its outbox row instead).',
    );
    if (peerNode) lines.push('PostGraphile reads one tenant through a view (bench_peer.bench_lead) and checks no credentials: less work than the app.');
    console.log(lines.join('\n'));
  } finally {
    await Promise.all(children.map(stopProcess));
    await maintenance?.end().catch(() => {});
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

/** Checks every server answers the same, warms each up, then measures them one after the other. */
async function runScenario(
  name: string,
  targets: Partial<Record<ServerName, Target>>,
  connections: number,
  into: HttpScenarioResult[],
  pids: Partial<Record<ServerName, number | undefined>>,
  peaks: Partial<Record<ServerName, number>>,
  fingerprint: (body: any) => string,
  settle: () => Promise<void>,
): Promise<void> {
  const entries = Object.entries(targets) as Array<[ServerName, Target]>;
  const answers = await Promise.all(entries.map(([server, target]) => checkResponse(target, `${server} ${name}`).then(fingerprint)));
  if (new Set(answers).size !== 1) throw new Error(`${name}: the servers answer differently (${entries.map(([s], i) => `${s}: ${answers[i].slice(0, 80)}`).join('; ')})`);
  // each server runs the scenario unmeasured first: a number should be its steady state, not how
  // fast V8 compiles a path it has not run yet (a fresh process serves its first creates at about
  // two thirds of the rate it settles at after some thousands)
  for (const [, target] of entries) await measure(target, connections, WARM_UP_SECONDS);
  log(`measuring ${name} …`);
  // the servers take turns, in ROUNDS short runs each, every other round in reverse order: the
  // machine's speed drifts over minutes, and one long run each would hand a slow spell to whichever
  // server it fell on
  const runs = new Map<ServerName, RawRun[]>();
  const cpu = new Map<ServerName, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [server, target] of round % 2 ? [...entries].reverse() : entries) {
      await settle();
      const stop = sampleRss(pids[server]);
      const cpuBefore = cpuMs(pids[server]);
      const run = await runLoad(target, connections, DURATION / ROUNDS);
      cpu.set(server, (cpu.get(server) ?? 0) + cpuMs(pids[server]) - cpuBefore);
      runs.set(server, [...(runs.get(server) ?? []), run]);
      peaks[server] = Math.max(peaks[server] ?? 0, stop());
    }
  }
  const scenario: HttpScenarioResult = { name, results: {} };
  for (const [server] of entries) {
    const result = summarize(runs.get(server)!);
    result.cpuMsPerRequest = cpu.get(server)! / result.requests;
    scenario.results[server] = result;
  }
  into.push(scenario);
}

await main();
