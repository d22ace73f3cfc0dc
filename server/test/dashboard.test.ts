import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope, UserRole } from '../src/modules/auth/auth.enums.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';
import { kpiComputationStats, MAX_KPI_COMPUTATIONS, MAX_KPI_COMPUTATIONS_PER_TENANT } from '../src/modules/dashboard/dashboard.service.js';

/**
 * A fixed set of leads inserted directly, with known outcomes, and every number of leadKpis checked
 * against values worked out by hand (the working is in the comments). Times are UTC; "now" is long
 * after March 2026, so every SLA of the data is decided.
 */

const KPIS = /* GraphQL */ `
  query Kpis($range: DateRangeInput!, $filter: KpiFilter) {
    leadKpis(range: $range, filter: $filter) {
      from to timeZone minimumSample confidence leads keyAccounts hot averageScore
      byStatus { status leads }
      leadsPerDay { day leads keyAccounts }
      conversion { ...Conversion }
      byTier { tier leads conversion { ...Conversion } timeToContact { ...Duration } velocity { ...Duration } revenue { ...Revenue } slaMissed { ...Rate } }
      byScoreBand { from to conversion { ...Conversion } }
      keyAccountsVsRest { winRate { ...Difference } leadRate { ...Difference } }
      timeToContact { ...Duration }
      velocity { ...Duration }
      revenue { ...Revenue }
      bySource { source leads averageScore keyAccountShare { ...Rate } conversion { ...Conversion } revenue { ...Revenue } trend }
      trendBucketDays
      byIndustry { industry leads keyAccounts averageScore keyAccountShare { ...Rate } shareOfLeads { ...Rate } shareOfKeyAccounts { ...Rate } conversion { ...Conversion } }
      scoreHistogram { from to leads keyAccounts }
      falsePositives { keyAccountsMissedSla { ...Rate } tooHighRatings { ...Rate } }
      falseNegatives { lowScoreBelow wonWithLowScore { ...Rate } tooLowRatings { ...Rate } }
      tookMs
    }
  }
  fragment Rate on KpiRate { successes n estimate lower upper enoughData }
  fragment Difference on KpiRateDifference { first { ...Rate } second { ...Rate } estimate lower upper enoughData }
  fragment Conversion on KpiConversion { leads won lost open winRate { ...Rate } leadRate { ...Rate } }
  fragment Duration on KpiDuration { n medianSeconds p90Seconds enoughData }
  fragment Revenue on KpiRevenue { total deals averageDealSize revenuePerLead }
`;

const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const MARCH_WEEK = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };

interface Row {
  key: string;
  score: number;
  tier: string;
  source: string;
  industry: string;
  status: 'NEW' | 'CONTACTED' | 'QUALIFIED' | 'WON' | 'LOST';
  created: string;
  /** minutes from creation to the first contact */
  contactedAfter?: number;
  /** days from creation to WON or LOST */
  closedAfter?: number;
  deal?: number;
  owner?: 'rep' | 'manager';
}

// L1–L12 fall in MARCH_WEEK; L13 just before it (inside it in Berlin time), L14 at its end (excluded)
const LEADS: Row[] = [
  { key: 'L1', score: 100, tier: 'HOT', source: 'REFERRAL', industry: 'SOFTWARE', status: 'WON', created: '2026-03-01T10:00:00Z', contactedAfter: 20, closedAfter: 10, deal: 50_000, owner: 'manager' },
  { key: 'L2', score: 88, tier: 'HOT', source: 'WEBSITE', industry: 'SOFTWARE', status: 'LOST', created: '2026-03-01T12:00:00Z', contactedAfter: 45, closedAfter: 5, owner: 'rep' },
  { key: 'L3', score: 86, tier: 'HOT', source: 'EVENT', industry: 'FINANCE', status: 'NEW', created: '2026-03-02T09:00:00Z' },
  { key: 'L4', score: 75, tier: 'KEY_ACCOUNT', source: 'REFERRAL', industry: 'SOFTWARE', status: 'WON', created: '2026-03-02T10:00:00Z', contactedAfter: 100, closedAfter: 20, deal: 30_000, owner: 'rep' },
  { key: 'L5', score: 72, tier: 'KEY_ACCOUNT', source: 'WEBSITE', industry: 'FINANCE', status: 'CONTACTED', created: '2026-03-03T08:00:00Z', contactedAfter: 180, owner: 'manager' },
  { key: 'L6', score: 70, tier: 'KEY_ACCOUNT', source: 'WEBSITE', industry: 'SOFTWARE', status: 'QUALIFIED', created: '2026-03-03T09:00:00Z', contactedAfter: 60 },
  { key: 'L7', score: 55, tier: 'WARM', source: 'WEBSITE', industry: 'RETAIL', status: 'WON', created: '2026-03-04T11:00:00Z', contactedAfter: 600, closedAfter: 30, deal: 10_000 },
  { key: 'L8', score: 45, tier: 'WARM', source: 'ADVERTISING', industry: 'RETAIL', status: 'LOST', created: '2026-03-04T12:00:00Z', contactedAfter: 1500, closedAfter: 3 },
  { key: 'L9', score: 40, tier: 'WARM', source: 'EVENT', industry: 'EDUCATION', status: 'NEW', created: '2026-03-05T13:00:00Z' },
  { key: 'L10', score: 35, tier: 'COLD', source: 'WEBSITE', industry: 'OTHER', status: 'WON', created: '2026-03-06T14:00:00Z', contactedAfter: 3000, closedAfter: 40, deal: 5_000 },
  { key: 'L11', score: 20, tier: 'COLD', source: 'ADVERTISING', industry: 'RETAIL', status: 'LOST', created: '2026-03-07T15:00:00Z', contactedAfter: 30, closedAfter: 1 },
  { key: 'L12', score: 12, tier: 'COLD', source: 'OTHER', industry: 'OTHER', status: 'NEW', created: '2026-03-07T23:30:00Z' },
  { key: 'L13', score: 90, tier: 'HOT', source: 'PARTNER', industry: 'HEALTHCARE', status: 'WON', created: '2026-02-28T23:30:00Z', contactedAfter: 5, closedAfter: 2, deal: 70_000 },
  { key: 'L14', score: 95, tier: 'HOT', source: 'PARTNER', industry: 'HEALTHCARE', status: 'NEW', created: '2026-03-08T00:00:00Z' },
  // across the change to summer time in Berlin (29 March 2026, a day of 23 hours)
  { key: 'D1', score: 50, tier: 'WARM', source: 'OUTBOUND', industry: 'MANUFACTURING', status: 'NEW', created: '2026-03-29T21:30:00Z' },
  { key: 'D2', score: 50, tier: 'WARM', source: 'OUTBOUND', industry: 'MANUFACTURING', status: 'NEW', created: '2026-03-29T22:30:00Z' },
];

// the other tenant: big numbers in the same week that would show at once if they leaked
const OTHER_LEADS: Row[] = [
  { key: 'B1', score: 99, tier: 'HOT', source: 'REFERRAL', industry: 'SOFTWARE', status: 'WON', created: '2026-03-02T10:00:00Z', contactedAfter: 1, closedAfter: 1, deal: 1_000_000 },
  { key: 'B2', score: 98, tier: 'HOT', source: 'REFERRAL', industry: 'SOFTWARE', status: 'WON', created: '2026-03-03T10:00:00Z', contactedAfter: 1, closedAfter: 1, deal: 1_000_000 },
  { key: 'B3', score: 5, tier: 'COLD', source: 'OTHER', industry: 'OTHER', status: 'NEW', created: '2026-03-04T10:00:00Z' },
];

let app: TestApp;
let tenant: TestTenant;
let other: TestTenant;
let managerCookie: string;
let readKey: string;
const ids = new Map<string, string>();

async function insertLeads(tenantId: string, rows: Row[], owners: Record<'rep' | 'manager', string>) {
  const knex = app.server.orm.em.getKnex();
  for (const row of rows) {
    const created = at(row.created);
    const id = randomUUID();
    ids.set(row.key, id);
    const closed = row.closedAfter == null ? null : new Date(created.getTime() + row.closedAfter * DAY);
    await knex('lead').insert({
      id, tenant_id: tenantId, name: `Lead ${row.key}`, company: `Company ${row.key}`,
      budget: 'OVER_100K', company_size: 'SIZE_51_200', industry: row.industry, urgency: 'THIS_WEEK', source: row.source,
      score: row.score, tier: row.tier, score_breakdown: JSON.stringify([]), model_version: 1,
      created_by_kind: 'USER', created_by_id: owners.rep, created_by_name: 'Test', created_at: created, updated_at: created,
      status: row.status, owner_id: row.owner ? owners[row.owner] : null, owner_name: row.owner ?? null,
      contacted_at: row.contactedAfter == null ? null : new Date(created.getTime() + row.contactedAfter * MINUTE),
      closed_at: closed, deal_value: row.deal ?? null, lost_reason: row.status === 'LOST' ? 'NO_NEED' : null,
    });
  }
}

async function rate(tenantId: string, lead: string, userId: string, verdict: string) {
  await app.server.orm.em.getKnex()('score_feedback').insert({ id: randomUUID(), tenant_id: tenantId, lead_id: ids.get(lead), user_id: userId, verdict });
}

async function kpis(variables: Record<string, unknown>, caller: { cookie?: string; apiKey?: string } = { cookie: managerCookie }) {
  const res = await app.gql(KPIS, variables, caller);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.leadKpis;
}

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Dashboard GmbH');
  other = await app.createTenant('Other AG');
  const em = app.server.orm.em.fork();
  const manager = em.create(User, { tenant: tenant.id, email: `manager-${randomUUID().slice(0, 8)}@test.example`, name: 'Mia Manager', role: UserRole.MANAGER, passwordHash: await hashPassword('manager-pass') });
  await em.flush();
  managerCookie = await app.login(manager.email, 'manager-pass');
  readKey = await app.createApiKey(tenant, ApiKeyScope.READ);
  // SLA minutes of this tenant: HOT 30, KEY_ACCOUNT 120, WARM 1440, COLD none
  await app.server.orm.em.getKnex()('tenant_settings').insert({ tenant_id: tenant.id, sla_hot_minutes: 30, sla_key_account_minutes: 120, sla_warm_minutes: 1440, sla_cold_minutes: null, updated_at: new Date() });
  await insertLeads(tenant.id, LEADS, { rep: tenant.rep.id, manager: manager.id });
  await insertLeads(other.id, OTHER_LEADS, { rep: other.rep.id, manager: other.admin.id });
  await rate(tenant.id, 'L1', tenant.rep.id, 'ACCURATE');
  await rate(tenant.id, 'L2', tenant.rep.id, 'TOO_HIGH');
  await rate(tenant.id, 'L3', manager.id, 'TOO_HIGH');
  await rate(tenant.id, 'L10', tenant.rep.id, 'TOO_LOW');
  await rate(tenant.id, 'L13', tenant.rep.id, 'TOO_HIGH'); // outside the week
  await rate(other.id, 'B1', other.rep.id, 'TOO_HIGH');
  await rate(other.id, 'B3', other.rep.id, 'TOO_LOW');
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('leadKpis on a fixed week of leads', () => {
  let k: any;
  beforeAll(async () => {
    k = await kpis({ range: MARCH_WEEK });
  });

  it('counts the leads created in the range, by tier and status, with their average score', () => {
    expect(k.from).toBe(MARCH_WEEK.from);
    expect(k.timeZone).toBe('UTC');
    expect(k.minimumSample).toBe(30);
    expect(k.confidence).toBe(0.95);
    // L1–L12; L13 is before the range, L14 at its (excluded) end
    expect(k.leads).toBe(12);
    expect(k.keyAccounts).toBe(6); // L1–L6
    expect(k.hot).toBe(3); // L1–L3
    // 100+88+86+75+72+70+55+45+40+35+20+12 = 698
    expect(k.averageScore).toBeCloseTo(698 / 12, 10);
    expect(k.byStatus).toEqual([
      { status: 'NEW', leads: 3 }, // L3 L9 L12
      { status: 'CONTACTED', leads: 1 }, // L5
      { status: 'QUALIFIED', leads: 1 }, // L6
      { status: 'WON', leads: 4 }, // L1 L4 L7 L10
      { status: 'LOST', leads: 3 }, // L2 L8 L11
    ]);
  });

  it('gives every day of the range, days without leads as 0', () => {
    expect(k.leadsPerDay).toEqual([
      { day: '2026-03-01', leads: 2, keyAccounts: 2 },
      { day: '2026-03-02', leads: 2, keyAccounts: 2 },
      { day: '2026-03-03', leads: 2, keyAccounts: 2 },
      { day: '2026-03-04', leads: 2, keyAccounts: 0 },
      { day: '2026-03-05', leads: 1, keyAccounts: 0 },
      { day: '2026-03-06', leads: 1, keyAccounts: 0 },
      { day: '2026-03-07', leads: 2, keyAccounts: 0 },
    ]);
  });

  it('measures conversion overall and per tier, each rate with its n and a 95 % Wilson interval', () => {
    const { conversion } = k;
    expect(conversion).toMatchObject({ leads: 12, won: 4, lost: 3, open: 5 });
    // R: prop.test(4, 7, correct = FALSE)$conf.int = 0.2504584 0.8417801
    expect(conversion.winRate).toMatchObject({ successes: 4, n: 7, enoughData: false });
    expect(conversion.winRate.estimate).toBeCloseTo(4 / 7, 10);
    expect(conversion.winRate.lower).toBeCloseTo(0.2504583645, 7);
    expect(conversion.winRate.upper).toBeCloseTo(0.8417801447, 7);
    // prop.test(4, 12): 0.1381201 0.6093779
    expect(conversion.leadRate).toMatchObject({ successes: 4, n: 12 });
    expect(conversion.leadRate.lower).toBeCloseTo(0.1381200911, 7);
    expect(conversion.leadRate.upper).toBeCloseTo(0.6093779111, 7);

    const tiers = Object.fromEntries(k.byTier.map((t: any) => [t.tier, t]));
    expect(k.byTier.map((t: any) => t.tier)).toEqual(['HOT', 'KEY_ACCOUNT', 'WARM', 'COLD']);
    expect(tiers.HOT.conversion).toMatchObject({ leads: 3, won: 1, lost: 1, open: 1 });
    expect(tiers.KEY_ACCOUNT.conversion).toMatchObject({ leads: 3, won: 1, lost: 0, open: 2 });
    // 1 of 1 closed: estimate 1, upper bound exactly 1
    expect(tiers.KEY_ACCOUNT.conversion.winRate).toMatchObject({ successes: 1, n: 1, estimate: 1, upper: 1 });
    expect(tiers.WARM.conversion).toMatchObject({ leads: 3, won: 1, lost: 1, open: 1 });
    expect(tiers.COLD.conversion).toMatchObject({ leads: 3, won: 1, lost: 1, open: 1 });
  });

  it('compares key accounts with the rest as a difference with Newcombe\'s interval', () => {
    const { winRate, leadRate } = k.keyAccountsVsRest;
    // key accounts won 2 of 3 closed (L1 L4 vs L2), the rest 2 of 4 (L7 L10 vs L8 L11)
    expect(winRate.first).toMatchObject({ successes: 2, n: 3 });
    expect(winRate.second).toMatchObject({ successes: 2, n: 4 });
    expect(winRate.estimate).toBeCloseTo(2 / 3 - 2 / 4, 10);
    // Wilson 2/3: [0.2076596, 0.9385081]; 2/4: [0.1500390, 0.8499610];
    // lower = 1/6 − √((2/3 − 0.2076596)² + (0.8499610 − 1/2)²), upper = 1/6 + √((0.9385081 − 2/3)² + (1/2 − 0.1500390)²)
    expect(winRate.lower).toBeCloseTo(-0.4105336414, 7);
    expect(winRate.upper).toBeCloseTo(0.6098037219, 7);
    expect(winRate.enoughData).toBe(false);
    // 2 of 6 against 2 of 6: a difference of 0, symmetric interval
    expect(leadRate.estimate).toBe(0);
    expect(leadRate.lower).toBeCloseTo(-0.4363609627, 7);
    expect(leadRate.upper).toBeCloseTo(0.4363609627, 7);
  });

  it('gives time-to-contact and velocity as medians and 90th percentiles (type 7)', () => {
    const tiers = Object.fromEntries(k.byTier.map((t: any) => [t.tier, t]));
    const min = 60;
    // HOT contacted after 20 and 45 min: median 32.5, p90 20 + 0.9·25 = 42.5
    expect(tiers.HOT.timeToContact).toEqual({ n: 2, medianSeconds: 32.5 * min, p90Seconds: 42.5 * min, enoughData: false });
    // KEY_ACCOUNT 60, 100, 180: median 100, p90 at 1.8 → 100 + 0.8·80 = 164
    expect(tiers.KEY_ACCOUNT.timeToContact).toEqual({ n: 3, medianSeconds: 100 * min, p90Seconds: 164 * min, enoughData: false });
    // WARM 600, 1500: 1050 and 600 + 0.9·900 = 1410
    expect(tiers.WARM.timeToContact).toEqual({ n: 2, medianSeconds: 1050 * min, p90Seconds: 1410 * min, enoughData: false });
    // COLD 30, 3000: 1515 and 30 + 0.9·2970 = 2703
    expect(tiers.COLD.timeToContact).toEqual({ n: 2, medianSeconds: 1515 * min, p90Seconds: 2703 * min, enoughData: false });
    // all nine: 20 30 45 60 100 180 600 1500 3000 → median 100; p90 at 7.2 → 1500 + 0.2·1500 = 1800
    expect(k.timeToContact).toMatchObject({ n: 9, medianSeconds: 100 * min, enoughData: false });
    expect(k.timeToContact.p90Seconds).toBeCloseTo(1800 * min, 6);

    const day = 86_400;
    // WON after 10 (HOT), 20 (KEY_ACCOUNT), 30 (WARM), 40 (COLD) days: median 25, p90 at 2.7 → 30 + 0.7·10 = 37
    expect(k.velocity).toEqual({ n: 4, medianSeconds: 25 * day, p90Seconds: 37 * day, enoughData: false });
    expect(tiers.HOT.velocity).toEqual({ n: 1, medianSeconds: 10 * day, p90Seconds: 10 * day, enoughData: false });
    expect(tiers.COLD.velocity).toEqual({ n: 1, medianSeconds: 40 * day, p90Seconds: 40 * day, enoughData: false });
  });

  it('sums revenue per lead and average deal size, overall and per tier', () => {
    // 50,000 + 30,000 + 10,000 + 5,000 over 4 deals and 12 leads
    expect(k.revenue.total).toBe(95_000);
    expect(k.revenue.deals).toBe(4);
    expect(k.revenue.averageDealSize).toBe(23_750);
    expect(k.revenue.revenuePerLead).toBeCloseTo(95_000 / 12, 8);
    const tiers = Object.fromEntries(k.byTier.map((t: any) => [t.tier, t]));
    expect(tiers.HOT.revenue).toEqual({ total: 50_000, deals: 1, averageDealSize: 50_000, revenuePerLead: 50_000 / 3 });
    expect(tiers.KEY_ACCOUNT.revenue).toEqual({ total: 30_000, deals: 1, averageDealSize: 30_000, revenuePerLead: 10_000 });
    expect(tiers.COLD.revenue.revenuePerLead).toBeCloseTo(5_000 / 3, 8);
  });

  it('counts missed first-contact SLAs from the tenant\'s settings', () => {
    const tiers = Object.fromEntries(k.byTier.map((t: any) => [t.tier, t]));
    // HOT (30 min): L1 at 20 met, L2 at 45 missed, L3 never contacted and long past due
    expect(tiers.HOT.slaMissed).toMatchObject({ successes: 2, n: 3 });
    // KEY_ACCOUNT (120 min): L4 at 100 met, L5 at 180 missed, L6 at 60 met
    expect(tiers.KEY_ACCOUNT.slaMissed).toMatchObject({ successes: 1, n: 3 });
    // WARM (1440 min): L7 at 600 met, L8 at 1500 missed, L9 never
    expect(tiers.WARM.slaMissed).toMatchObject({ successes: 2, n: 3 });
    // COLD has no SLA
    expect(tiers.COLD.slaMissed).toMatchObject({ successes: 0, n: 0, estimate: null, lower: 0, upper: 1 });
    // prop.test(3, 6): 0.1876163 0.8123837
    expect(k.falsePositives.keyAccountsMissedSla).toMatchObject({ successes: 3, n: 6, estimate: 0.5 });
    expect(k.falsePositives.keyAccountsMissedSla.lower).toBeCloseTo(0.1876163065, 7);
  });

  it('breaks conversion down by score band of 10 and counts a histogram of bins of 5', () => {
    expect(k.byScoreBand.map((b: any) => [b.from, b.to])).toEqual([[0, 9], [10, 19], [20, 29], [30, 39], [40, 49], [50, 59], [60, 69], [70, 79], [80, 89], [90, 100]]);
    const band = (from: number) => k.byScoreBand.find((b: any) => b.from === from).conversion;
    expect(band(90)).toMatchObject({ leads: 1, won: 1, lost: 0 }); // L1 (100)
    expect(band(80)).toMatchObject({ leads: 2, won: 0, lost: 1 }); // L2 L3
    expect(band(70)).toMatchObject({ leads: 3, won: 1, lost: 0 }); // L4 L5 L6
    expect(band(60)).toMatchObject({ leads: 0, won: 0, lost: 0, winRate: { n: 0, estimate: null } });
    expect(band(40)).toMatchObject({ leads: 2, won: 0, lost: 1 }); // L8 L9
    expect(band(30)).toMatchObject({ leads: 1, won: 1, lost: 0 }); // L10

    expect(k.scoreHistogram).toHaveLength(20);
    expect(k.scoreHistogram[19]).toEqual({ from: 95, to: 100, leads: 1, keyAccounts: 1 }); // 100
    const bins = Object.fromEntries(k.scoreHistogram.filter((b: any) => b.leads).map((b: any) => [b.from, b.leads]));
    // 100 88 86 75 72 70 55 45 40 35 20 12
    expect(bins).toEqual({ 95: 1, 85: 2, 75: 1, 70: 2, 55: 1, 45: 1, 40: 1, 35: 1, 20: 1, 10: 1 });
  });

  it('gives marketing each source with leads, average score, key-account share and conversion', () => {
    expect(k.bySource.map((s: any) => [s.source, s.leads])).toEqual([
      ['WEBSITE', 5], ['REFERRAL', 2], ['EVENT', 2], ['ADVERTISING', 2], ['OTHER', 1], ['OUTBOUND', 0], ['PARTNER', 0],
    ]);
    const website = k.bySource[0];
    // L2 88, L5 72, L6 70, L7 55, L10 35
    expect(website.averageScore).toBe(64);
    expect(website.keyAccountShare).toMatchObject({ successes: 3, n: 5 });
    expect(website.conversion).toMatchObject({ won: 2, lost: 1, open: 2 });
    expect(website.revenue.total).toBe(15_000);
    expect(k.bySource[1]).toMatchObject({ source: 'REFERRAL', averageScore: 87.5, keyAccountShare: { successes: 2, n: 2 }, revenue: { total: 80_000 } });
    expect(k.bySource.find((s: any) => s.source === 'PARTNER')).toMatchObject({ leads: 0, averageScore: null, conversion: { winRate: { n: 0, estimate: null } } });
    // a week in buckets of one day: WEBSITE on 1, 3 (two), 4 and 6 March
    expect(k.trendBucketDays).toBe(1);
    expect(website.trend).toEqual([1, 0, 2, 1, 0, 1, 0]);
  });

  it('shows each industry\'s share among key accounts next to its share among all leads', () => {
    const industries = Object.fromEntries(k.byIndustry.map((i: any) => [i.industry, i]));
    expect(k.byIndustry.map((i: any) => i.industry).slice(0, 3)).toEqual(['SOFTWARE', 'RETAIL', 'FINANCE']);
    // SOFTWARE: L1 L2 L4 L6, all key accounts; 4 of 12 leads, 4 of 6 key accounts
    expect(industries.SOFTWARE).toMatchObject({ leads: 4, keyAccounts: 4, shareOfLeads: { successes: 4, n: 12 }, shareOfKeyAccounts: { successes: 4, n: 6 }, keyAccountShare: { successes: 4, n: 4 } });
    expect(industries.SOFTWARE.conversion).toMatchObject({ won: 2, lost: 1 });
    expect(industries.FINANCE).toMatchObject({ leads: 2, keyAccounts: 2, shareOfKeyAccounts: { successes: 2, n: 6 } });
    expect(industries.RETAIL).toMatchObject({ leads: 3, keyAccounts: 0, shareOfKeyAccounts: { successes: 0, n: 6, estimate: 0 } });
    expect(industries.HEALTHCARE).toMatchObject({ leads: 0, averageScore: null });
  });

  it('finds false positives and false negatives', () => {
    // verdicts on the week's leads: L1 ACCURATE, L2 TOO_HIGH, L3 TOO_HIGH, L10 TOO_LOW (L13's is outside)
    expect(k.falsePositives.tooHighRatings).toMatchObject({ successes: 2, n: 4, estimate: 0.5 });
    expect(k.falseNegatives.tooLowRatings).toMatchObject({ successes: 1, n: 4, estimate: 0.25 });
    // WON below 40: L10 (35) of L1 L4 L7 L10
    expect(k.falseNegatives.lowScoreBelow).toBe(40);
    expect(k.falseNegatives.wonWithLowScore).toMatchObject({ successes: 1, n: 4, estimate: 0.25 });
    expect(k.falseNegatives.wonWithLowScore.lower).toBeCloseTo(0.0455872608, 7);
  });
});

describe('leadKpis ranges and filters', () => {
  it('counts days in the given time zone, also on the day the clocks change', async () => {
    // Berlin's week: 1 March 00:00 CET = 28 Feb 23:00 UTC, so L13 is in and L12 (8 March 00:30 CET) is out
    const berlin = await kpis({ range: { from: '2026-02-28T23:00:00Z', to: '2026-03-07T23:00:00Z', timeZone: 'Europe/Berlin' } });
    expect(berlin.timeZone).toBe('Europe/Berlin');
    expect(berlin.leads).toBe(12);
    expect(berlin.leadsPerDay.map((d: any) => [d.day, d.leads])).toEqual([
      ['2026-03-01', 3], ['2026-03-02', 2], ['2026-03-03', 2], ['2026-03-04', 2], ['2026-03-05', 1], ['2026-03-06', 1], ['2026-03-07', 1],
    ]);
    // 29 March has 23 hours: 21:30 UTC is 23:30 that day, 22:30 UTC is 00:30 on the 30th
    const summer = await kpis({ range: { from: '2026-03-27T23:00:00Z', to: '2026-03-30T22:00:00Z', timeZone: 'Europe/Berlin' } });
    expect(summer.leadsPerDay).toEqual([
      { day: '2026-03-28', leads: 0, keyAccounts: 0 },
      { day: '2026-03-29', leads: 1, keyAccounts: 0 },
      { day: '2026-03-30', leads: 1, keyAccounts: 0 },
    ]);
  });

  it('filters by source, industry and owner', async () => {
    const website = await kpis({ range: MARCH_WEEK, filter: { sources: ['WEBSITE'] } });
    expect(website).toMatchObject({ leads: 5, keyAccounts: 3, conversion: { won: 2, lost: 1 } });
    const sales = await kpis({ range: MARCH_WEEK, filter: { sources: ['WEBSITE', 'REFERRAL'], industries: ['SOFTWARE'] } });
    // L1 L2 L4 L6
    expect(sales.leads).toBe(4);
    const reps = await kpis({ range: MARCH_WEEK, filter: { ownerIds: [tenant.rep.id] } });
    // L2 L4
    expect(reps).toMatchObject({ leads: 2, revenue: { total: 30_000 } });
    const unassigned = await kpis({ range: MARCH_WEEK, filter: { unassigned: true } });
    expect(unassigned.leads).toBe(8);
    const repOrNobody = await kpis({ range: MARCH_WEEK, filter: { ownerIds: [tenant.rep.id], unassigned: true } });
    expect(repOrNobody.leads).toBe(10);
    const nobody = await kpis({ range: MARCH_WEEK, filter: { ownerIds: ['not-a-uuid'] } });
    expect(nobody).toMatchObject({ leads: 0, averageScore: null, conversion: { winRate: { n: 0, estimate: null } }, timeToContact: { n: 0, medianSeconds: null } });
    expect(nobody.leadsPerDay).toHaveLength(7);
  });

  it('never mixes two tenants', async () => {
    const mine = await kpis({ range: MARCH_WEEK });
    expect(mine.revenue.total).toBe(95_000);
    const theirs = await kpis({ range: MARCH_WEEK }, { cookie: other.adminCookie });
    // B1 B2 B3 only, and only their verdicts
    expect(theirs).toMatchObject({ leads: 3, keyAccounts: 2, revenue: { total: 2_000_000, deals: 2 }, conversion: { won: 2, lost: 0 } });
    expect(theirs.falsePositives.tooHighRatings).toMatchObject({ successes: 1, n: 2 });
    expect(theirs.falseNegatives.tooLowRatings).toMatchObject({ successes: 1, n: 2 });
    expect(theirs.timeToContact).toMatchObject({ n: 2, medianSeconds: 60 });
    // their SLA settings are the defaults (HOT 60 min): contacted after a minute, both met
    expect(theirs.falsePositives.keyAccountsMissedSla).toMatchObject({ successes: 0, n: 2 });
  });

  it('refuses a range that ends before it starts, spans more than 731 days, or names no time zone', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ from: MARCH_WEEK.to, to: MARCH_WEEK.from }, 'range.to'],
      [{ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'range.to'],
      [{ ...MARCH_WEEK, timeZone: 'Mars/Olympus_Mons' }, 'range.timeZone'],
    ];
    for (const [range, field] of cases) {
      const res = await app.gql(KPIS, { range }, { cookie: managerCookie });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field, code: 'OUT_OF_RANGE' })]);
    }
  });
});

describe('leadKpis access', () => {
  it('is FORBIDDEN to reps', async () => {
    const res = await app.gql(KPIS, { range: MARCH_WEEK }, { cookie: tenant.repCookie });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers admins, managers and READ API keys of the tenant alike', async () => {
    const [admin, manager, key] = await Promise.all([
      kpis({ range: MARCH_WEEK }, { cookie: tenant.adminCookie }),
      kpis({ range: MARCH_WEEK }, { cookie: managerCookie }),
      kpis({ range: MARCH_WEEK }, { apiKey: readKey }),
    ]);
    const strip = ({ tookMs: _tookMs, ...rest }: any) => rest;
    expect(strip(admin)).toEqual(strip(manager));
    expect(strip(key)).toEqual(strip(manager));
  });

  it('is UNAUTHENTICATED without a session or key', async () => {
    const res = await app.gql(KPIS, { range: MARCH_WEEK });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a fifth computation of one tenant with RATE_LIMITED (429), runs three in all at once and queues the rest, and answers again once they are done', async () => {
    // every computation first reads its tenant's SLA settings: with that table locked, the running ones wait there.
    // The SLA sweep (every minute) reads the table too, and would wait with them: the jobs stop here (the last test)
    await app.server.jobs.stop();
    const locker = new pg.Client({ connectionString: app.databaseUrl });
    await locker.connect();
    const settled: Array<{ status: number; code: string; message?: string }> = [];
    const send = (options: { apiKey?: string; cookie?: string }) =>
      app.gql(KPIS, { range: MARCH_WEEK }, options).then((res) => {
        const answer = { status: res.status, code: res.errors ? String(res.errors[0].extensions?.code) : 'OK', message: res.errors?.[0].message };
        settled.push(answer);
        return answer;
      });
    const until = async (check: () => Promise<boolean> | boolean, what: string) => {
      const deadline = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const blockedOnSettings = async () =>
      Number((await locker.query(`select count(*) as n from pg_locks where not granted and relation = 'tenant_settings'::regclass`)).rows[0].n);
    let answers: Array<Promise<{ status: number; code: string; message?: string }>> = [];
    try {
      await locker.query('begin');
      await locker.query('lock table tenant_settings in access exclusive mode');
      answers = Array.from({ length: MAX_KPI_COMPUTATIONS_PER_TENANT + 2 }, () => send({ apiKey: readKey }));
      await until(() => settled.length === 2, 'the two refusals');
      expect(settled.map((a) => [a.status, a.code])).toEqual([[429, 'RATE_LIMITED'], [429, 'RATE_LIMITED']]);
      expect(settled[0].message).toMatch(/dashboards of your team are being computed right now; try again in a moment/);
      // another tenant is not refused: it waits for a slot like the fourth of ours
      answers.push(send({ cookie: other.adminCookie }));
      await until(async () => kpiComputationStats.waiting === MAX_KPI_COMPUTATIONS_PER_TENANT + 1 - MAX_KPI_COMPUTATIONS && (await blockedOnSettings()) === MAX_KPI_COMPUTATIONS, 'three running, two waiting');
      expect(settled).toHaveLength(2);
    } finally {
      await locker.query('commit');
      await locker.end();
    }
    const codes = (await Promise.all(answers)).map((a) => a.code);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(MAX_KPI_COMPUTATIONS_PER_TENANT + 1);
    expect(kpiComputationStats.waiting).toBe(0);
    // once they are done, the same requests answer again
    expect((await app.gql(KPIS, { range: MARCH_WEEK }, { apiKey: readKey })).errors).toBeUndefined();
  });
});
