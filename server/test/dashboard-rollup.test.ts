import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiAccumulator, HISTOGRAM_RELATIVE_ERROR, bucketSeconds, histogramQuantiles } from '../src/modules/dashboard/dashboard.partials.js';
import { liveIntervals, quarterDays, wholeDays } from '../src/modules/dashboard/dashboard.plan.js';
import { buildDay, buildRollups, ROLLUP_MIN_LEADS, wantRollups } from '../src/modules/dashboard/dashboard.rollup.js';
import { KPI_ROLLUP_JOB, KPI_ROLLUP_SWEEP_JOB } from '../src/modules/dashboard/dashboard.rollup.job.js';
import { DURATION_GAMMA, NEGATIVE_DURATION_BUCKETS, ZERO_DURATION_BUCKET } from '../src/modules/dashboard/dashboard.sql.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';

/**
 * The daily rollups of leadKpis against the live path on the same fixed leads: a few hundred
 * pseudo-random leads (a fixed seed) on days in March and April 2026, long settled. The live
 * reference is the same query with a filter naming every source: filtered answers never use
 * rollups, so it reads every lead live with exact percentiles.
 */

const KPIS = /* GraphQL */ `
  query Kpis($range: DateRangeInput!, $filter: KpiFilter) {
    leadKpis(range: $range, filter: $filter) {
      from to timeZone leads keyAccounts hot averageScore percentiles rollupDays tookMs
      byStatus { status leads }
      leadsPerDay { day leads keyAccounts }
      conversion { ...Conversion }
      byTier { tier leads conversion { ...Conversion } timeToContact { ...Duration } velocity { ...Duration } revenue { ...Revenue } slaMissed { ...Rate } }
      byScoreBand { from to conversion { ...Conversion } }
      keyAccountsVsRest { winRate { estimate lower upper } leadRate { estimate lower upper } }
      timeToContact { ...Duration }
      velocity { ...Duration }
      revenue { ...Revenue }
      bySource { source leads averageScore keyAccountShare { ...Rate } conversion { ...Conversion } revenue { ...Revenue } trend }
      trendBucketDays
      byIndustry { industry leads keyAccounts averageScore shareOfLeads { ...Rate } shareOfKeyAccounts { ...Rate } conversion { ...Conversion } revenue { ...Revenue } }
      scoreHistogram { from to leads keyAccounts }
      falsePositives { keyAccountsMissedSla { ...Rate } tooHighRatings { ...Rate } }
      falseNegatives { wonWithLowScore { ...Rate } tooLowRatings { ...Rate } }
    }
  }
  fragment Rate on KpiRate { successes n estimate lower upper enoughData }
  fragment Conversion on KpiConversion { leads won lost open winRate { ...Rate } leadRate { ...Rate } }
  fragment Duration on KpiDuration { n medianSeconds p90Seconds enoughData }
  fragment Revenue on KpiRevenue { total deals averageDealSize revenuePerLead }
`;

const SOURCES = ['WEBSITE', 'REFERRAL', 'EVENT', 'OUTBOUND', 'PARTNER', 'ADVERTISING', 'OTHER'];
const INDUSTRIES = ['SOFTWARE', 'FINANCE', 'MANUFACTURING', 'HEALTHCARE', 'RETAIL', 'EDUCATION', 'OTHER'];
const EVERY_SOURCE = { sources: SOURCES };
const MINUTE = 60_000;
const DAY = 86_400_000;
// 20 March to 4 April 2026: across Berlin's change to summer time (29 March)
const FIRST_DAY = Date.parse('2026-03-20T00:00:00Z');
const DAYS = 16;
const RANGE = { from: '2026-03-20T09:30:00.000Z', to: '2026-04-04T17:45:00.000Z' };

/** A small deterministic generator (mulberry32), so every run sees the same leads. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function leadRows(tenantId: string, userId: string, count: number, seed: number) {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  return Array.from({ length: count }, () => {
    const score = Math.floor(next() * 101);
    const tier = score >= 85 ? 'HOT' : score >= 70 ? 'KEY_ACCOUNT' : score >= 40 ? 'WARM' : 'COLD';
    const created = new Date(FIRST_DAY + Math.floor(next() * DAYS * DAY));
    const u = next();
    const status = u < 0.15 ? 'NEW' : u < 0.35 ? 'CONTACTED' : u < 0.5 ? 'QUALIFIED' : u < 0.75 ? 'WON' : 'LOST';
    // some contacted at the very instant of creation: the histograms' bucket of 0 s
    const contactedAfter = status === 'NEW' ? null : next() < 0.05 ? 0 : Math.floor(next() * next() * 3000 * MINUTE) + 1;
    const closed = status === 'WON' || status === 'LOST' ? new Date(created.getTime() + (contactedAfter ?? 0) + Math.floor(next() * 40 * DAY)) : null;
    return {
      id: randomUUID(), tenant_id: tenantId, name: 'Lead', company: 'Company', budget: 'OVER_100K', company_size: 'SIZE_51_200',
      industry: pick(INDUSTRIES), urgency: 'THIS_WEEK', source: pick(SOURCES), score, tier, score_breakdown: '[]', model_version: 1,
      created_by_kind: 'USER', created_by_id: userId, created_by_name: 'Test', created_at: created, updated_at: created, status,
      owner_id: null, owner_name: null, contacted_at: contactedAfter == null ? null : new Date(created.getTime() + contactedAfter),
      closed_at: closed, deal_value: status === 'WON' ? Math.round(next() * 10_000_000) / 100 : null, lost_reason: status === 'LOST' ? 'NO_NEED' : null,
    };
  });
}

let app: TestApp;
let tenant: TestTenant;
let other: TestTenant;
let db: pg.Client;

async function kpis(variables: Record<string, unknown>, cookie = tenant.adminCookie) {
  const res = await app.gql(KPIS, variables, { cookie });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.leadKpis;
}

async function build(tenantId = tenant.id): Promise<number> {
  return buildRollups(app.em(tenantId));
}

const durationsOf = (k: any) => [
  ['all ttc', k.timeToContact], ['all vel', k.velocity],
  ...k.byTier.flatMap((t: any) => [[`${t.tier} ttc`, t.timeToContact], [`${t.tier} vel`, t.velocity]]),
] as Array<[string, { n: number; medianSeconds: number | null; p90Seconds: number | null }]>;

/** Every number identical but the percentiles, which are within the histograms' stated error. */
function expectSameAnswer(rolled: any, live: any) {
  const strip = ({ tookMs: _t, percentiles: _p, rollupDays: _r, timeToContact: _c, velocity: _v, byTier, ...rest }: any) => ({
    ...rest,
    byTier: byTier.map(({ timeToContact: _tc, velocity: _tv, ...tier }: any) => tier),
  });
  expect(strip(rolled)).toEqual(strip(live));
  const exact = new Map(durationsOf(live));
  for (const [name, duration] of durationsOf(rolled)) {
    const truth = exact.get(name)!;
    expect(duration.n, name).toBe(truth.n);
    for (const key of ['medianSeconds', 'p90Seconds'] as const) {
      if (truth[key] === null) expect(duration[key], `${name} ${key}`).toBeNull();
      else expect(Math.abs(duration[key]! - truth[key]!), `${name} ${key}`).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR * Math.abs(truth[key]!) + 1e-6);
    }
  }
}

/** Every settled UTC day from the first lead's on: ended more than the longest SLA plus the hour's margin ago (the tenant here: a day; the defaults: two). */
const settledDays = async (longestSlaMinutes = 1440) =>
  Number((await db.query(`select ((now() - make_interval(mins => $1)) at time zone 'UTC')::date - '2026-03-20'::date as days`, [longestSlaMinutes + 60])).rows[0].days);

const dirtyDays = async (tenantId = tenant.id) =>
  (await db.query<{ day: string }>(`select day::text as day from dashboard.lead_kpi_dirty where tenant_id = $1 order by day`, [tenantId])).rows.map((r) => r.day);

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Rollup GmbH');
  other = await app.createTenant('Other Rollup AG');
  db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const knex = app.server.orm.em.getKnex();
  await knex('tenant_settings').insert({ tenant_id: tenant.id, sla_hot_minutes: 30, sla_key_account_minutes: 120, sla_warm_minutes: 1440, sla_cold_minutes: null, updated_at: new Date() });
  for (const rows of [leadRows(tenant.id, tenant.admin.id, 800, 7), leadRows(other.id, other.admin.id, 300, 11)]) {
    for (let i = 0; i < rows.length; i += 200) await knex('lead').insert(rows.slice(i, i + 200));
  }
  // inserting old leads marks their days; the rollups are built per test
  await db.query('delete from dashboard.lead_kpi_dirty');
}, 60_000);

afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('leadKpis from daily rollups', () => {
  it('answers exactly as the live path, percentiles within 0.5 %, once the days are built', async () => {
    const before = await kpis({ range: RANGE });
    expect(before).toMatchObject({ percentiles: 'EXACT', rollupDays: 0, leads: expect.any(Number) });
    // every settled day from the first lead's on, days without leads included
    expect(await build()).toBe(await settledDays());
    expect(await build()).toBe(0);
    const rolled = await kpis({ range: RANGE });
    // 21 March to 3 April lie wholly inside the range; the 20th and 4 April are read live
    expect(rolled).toMatchObject({ percentiles: 'HISTOGRAM', rollupDays: 14 });
    expectSameAnswer(rolled, before);
    expectSameAnswer(rolled, await kpis({ range: RANGE, filter: EVERY_SOURCE }));
    expect(rolled.leads).toBeGreaterThan(600);
  });

  it('counts days in a zone with whole-hour offsets across the change to summer time, and in zones offset by 30 and 45 minutes', async () => {
    await build();
    for (const timeZone of ['Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns']) {
      const range = { ...RANGE, timeZone };
      const rolled = await kpis({ range });
      expect(rolled.rollupDays, timeZone).toBe(14);
      const live = await kpis({ range, filter: EVERY_SOURCE });
      expect(live.percentiles).toBe('EXACT');
      expectSameAnswer(rolled, live);
      if (timeZone === 'Europe/Berlin') expect(rolled.leadsPerDay.map((d: any) => d.day)).toContain('2026-03-29');
    }
  });

  it('never mixes two tenants', async () => {
    await build(tenant.id);
    await build(other.id);
    const mine = await kpis({ range: RANGE });
    const theirs = await kpis({ range: RANGE }, other.adminCookie);
    expect(theirs.rollupDays).toBe(14);
    expectSameAnswer(mine, await kpis({ range: RANGE, filter: EVERY_SOURCE }));
    expectSameAnswer(theirs, await kpis({ range: RANGE, filter: EVERY_SOURCE }, other.adminCookie));
    const { rows } = await db.query(`select tenant_id, count(*)::int as n from lead where created_at >= $1 and created_at < $2 group by tenant_id`, [RANGE.from, RANGE.to]);
    expect(mine.leads).toBe(rows.find((r) => r.tenant_id === tenant.id).n);
    expect(theirs.leads).toBe(rows.find((r) => r.tenant_id === other.id).n);
  });
});

describe('rollups and edits', () => {
  it('reflects an edit of an old lead in the next answer, before and after the rebuild', async () => {
    await build();
    const before = await kpis({ range: RANGE });
    const { rows: [lead] } = await db.query(
      `select id, (created_at at time zone 'UTC')::date::text as day, status from lead where tenant_id = $1 and status = 'QUALIFIED' and created_at >= '2026-03-25' and created_at < '2026-03-26' limit 1`,
      [tenant.id],
    );
    await db.query(`update lead set status = 'WON', deal_value = 1234.56, closed_at = created_at + interval '3 days' where id = $1`, [lead.id]);
    expect(await dirtyDays()).toEqual([lead.day]);
    const edited = await kpis({ range: RANGE });
    // the day is read live until it is rebuilt
    expect(edited.rollupDays).toBe(13);
    expect(edited.revenue.total).toBeCloseTo(before.revenue.total + 1234.56, 2);
    expect(edited.conversion.won).toBe(before.conversion.won + 1);
    expectSameAnswer(edited, await kpis({ range: RANGE, filter: EVERY_SOURCE }));

    expect(await build()).toBe(1);
    expect(await dirtyDays()).toEqual([]);
    const rebuilt = await kpis({ range: RANGE });
    expect(rebuilt.rollupDays).toBe(14);
    expectSameAnswer(rebuilt, edited);

    await db.query(`delete from lead where id = $1`, [lead.id]);
    const deleted = await kpis({ range: RANGE });
    expect(deleted).toMatchObject({ rollupDays: 13, leads: before.leads - 1 });
    expect(deleted.conversion.won).toBe(before.conversion.won);
    expectSameAnswer(deleted, await kpis({ range: RANGE, filter: EVERY_SOURCE }));
  });

  it('reads every day live after a rescoring-like bulk update, and from rollups again once rebuilt', async () => {
    await build();
    await db.query(
      `update lead set score = least(100, score + 9), tier = case when least(100, score + 9) >= 85 then 'HOT' when least(100, score + 9) >= 70 then 'KEY_ACCOUNT' when least(100, score + 9) >= 40 then 'WARM' else 'COLD' end
        where tenant_id = $1`,
      [tenant.id],
    );
    expect(await dirtyDays()).toHaveLength(DAYS);
    // nothing of the other tenant was touched
    expect(await dirtyDays(other.id)).toEqual([]);
    const rescored = await kpis({ range: RANGE });
    expect(rescored).toMatchObject({ rollupDays: 0, percentiles: 'EXACT' });
    expect(rescored).toEqual({ ...(await kpis({ range: RANGE, filter: EVERY_SOURCE })), tookMs: rescored.tookMs });
    expect(await build()).toBe(DAYS);
    const rebuilt = await kpis({ range: RANGE });
    expect(rebuilt.rollupDays).toBe(14);
    expectSameAnswer(rebuilt, rescored);
  });

  it('marks nothing for leads created now, edits of today\'s leads, or columns the dashboard does not read', async () => {
    await build();
    const [row] = leadRows(tenant.id, tenant.admin.id, 1, 99);
    const now = new Date();
    const knex = app.server.orm.em.getKnex();
    await knex('lead').insert({ ...row, created_at: now, updated_at: now });
    await db.query(`update lead set status = 'WON', deal_value = 10 where id = $1`, [row.id]);
    await db.query(`update lead set last_activity_at = now(), owner_name = 'Someone' where tenant_id = $1`, [tenant.id]);
    expect(await dirtyDays()).toEqual([]);
    // an old lead inserted late (an import) marks its day
    const [late] = leadRows(tenant.id, tenant.admin.id, 1, 100);
    await knex('lead').insert({ ...late, created_at: new Date('2026-03-27T12:00:00Z') });
    expect(await dirtyDays()).toEqual(['2026-03-27']);
    expectSameAnswer(await kpis({ range: RANGE }), await kpis({ range: RANGE, filter: EVERY_SOURCE }));
  });

  it('does not use rollups built under other SLA minutes until they are rebuilt', async () => {
    await build();
    const knex = app.server.orm.em.getKnex();
    await knex('tenant_settings').where({ tenant_id: tenant.id }).update({ sla_warm_minutes: 60, updated_at: new Date() });
    const changed = await kpis({ range: RANGE });
    expect(changed).toMatchObject({ rollupDays: 0, percentiles: 'EXACT' });
    const warm = (k: any) => k.byTier.find((t: any) => t.tier === 'WARM').slaMissed;
    expect(warm(changed)).toEqual(warm(await kpis({ range: RANGE, filter: EVERY_SOURCE })));
    // KEY_ACCOUNT's 120 minutes are the longest SLA now
    expect(await build()).toBe(await settledDays(120));
    const rebuilt = await kpis({ range: RANGE });
    expect(rebuilt.rollupDays).toBe(14);
    expectSameAnswer(rebuilt, changed);
    await knex('tenant_settings').where({ tenant_id: tenant.id }).update({ sla_warm_minutes: 1440, updated_at: new Date() });
  });

  it('makes a rebuild wait for a writer holding the day, and never lets a rollup miss a writer it did not wait for', async () => {
    await build();
    const day = '2026-03-24';
    const { rows: [lead] } = await db.query(`select id from lead where tenant_id = $1 and created_at >= $2::date and created_at < $2::date + 1 and status = 'LOST' limit 1`, [tenant.id, day]);
    const writer = new pg.Client({ connectionString: app.databaseUrl });
    await writer.connect();
    const doc = async () => (await db.query(`select doc from dashboard.lead_kpi_day where tenant_id = $1 and day = $2`, [tenant.id, day])).rows[0].doc;
    const wonIn = (d: any) => d.a.filter((e: any[]) => e[2] === 'WON').reduce((sum: number, e: any[]) => sum + e[4], 0);
    const sla = { HOT: 30, KEY_ACCOUNT: 120, WARM: 1440, COLD: null };
    const em = app.em(tenant.id);
    const knex = em.getConnection().getKnex();
    try {
      // 1. the day is already marked (committed); the writer's upsert holds its row until it commits
      await db.query(`insert into dashboard.lead_kpi_dirty (tenant_id, day) values ($1, $2)`, [tenant.id, day]);
      const wonBefore = wonIn(await doc());
      await writer.query('begin');
      await writer.query(`update lead set status = 'WON', deal_value = 1 where id = $1`, [lead.id]);
      let rebuilt = false;
      const rebuild = buildDay(knex, em, tenant.id, day, sla).then(() => (rebuilt = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rebuilt).toBe(false);
      await writer.query('commit');
      await rebuild;
      expect(wonIn(await doc())).toBe(wonBefore + 1);
      expect(await dirtyDays()).toEqual([]);

      // 2. nothing marked: the rebuild does not wait, and the writer's mark outlives it
      await writer.query('begin');
      await writer.query(`update lead set status = 'LOST', deal_value = null where id = $1`, [lead.id]);
      await buildDay(knex, em, tenant.id, day, sla);
      await writer.query('commit');
      expect(wonIn(await doc())).toBe(wonBefore + 1);
      expect(await dirtyDays()).toEqual([day]);
      const answer = await kpis({ range: RANGE });
      expect(answer.rollupDays).toBe(13);
      expectSameAnswer(answer, await kpis({ range: RANGE, filter: EVERY_SOURCE }));
    } finally {
      await writer.end();
    }
  });
});

describe('the rollup job', () => {
  it('builds the missing days of every tenant that wants rollups, and a second run changes nothing', async () => {
    await db.query(`delete from dashboard.lead_kpi_day where tenant_id = $1`, [other.id]);
    const count = async () => Number((await db.query(`select count(*) from dashboard.lead_kpi_day where tenant_id = $1`, [other.id])).rows[0].count);
    // a tenant that does not want rollups gets none
    const unwanted = await app.server.jobs.send(KPI_ROLLUP_JOB, { tenantId: other.id }, { singletonKey: other.id });
    const jobDeadline = Date.now() + 30_000;
    for (let state = await app.server.jobs.state(KPI_ROLLUP_JOB, unwanted!); state !== 'completed'; state = await app.server.jobs.state(KPI_ROLLUP_JOB, unwanted!)) {
      if (state === 'failed' || Date.now() > jobDeadline) throw new Error(`the rollup job ended ${state} instead of completing`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await count()).toBe(0);
    // the sweep (each minute) sends the job for every tenant that does
    await wantRollups(app.server.orm.em.getKnex(), other.id);
    await app.server.jobs.send(KPI_ROLLUP_SWEEP_JOB, {});
    const days = await settledDays(2880);
    const deadline = Date.now() + 30_000;
    while ((await count()) < days && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBe(days);
    const docs = async () => (await db.query(`select day::text, built_at, doc from dashboard.lead_kpi_day where tenant_id = $1 order by day`, [other.id])).rows;
    const first = await docs();
    expect(await build(other.id)).toBe(0);
    expect(await docs()).toEqual(first);
    expect((await kpis({ range: RANGE }, other.adminCookie)).rollupDays).toBe(14);
  }, 60_000);
});

describe('which tenants get rollups', () => {
  it('marks a tenant once one unfiltered answer read at least ROLLUP_MIN_LEADS leads live', async () => {
    const big = await app.createTenant('Big Tenant');
    await db.query(
      `insert into lead (id, tenant_id, name, company, budget, company_size, industry, urgency, source, score, tier, score_breakdown, model_version,
                         created_by_kind, created_by_id, created_by_name, created_at, updated_at, status)
       select gen_random_uuid(), $1, 'Lead', 'Company', 'OVER_100K', 'SIZE_51_200', 'SOFTWARE', 'THIS_WEEK', 'WEBSITE', 50, 'WARM', '[]', 1, 'USER', $2, 'Test', t, t, 'NEW'
         from generate_series(1, $3::int) as i, lateral (select timestamptz '2026-03-01' + i * interval '1 minute' as t) as c`,
      [big.id, big.admin.id, ROLLUP_MIN_LEADS],
    );
    const marked = async () => (await db.query(`select 1 from dashboard.lead_kpi_tenant where tenant_id = $1`, [big.id])).rowCount;
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    // a narrower range, and a filtered one, leave the tenant as it is
    expect((await kpis({ range: { ...range, to: '2026-03-10T00:00:00Z' } }, big.adminCookie)).leads).toBe(9 * 1440 - 1);
    expect((await kpis({ range, filter: EVERY_SOURCE }, big.adminCookie)).leads).toBe(ROLLUP_MIN_LEADS);
    expect(await marked()).toBe(0);
    expect((await kpis({ range }, big.adminCookie)).leads).toBe(ROLLUP_MIN_LEADS);
    expect(await marked()).toBe(1);
  });
});

describe('rollup arithmetic', () => {
  it('finds the UTC days wholly inside a range and the intervals left to read live', () => {
    expect(wholeDays(new Date('2026-03-20T09:30:00Z'), new Date('2026-03-23T00:00:00Z'))).toEqual({ first: '2026-03-21', end: '2026-03-23' });
    expect(wholeDays(new Date('2026-03-20T09:30:00Z'), new Date('2026-03-20T23:00:00Z'))).toEqual({ first: '2026-03-21', end: '2026-03-21' });
    const from = new Date('2026-03-20T09:30:00Z');
    const to = new Date('2026-03-25T06:00:00Z');
    expect(liveIntervals(from, to, ['2026-03-21', '2026-03-22', '2026-03-24']).map((i) => [i.from.toISOString(), i.to.toISOString()])).toEqual([
      ['2026-03-20T09:30:00.000Z', '2026-03-21T00:00:00.000Z'],
      ['2026-03-23T00:00:00.000Z', '2026-03-24T00:00:00.000Z'],
      ['2026-03-25T00:00:00.000Z', '2026-03-25T06:00:00.000Z'],
    ]);
    expect(liveIntervals(from, to, [])).toEqual([{ from, to }]);
  });

  it('maps the quarter hours of a UTC day to local days, and refuses a day whose local midnight falls inside a quarter', () => {
    // Kolkata: local days begin at 18:30 UTC
    const starts = ['2026-03-20T18:30:00Z', '2026-03-21T18:30:00Z'].map(Date.parse);
    const days = quarterDays('2026-03-21', starts)!;
    expect([days[0], days[73], days[74], days[95]]).toEqual([0, 0, 1, 1]);
    expect(quarterDays('2026-03-21', [Date.parse('2026-03-20T18:20:00Z'), Date.parse('2026-03-21T18:20:00Z')])).toBeNull();
  });

  it('reads percentiles from histograms within (γ-1)/(γ+1) of percentile_cont, zero and negative durations included', () => {
    const next = random(3);
    const values = Array.from({ length: 2001 }, (_, i) => (i % 50 === 0 ? 0 : i % 97 === 0 ? -next() * 100 : Math.exp(next() * 12)));
    const bucket = (v: number) => (v > 0 ? Math.ceil(Math.log(v) / Math.log(DURATION_GAMMA)) : v === 0 ? ZERO_DURATION_BUCKET : NEGATIVE_DURATION_BUCKETS - Math.ceil(Math.log(-v) / Math.log(DURATION_GAMMA)));
    const histogram = new Map<number, number>();
    for (const v of values) histogram.set(bucket(v), (histogram.get(bucket(v)) ?? 0) + 1);
    const sorted = [...values].sort((a, b) => a - b);
    const type7 = (p: number) => {
      const h = (sorted.length - 1) * p;
      return sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
    };
    const { n, quantiles } = histogramQuantiles(histogram, [0.01, 0.5, 0.9]);
    expect(n).toBe(values.length);
    for (const [i, p] of [0.01, 0.5, 0.9].entries()) expect(Math.abs(quantiles![i] - type7(p))).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR * Math.abs(type7(p)) + 1e-9);
    expect(bucketSeconds(ZERO_DURATION_BUCKET)).toBe(0);
    expect(histogramQuantiles(new Map(), [0.5])).toEqual({ n: 0, quantiles: null });
  });

  it('adds revenue in whole cents, exactly in any order', () => {
    const accumulator = new KpiAccumulator(1);
    for (const value of ['0.10', '0.20', 0.3]) accumulator.add({ a: [['HOT', 19, 'WON', 1, 1, 95, value, 1]] } as never, () => 0);
    expect(accumulator.totals().byTier[0]).toMatchObject({ leads: 3, revenueCents: 60, deals: 3 });
  });
});
