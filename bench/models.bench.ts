// Scoring models benchmark (`npm run bench -- --only models`, at --leads N): the impact preview of a
// draft against every lead of the tenant, beside its floor (the bare aggregate over the same rows
// without computing a new score), and the rescoring after a publish: its rate, and the leads page's
// latency before and while it runs. Runs against the app the runner started (server/src/main.ts).
import { MikroORM } from '@mikro-orm/postgresql';
import autocannon from 'autocannon';
import { ormOptions } from '../server/src/db/orm.config.js';
import { TENANT_FILTER } from '../server/src/kernel/tenant-scope.js';
import { impactFloorSql, impactSql } from '../server/src/modules/scoring/impact.js';
import { draftInputOf } from '../server/src/modules/scoring/scoring.validation.js';
import type { ScoringModelDefinition } from '../server/src/modules/scoring/scoring.model.js';
import { percentile, type Target } from './http-load.js';
import { cpuMs, log, now, waitIdle } from './processes.js';

export interface ModelsBenchOptions {
  databaseUrl: string;
  /** the app's /graphql */
  appUrl: string;
  appPid?: number;
  tenantId: string;
  admin: { email: string; password: string };
  /** the leads page, as a load generator sends it */
  page: Target;
  leads: number;
  /** concurrent page clients: a steady load, below saturation, so latency shows interference rather than queueing */
  connections: number;
  /** seconds of idle page load */
  duration: number;
  /** runs of each impact statement */
  runs: number;
  /** measure the rescoring for at most this many seconds (0: until it is done); its rate then comes from its progress */
  rescoringSeconds: number;
}

/** The seed's own example: "Budget 40 %, Size 20 %" and "Immediately = 25 points". */
const DRAFT: ScoringModelDefinition = {
  criteria: {
    BUDGET: { UNDER_10K: 5, FROM_10K_TO_50K: 20, FROM_50K_TO_100K: 30, OVER_100K: 40 },
    COMPANY_SIZE: { SIZE_1_10: 0, SIZE_11_50: 5, SIZE_51_200: 10, SIZE_201_1000: 15, SIZE_OVER_1000: 20 },
    INDUSTRY: { SOFTWARE: 15, FINANCE: 15, MANUFACTURING: 10, HEALTHCARE: 10, RETAIL: 5, EDUCATION: 0, OTHER: 0 },
    URGENCY: { IMMEDIATELY: 25, THIS_WEEK: 15, THIS_MONTH: 10, THIS_QUARTER: 5, NO_TIMELINE: 0 },
  },
  tiers: { HOT: 85, KEY_ACCOUNT: 70, WARM: 40 },
};

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '—');
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

async function gql(url: string, query: string, variables: Record<string, unknown>, cookie?: string): Promise<{ data: any; cookie?: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return { data: body.data, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

/** Closed-loop page load until `stop` resolves (or `seconds` pass); latencies of every answer. */
async function pageLoad(target: Target, connections: number, seconds: number, stop?: Promise<unknown>) {
  const latencies: number[] = [];
  let errors = 0;
  const started = now();
  const instance = autocannon({ url: target.url, method: 'POST', connections, duration: seconds, headers: { 'content-type': 'application/json', ...target.headers }, body: target.body });
  instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status !== 200) errors++;
    latencies.push(time);
  });
  // the instance is an EventEmitter too, with stop()
  void stop?.then(() => (instance as unknown as { stop(): void }).stop());
  await instance;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length, errors, seconds: (now() - started) / 1000 };
}

export async function benchModels(options: ModelsBenchOptions): Promise<string[]> {
  const { appUrl } = options;
  const { cookie } = await gql(appUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: options.admin.email, p: options.admin.password });
  const draft = (await gql(appUrl, `mutation($input: ScoringModelDraftInput!) { saveScoringModelDraft(input: $input) { id version } }`, { input: { ...draftInputOf(DRAFT), comment: 'bench' } }, cookie)).data
    .saveScoringModelDraft;

  // the impact preview: through the API (end to end, and the statement's own time), and its statement and floor straight on PostgreSQL
  log(`impact preview of version ${draft.version} against ${options.leads.toLocaleString('en')} leads …`);
  const orm = await MikroORM.init(ormOptions(options.databaseUrl, { logger: () => {} }));
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: options.tenantId });
  const timed = async (run: () => Promise<unknown>) => {
    const start = now();
    await run();
    return now() - start;
  };
  const connection = em.getConnection();
  const full = impactSql(DRAFT, em);
  const floor = impactFloorSql(em);
  const api: number[] = [];
  const apiStatement: number[] = [];
  const sqlFull: number[] = [];
  const sqlFloor: number[] = [];
  let impact: any;
  for (let run = 0; run <= options.runs; run++) {
    // the first round warms caches and plans and is not counted
    const apiMs = await timed(async () => {
      impact = (await gql(appUrl, `query($id: ID!) { scoringModelImpact(id: $id) { leads changedScores changedTiers newKeyAccounts lostKeyAccounts tookMs } }`, { id: draft.id }, cookie)).data
        .scoringModelImpact;
    });
    const fullMs = await timed(() => connection.execute(full.sql, full.params));
    const floorMs = await timed(() => connection.execute(floor.sql, floor.params));
    if (run === 0) continue;
    api.push(apiMs);
    apiStatement.push(impact.tookMs);
    sqlFull.push(fullMs);
    sqlFloor.push(floorMs);
  }
  // what a publish (and an experiment's stop) adds to its transaction before it answers: counting
  // the leads its rescoring job will take (queueRescoring), the floor of that request
  const countMs: number[] = [];
  for (let run = 0; run <= options.runs; run++) {
    const took = await timed(() => connection.execute('select count(*) from lead where tenant_id = ? and model_version <> ?', [options.tenantId, draft.version]));
    if (run > 0) countMs.push(took);
  }
  await orm.close(true);

  // the page, idle and while every lead is rescored
  log(`leads page at ${options.connections} connections, idle (${options.duration} s) …`);
  await waitIdle([options.appPid]);
  const idle = await pageLoad(options.page, options.connections, options.duration);
  log('publishing; the page again while the rescoring runs …');
  const cpuBefore = cpuMs(options.appPid);
  let job: { id: string; total: number } = { id: '', total: 0 };
  const publishMs = await timed(async () => {
    job = (await gql(appUrl, `mutation($id: ID!) { publishScoringModel(id: $id) { id total } }`, { id: draft.id }, cookie)).data.publishScoringModel;
  });
  const jobState = async () =>
    (await gql(appUrl, `query($id: ID!) { rescoringJob(id: $id) { state done total startedAt finishedAt error } }`, { id: job.id }, cookie)).data.rescoringJob;
  const limit = options.rescoringSeconds > 0 ? options.rescoringSeconds * 1000 : Infinity;
  const publishedAt = now();
  const ended = (async () => {
    for (;;) {
      const state = await jobState();
      if (state.state === 'DONE' || state.state === 'FAILED' || now() - publishedAt > limit) return state;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  // page load until the job ends (or the limit): every request of it ran while leads were rescored
  const during = await pageLoad(options.page, options.connections, 3_600, ended);
  const seen = await ended;
  const appCpuMs = cpuMs(options.appPid) - cpuBefore;
  const done = seen.state === 'DONE' || seen.state === 'FAILED' ? seen : await jobState();
  if (done.state === 'FAILED') throw new Error(`the rescoring failed: ${done.error}`);
  const finishedAt = done.finishedAt ? Date.parse(done.finishedAt) : Date.now();
  const jobSeconds = (finishedAt - Date.parse(done.startedAt)) / 1000;
  const measured = done.state === 'DONE' ? `${done.total.toLocaleString('en')} leads in ${jobSeconds.toFixed(1)} s` : `${done.done.toLocaleString('en')} of ${done.total.toLocaleString('en')} leads in the first ${jobSeconds.toFixed(1)} s`;

  return [
    `Scoring models — ${options.leads.toLocaleString('en')} leads of one tenant; draft: "Budget 40 %, Size 20 %, Immediately 25" (${impact.changedScores.toLocaleString('en')} scores and ${impact.changedTiers.toLocaleString('en')} tiers change, ${impact.newKeyAccounts} new / ${impact.lostKeyAccounts} lost key accounts)`,
    '',
    `| impact preview (median of ${options.runs}) | ms |`,
    '|---|---:|',
    `| floor: the bare aggregate (tier × score bin, count, sum) over the tenant's leads, no new score | ${ms(median(sqlFloor))} |`,
    `| impact statement on PostgreSQL (groups, new score by jsonb lookup, matrix, histogram, averages, examples) | ${ms(median(sqlFull))} |`,
    `| scoringModelImpact: its statement as the app timed it (tookMs) | ${ms(median(apiStatement))} |`,
    `| scoringModelImpact over HTTP, end to end | ${ms(median(api))} |`,
    '',
    '| publishing (its transaction counts the leads to rescore and queues the job; stopping an experiment does the same) | ms |',
    '|---|---:|',
    `| floor: the count alone on PostgreSQL (median of ${options.runs}) | ${ms(median(countMs))} |`,
    `| publishScoringModel over HTTP, end to end (once) | ${ms(publishMs)} |`,
    '',
    `| leads page (first 50 by score, ${options.connections} connections) | req/s | p50 ms | p99 ms | errors |`,
    '|---|---:|---:|---:|---:|',
    `| idle | ${Math.round(idle.requests / idle.seconds).toLocaleString('en')} | ${ms(idle.p50)} | ${ms(idle.p99)} | ${idle.errors} |`,
    `| during the rescoring | ${Math.round(during.requests / during.seconds).toLocaleString('en')} | ${ms(during.p50)} | ${ms(during.p99)} | ${during.errors} |`,
    '',
    `rescoring: ${measured} = ${Math.round(done.done / jobSeconds).toLocaleString('en')} leads/s (batches of 2,000, each followed by a pause half as long as it took); ` +
      `page p99 during ÷ idle: ${(during.p99 / idle.p99).toFixed(2)}x; app CPU during the job and its page load: ${(appCpuMs / 1000).toFixed(1)} s`,
  ];
}
