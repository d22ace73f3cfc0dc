// The dashboard's leadKpis on the bench's seeded tenant: gives the seeded leads a sales history
// (statuses, contact and close times, deals, owners; set-based and deterministic), then times the
// whole query through the app's HTTP API for several ranges, next to the floor: a bare count(*) of
// the same rows over a plain pg connection. Cold: without daily rollups, every lead read live (as a
// small tenant, or a filtered dashboard, is answered). Then the bench builds every rollup itself
// (timed), and times the ranges again, warm. Last, what the rollups' trigger costs a new lead.
//
//   npm run bench -- --only kpis                     100k leads
//   npm run bench -- --leads 1000000 --only kpis     1M leads
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormOptions } from '../server/src/db/orm.config.js';
import { TENANT_FILTER } from '../server/src/kernel/tenant-scope.js';
import { buildRollups } from '../server/src/modules/dashboard/dashboard.rollup.js';
import { log, within } from './processes.js';

export interface KpisBenchOptions {
  databaseUrl: string;
  /** the app's /graphql */
  appUrl: string;
  apiKey: string;
  tenantId: string;
  leads: number;
  /** timed runs per range, after one warm-up */
  runs?: number;
}

const QUERY = `query Kpis($range: DateRangeInput!) { leadKpis(range: $range) {
  leads keyAccounts averageScore leadsPerDay { day leads }
  conversion { winRate { n estimate lower upper } }
  byTier { tier timeToContact { n medianSeconds p90Seconds } velocity { medianSeconds } revenue { revenuePerLead } slaMissed { n successes } }
  byScoreBand { from conversion { winRate { estimate } } }
  keyAccountsVsRest { winRate { estimate lower upper } }
  bySource { source leads trend conversion { winRate { estimate } } }
  byIndustry { industry shareOfLeads { estimate } shareOfKeyAccounts { estimate } }
  scoreHistogram { from leads } falsePositives { keyAccountsMissedSla { n } } falseNegatives { wonWithLowScore { n } }
  percentiles rollupDays tookMs } }`;

// a uniform draw in [0, 1) per lead and purpose, from its id: the same history on every run
const draw = (salt: string) => `((hashtext(id::text || '${salt}')::bigint + 2147483648) / 4294967296.0)`;

/**
 * 85 % of leads contacted (exponential delays, faster for better tiers), a quarter of HOT and 2 %
 * of COLD leads won, about a third lost; closes within 40 days, nothing in the future.
 */
const HISTORY_SQL = `
  with drawn as (
    select id, tier, created_at, ${draw('contact')} as c, ${draw('delay')} as d, ${draw('outcome')} as o, ${draw('close')} as k, ${draw('deal')} as v, ${draw('owner')} as w
      from lead where tenant_id = $1
  ), planned as (
    select id, w, v, case when c < 0.85 then least(now(), created_at + (-ln(1 - d) * case tier when 'HOT' then 45 when 'KEY_ACCOUNT' then 120 when 'WARM' then 600 else 2000 end) * interval '1 minute') end as contacted_at,
           k, case when c >= 0.85 then 'NEW'
                   when o < case tier when 'HOT' then 0.25 when 'KEY_ACCOUNT' then 0.15 when 'WARM' then 0.06 else 0.02 end then 'WON'
                   when o > 0.65 then 'LOST' when o > 0.5 then 'QUALIFIED' else 'CONTACTED' end as status
      from drawn
  )
  update lead l set status = p.status, contacted_at = p.contacted_at,
         closed_at = case when p.status in ('WON', 'LOST') then least(now(), p.contacted_at + p.k * interval '40 days') end,
         deal_value = case when p.status = 'WON' then round((5000 + p.v * 95000)::numeric, 2) end,
         lost_reason = case when p.status = 'LOST' then 'NO_RESPONSE' end,
         owner_id = case when p.w < 0.7 then $2::uuid end, owner_name = case when p.w < 0.7 then 'Bench Admin' end
    from planned p where l.id = p.id`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the scenario and returns the lines of its report. */
export async function measureKpis({ databaseUrl, appUrl, apiKey, tenantId, leads, runs = 5 }: KpisBenchOptions): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    const { rows: [owner] } = await client.query(`select id from app_user where tenant_id = $1 limit 1`, [tenantId]);
    await client.query('set statement_timeout = 0');
    const updated = await client.query(HISTORY_SQL, [tenantId, owner.id]);
    // index-only scans need the visibility map the update cleared
    await client.query('vacuum analyze lead');
    log(`gave ${updated.rowCount?.toLocaleString('en')} leads a sales history in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const { rows: [span] } = await client.query(`select min(created_at) as first, max(created_at) as last from lead where tenant_id = $1`, [tenantId]);
    const to = new Date(new Date(span.last).getTime() + 1);
    const days = (n: number) => new Date(to.getTime() - n * 86_400_000);
    const ranges = [
      { name: 'last 7 days', from: days(7) },
      { name: 'last 30 days', from: days(30) },
      { name: 'every lead', from: new Date(span.first) },
    ];

    interface Timing {
      api: number;
      took: number;
      rollupDays: number;
      percentiles: string;
    }
    const time = async (from: Date, count: number, before?: () => Promise<unknown>): Promise<Timing> => {
      const apiTimes: number[] = [];
      const tookTimes: number[] = [];
      let last = { rollupDays: 0, percentiles: '' };
      for (let i = 0; i <= runs; i++) {
        await before?.();
        const t0 = performance.now();
        const res = await within(
          fetch(appUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
            body: JSON.stringify({ query: QUERY, variables: { range: { from: from.toISOString(), to: to.toISOString() } } }),
          }),
          60_000,
          'leadKpis',
        );
        const body = (await res.json()) as { data?: { leadKpis: { leads: number; tookMs: number; rollupDays: number; percentiles: string } }; errors?: unknown };
        if (!body.data) throw new Error(`leadKpis failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
        if (body.data.leadKpis.leads !== count) throw new Error(`leadKpis counts ${body.data.leadKpis.leads} leads, count(*) ${count}`);
        if (i > 0) {
          apiTimes.push(performance.now() - t0);
          tookTimes.push(body.data.leadKpis.tookMs);
        }
        last = body.data.leadKpis;
      }
      return { api: median(apiTimes), took: median(tookTimes), rollupDays: last.rollupDays, percentiles: last.percentiles };
    };

    // cold: no rollups, and the tenant not marked for them, so the app's job does not build them meanwhile
    const forget = () => client.query('delete from dashboard.lead_kpi_tenant where tenant_id = $1', [tenantId]);
    await client.query('delete from dashboard.lead_kpi_day where tenant_id = $1', [tenantId]);
    // the app's SLA sweep marks breached leads once a minute; its updates clear the visibility map again
    await client.query('vacuum analyze lead');
    const rows: Array<{ name: string; count: number; floor: number; cold: Timing; warm?: Timing }> = [];
    for (const range of ranges) {
      log(`timing leadKpis cold (no rollups), ${range.name} …`);
      const floorTimes: number[] = [];
      let count = 0;
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const { rows: counted } = await client.query('select count(*) as n from lead where tenant_id = $1 and created_at >= $2 and created_at < $3', [tenantId, range.from, to]);
        if (i > 0) floorTimes.push(performance.now() - t0);
        count = Number(counted[0].n);
      }
      const cold = await time(range.from, count, forget);
      // the minute's sweep may not build rollups in between: cold must be every lead read live
      if (cold.rollupDays !== 0) throw new Error(`the cold timing of ${range.name} used ${cold.rollupDays} days of rollups`);
      rows.push({ name: range.name, count, floor: median(floorTimes), cold });
    }

    log('building every daily rollup …');
    const orm = await MikroORM.init(ormOptions(databaseUrl, { connect: true, logger: () => {} }));
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId });
    const buildStarted = performance.now();
    const built = await buildRollups(em);
    const buildMs = performance.now() - buildStarted;
    await orm.close();
    await client.query('vacuum analyze dashboard.lead_kpi_day');
    await client.query('vacuum analyze lead');
    const { rows: [size] } = await client.query(
      `select count(*)::int as days, coalesce(sum(pg_column_size(doc)), 0)::bigint as doc_bytes, pg_total_relation_size('dashboard.lead_kpi_day') as table_bytes
         from dashboard.lead_kpi_day where tenant_id = $1`,
      [tenantId],
    );
    for (const row of rows) {
      log(`timing leadKpis warm (rollups built), ${row.name} …`);
      row.warm = await time(ranges.find((r) => r.name === row.name)!.from, row.count);
    }

    // a new lead's statement-level trigger: it finds nothing to mark (its day has not ended)
    const markedDays = async () => (await client.query('select count(*)::int as n from dashboard.lead_kpi_dirty where tenant_id = $1', [tenantId])).rows[0].n as number;
    await client.query('begin');
    const markedBefore = await markedDays();
    const triggerMs: number[] = [];
    for (let i = 0; i < 21; i++) {
      const { rows: plan } = await client.query(
        `explain (analyze, format json) insert into lead (id, tenant_id, name, company, budget, company_size, industry, urgency, source, score, tier, score_breakdown,
           model_version, created_by_kind, created_by_id, created_by_name, created_at, updated_at)
         values (gen_random_uuid(), $1, 'Bench Lead', 'Bench GmbH', 'OVER_100K', 'SIZE_51_200', 'SOFTWARE', 'THIS_WEEK', 'WEBSITE', 90, 'HOT', '[]', 1, 'USER', $2, 'Bench', now(), now())`,
        [tenantId, owner.id],
      );
      const trigger = (plan[0]['QUERY PLAN'][0].Triggers as Array<{ 'Trigger Name': string; Time: number }>).find((t) => t['Trigger Name'] === 'lead_kpi_dirty_insert');
      if (i > 0 && trigger) triggerMs.push(trigger.Time);
    }
    const newlyMarked = (await markedDays()) - markedBefore;
    await client.query('rollback');

    const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
    const lines = [`leadKpis — ${leads.toLocaleString('en')} leads in one tenant; median of ${runs} runs after a warm-up`, ''];
    lines.push(
      '| range | leads in range | floor: count(*) | cold: HTTP | cold: tookMs | warm: HTTP | warm: tookMs | warm: days from rollups | warm ÷ floor |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of rows) {
      const warm = row.warm!;
      lines.push(
        `| ${row.name} | ${row.count.toLocaleString('en')} | ${row.floor.toFixed(1)} ms | ${ms(row.cold.api)} | ${ms(row.cold.took)} | ${ms(warm.api)} | ${ms(warm.took)} | ${warm.rollupDays} (${warm.percentiles}) | ${(warm.api / row.floor).toFixed(1)}x |`,
      );
    }
    lines.push(
      '',
      `Rollups, built by the bench before the warm runs: ${built} UTC days in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / Math.max(built, 1)).toFixed(0)} ms a day);`,
      `dashboard.lead_kpi_day holds ${size.days} rows, ${(Number(size.doc_bytes) / 1024).toFixed(0)} kB of documents (${(Number(size.table_bytes) / 1024).toFixed(0)} kB with its index and TOAST).`,
      `A new lead's trigger (statement-level, lead_kpi_dirty_insert): median ${median(triggerMs).toFixed(3)} ms per insert (EXPLAIN ANALYZE of 20 inserts); days it marked: ${newlyMarked}.`,
      '',
      'Cold is every lead read live: the counts (hashed grouping sets) and the exact percentiles (percentile_cont) at once, each an index-only',
      'scan of lead_kpi_idx. Warm adds up the daily rollups of the settled UTC days and reads the rest (range edges, the days within the',
      'longest SLA) live; its percentiles come from merged histograms (within 0.5 %). The floor is one count(*) of the same rows.',
    );
    return lines;
  } finally {
    await client.end();
  }
}
