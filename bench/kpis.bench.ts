// The dashboard's leadKpis on the bench's seeded tenant: gives the seeded leads a sales history
// (statuses, contact and close times, deals, owners; set-based and deterministic), then times the
// whole query through the app's HTTP API for several ranges, next to the floor: a bare count(*) of
// the same rows over a plain pg connection.
//
//   npm run bench -- --only kpis                     100k leads
//   npm run bench -- --leads 1000000 --only kpis     1M leads
import pg from 'pg';
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
  tookMs } }`;

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

    const lines = [`leadKpis — ${leads.toLocaleString('en')} leads in one tenant; median of ${runs} runs after a warm-up (ms)`, ''];
    lines.push('| range | leads in range | floor: count(*) | leadKpis over HTTP | its statements (tookMs) | leadKpis ÷ floor |', '|---|---:|---:|---:|---:|---:|');
    for (const range of ranges) {
      log(`timing leadKpis, ${range.name} …`);
      const floorTimes: number[] = [];
      let count = 0;
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const { rows } = await client.query('select count(*) as n from lead where tenant_id = $1 and created_at >= $2 and created_at < $3', [tenantId, range.from, to]);
        if (i > 0) floorTimes.push(performance.now() - t0);
        count = Number(rows[0].n);
      }
      const apiTimes: number[] = [];
      const tookTimes: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const res = await within(
          fetch(appUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
            body: JSON.stringify({ query: QUERY, variables: { range: { from: range.from.toISOString(), to: to.toISOString() } } }),
          }),
          60_000,
          'leadKpis',
        );
        const body = (await res.json()) as { data?: { leadKpis: { leads: number; tookMs: number } }; errors?: unknown };
        if (!body.data) throw new Error(`leadKpis failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
        if (body.data.leadKpis.leads !== count) throw new Error(`leadKpis counts ${body.data.leadKpis.leads} leads, count(*) ${count}`);
        if (i > 0) {
          apiTimes.push(performance.now() - t0);
          tookTimes.push(body.data.leadKpis.tookMs);
        }
      }
      const floor = median(floorTimes);
      const api = median(apiTimes);
      lines.push(`| ${range.name} | ${count.toLocaleString('en')} | ${floor.toFixed(1)} | ${api.toFixed(1)} | ${median(tookTimes).toFixed(0)} | ${(api / floor).toFixed(1)}x |`);
    }
    lines.push(
      '',
      'leadKpis runs two statements at once (counts: hashed grouping sets by tier, score bin, source, industry, status and SLA state, and by day;',
      'durations: percentile_cont per tier and overall), each an index-only scan of lead_kpi_idx (tenant_id, created_at) INCLUDE (the columns',
      'they read). The floor is one count(*) of the same rows (PostgreSQL may scan it with parallel workers).',
    );
    return lines;
  } finally {
    await client.end();
  }
}
