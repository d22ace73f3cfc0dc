import { isUuid } from '../../kernel/ids.js';
import { LeadTier } from '../leads/lead.enums.js';
import type { LeadTable } from '../leads/lead.mapping.js';
import { LeadStatus, ScoreFeedback } from '../lifecycle/lifecycle.enums.js';
import type { SlaMinutes } from '../lifecycle/settings.rules.js';
import type { KpiFilter } from './dashboard.inputs.js';
import type { Interval } from './dashboard.plan.js';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** What a statement reads: one tenant's leads created in the intervals (sorted, disjoint), matching the filter. */
export interface KpiScope {
  tenantId: string;
  intervals: readonly Interval[];
  filter?: KpiFilter | null;
}

export const TIERS: readonly LeadTier[] = [LeadTier.HOT, LeadTier.KEY_ACCOUNT, LeadTier.WARM, LeadTier.COLD];
export const KEY_ACCOUNT_TIERS: readonly LeadTier[] = [LeadTier.HOT, LeadTier.KEY_ACCOUNT];
export const HISTOGRAM_BIN = 5;
export const HISTOGRAM_BINS = 20;

/**
 * Durations are counted in logarithmic buckets: bucket k holds (γ^(k-1), γ^k] seconds. Its middle
 * 2γ^k/(γ+1) is within (γ-1)/(γ+1) < 0.5 % of every value in it, and so is a percentile read from
 * merged buckets (an interpolation of two such values). 0 s and negative durations have buckets of
 * their own (see dashboard.partials.ts).
 */
export const DURATION_GAMMA = 1.01;
export const ZERO_DURATION_BUCKET = -1_000_000;
export const NEGATIVE_DURATION_BUCKETS = -2_000_000;

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The filter's conditions (owner, source, industry), ANDed. An owner id that is not a UUID can own
 * no lead; a filter of only such ids matches nothing.
 */
export function filterClause(t: LeadTable, filter: KpiFilter | null | undefined, alias = ''): Statement {
  const c = (property: Parameters<LeadTable['column']>[0]) => `${alias}${t.column(property)}`;
  const conditions: string[] = [];
  const params: unknown[] = [];
  const ownerIds = filter?.ownerIds?.filter(isUuid) ?? [];
  if (filter?.ownerIds?.length || filter?.unassigned) {
    const owners: string[] = [];
    if (ownerIds.length) {
      owners.push(`${c('ownerId')} = any(?::uuid[])`);
      params.push(ownerIds);
    }
    if (filter.unassigned) owners.push(`${c('ownerId')} is null`);
    conditions.push(owners.length ? `(${owners.join(' or ')})` : 'false');
  }
  for (const [property, values] of [['source', filter?.sources], ['industry', filter?.industries]] as const) {
    if (values?.length) {
      // one array parameter, so the text does not depend on how many values there are
      conditions.push(`${c(property)} = any(?)`);
      params.push(values);
    }
  }
  return { sql: conditions.length ? conditions.join(' and ') : 'true', params };
}

/**
 * `from` of every statement: the intervals joined to the tenant's leads, so each one is a range scan
 * of the covering index `lead_kpi_idx` (tenant_id, created_at), then the filter.
 */
export function scopedLeads(t: LeadTable, scope: KpiScope, alias = 'l'): Statement {
  const filter = filterClause(t, scope.filter, `${alias}.`);
  const createdAt = `${alias}.${t.column('createdAt')}`;
  return {
    sql: `unnest(?::timestamptz[], ?::timestamptz[]) as r(s, e)
          join ${t.name} ${alias} on ${alias}.${t.column('tenant')} = ? and ${createdAt} >= r.s and ${createdAt} < r.e
         where ${filter.sql}`,
    params: [scope.intervals.map((i) => i.from), scope.intervals.map((i) => i.to), scope.tenantId, ...filter.params],
  };
}

/**
 * The days of [from, to) in the time zone: their first instants (`starts`) or their `YYYY-MM-DD`
 * names (`labels`), from generate_series in the zone (a day is 23 or 25 hours when the clocks
 * change). A lead finds its day by binary search in the first instants (width_bucket), cheaper than
 * converting every timestamp.
 */
export function daysStatement(from: Date, to: Date, timeZone: string, what: 'starts' | 'labels'): Statement {
  const value = what === 'starts' ? 'day at time zone ?' : "to_char(day, 'YYYY-MM-DD')";
  return {
    sql: `select array_agg(${value} order by day)
            from generate_series((?::timestamptz at time zone ?)::date::timestamp, ((?::timestamptz - interval '1 millisecond') at time zone ?)::date::timestamp, interval '1 day') as day`,
    params: [...(what === 'starts' ? [timeZone] : []), from, timeZone, to, timeZone],
  };
}

/** One row of single values, each from a statement of one row and one column: several small reads in one round trip. */
export function combined(columns: Record<string, Statement>): Statement {
  const names = Object.keys(columns);
  return { sql: `select ${names.map((name) => `(${columns[name].sql}) as "${name}"`).join(',\n       ')}`, params: names.flatMap((name) => columns[name].params) };
}

/** Where a lead stands with its first-contact SLA: still in time, contacted in time, or missed (late, or not contacted and past due). */
export const SlaState = { PENDING: 0, MET: 1, MISSED: 2 } as const;

/** Bucket of a duration in seconds (`seconds` is an SQL expression; null stays null). */
function durationBucket(seconds: string): string {
  const log = (value: string) => `ceil(ln(${value}) / ${Math.log(DURATION_GAMMA)})::int`;
  return `case when ${seconds} > 0 then ${log(seconds)} when ${seconds} = 0 then ${ZERO_DURATION_BUCKET} when ${seconds} < 0 then ${NEGATIVE_DURATION_BUCKETS} - ${log(`-(${seconds})`)} end`;
}

/** The groupings of the partials; each is summed over by `shapeKpis` for every number it needs. */
const GROUPINGS = {
  cube: ['tier', 'bin', 'status', 'sla', 'source', 'industry'],
  a: ['tier', 'bin', 'status', 'sla'],
  b: ['source', 'key_account', 'status'],
  c: ['industry', 'key_account', 'status'],
  d: ['bucket', 'source', 'key_account'],
  ttc: ['tier', 'ttc'],
  vel: ['tier', 'vel'],
} as const;
type Grouping = keyof typeof GROUPINGS;

/**
 * Which partials a statement computes: the counts as the marginals a–c (a rollup: a few hundred
 * groups a day) or as their `cube` (a request's live part: twice as fast to hash, two groupings
 * instead of four, and a few thousand groups are cheap to send once), with the series d; and the
 * duration histograms.
 */
export interface PartialsParts {
  counts: 'marginals' | 'cube' | null;
  histograms: boolean;
}

/**
 * The partials: one pass over the scope's leads with hashed grouping sets, returned as one JSON
 * document of small arrays. It builds a day's rollup (dashboard.rollup.ts) and reads a request's
 * live part, so the two can never count differently. Groupings, each with leads, sum of scores,
 * deal values and deals:
 *  - a: tier × bin of 5 points × status × SLA state: totals, tiers, statuses, bins, bands, key
 *    accounts vs the rest, "WON below 40", missed SLAs;
 *  - b: source × key account × status; c: industry × key account × status;
 *  - d: leads per bucket of `series` (the first instants of the buckets: days of the range in its
 *    time zone for a request, quarter hours of the day for a rollup) × source × key account;
 *  - ttc and vel: leads per tier and logarithmic bucket of time-to-contact and of created → WON,
 *    per tier as [buckets, each as the difference to the one before; leads] (a third of the bytes
 *    of a pair per bucket, which a request reads for every day of its range).
 * A request computes the counts and the histograms in two statements at once, one per core. The SLA
 * state depends on now() only while a lead is pending; rollups exist only for days whose leads are
 * all decided. The planner cannot estimate the groups of computed keys and would sort every row for
 * them (on disk) instead of hashing: the caller disables sorting and lets hashing take the memory
 * the estimate asks for, which it never uses (the groups are a few thousand).
 */
export function partialsStatement(t: LeadTable, scope: KpiScope, sla: SlaMinutes, series: readonly Date[], parts: PartialsParts): Statement {
  const from = scopedLeads(t, scope);
  const c = (property: Parameters<LeadTable['column']>[0]) => `l.${t.column(property)}`;
  const age = `coalesce(${c('contactedAt')}, now()) - ${c('createdAt')}`;
  const slaTiers = parts.counts ? TIERS.filter((x) => sla[x] != null) : [];
  const slaState = slaTiers.length
    ? `case ${c('tier')} ${slaTiers
        .map((x) => `when '${x}' then (case when ${age} > ?::int * interval '1 minute' then ${SlaState.MISSED} when ${c('contactedAt')} is null then ${SlaState.PENDING} else ${SlaState.MET} end)`)
        .join(' ')} end`
    : 'null::int';
  const ttc = `date_part('epoch', ${c('contactedAt')} - ${c('createdAt')})`;
  const vel = `case when ${c('status')} = '${LeadStatus.WON}' then date_part('epoch', ${c('closedAt')} - ${c('createdAt')}) end`;
  const wanted: Record<Grouping, boolean> = {
    cube: parts.counts === 'cube',
    a: parts.counts === 'marginals',
    b: parts.counts === 'marginals',
    c: parts.counts === 'marginals',
    d: parts.counts !== null,
    ttc: parts.histograms,
    vel: parts.histograms,
  };
  const names = (Object.keys(GROUPINGS) as Grouping[]).filter((name) => wanted[name]);
  const columns = [...new Set(names.flatMap((name) => GROUPINGS[name]))];
  // grouping(): bit set for each column the row is NOT grouped by, the first column highest
  const mask = (name: Grouping) => columns.reduce((bits, column, i) => bits | ((GROUPINGS[name] as readonly string[]).includes(column) ? 0 : 1 << (columns.length - 1 - i)), 0);
  const output = (name: Grouping) => {
    const keys = GROUPINGS[name].join(', ');
    if (name === 'ttc' || name === 'vel') {
      return `'${name}', (select coalesce(jsonb_object_agg(tier, jsonb_build_array(buckets, leads)), '{}') from (
                 select tier, jsonb_agg(${name} - coalesce(before, 0) order by ${name}) as buckets, jsonb_agg(n order by ${name}) as leads
                   from (select tier, ${name}, n, lag(${name}) over (partition by tier order by ${name}) as before from grouped where g = ${mask(name)} and ${name} is not null) as h
                  group by tier) as t)`;
    }
    const values = name === 'd' ? `${keys}, n` : `${keys}, n, score_sum, revenue, deals`;
    return `'${name}', (select coalesce(jsonb_agg(jsonb_build_array(${values}) order by ${keys}), '[]') from grouped where g = ${mask(name)})`;
  };
  const selected = [
    `${c('tier')} as tier`,
    ...(parts.counts
      ? [
          `least(${c('score')} / ${HISTOGRAM_BIN}, ${HISTOGRAM_BINS - 1}) as bin`, `${c('score')} as score`, `${c('source')} as source`, `${c('industry')} as industry`,
          `${c('status')} as status`, `${c('dealValue')} as deal_value`, `${c('tier')} in (${quoted(KEY_ACCOUNT_TIERS)}) as key_account`,
          `width_bucket(${c('createdAt')}, ?::timestamptz[]) as bucket`, `${slaState} as sla`,
        ]
      : ['null::int as score', 'null::numeric as deal_value']),
    ...(parts.histograms ? [`${durationBucket(ttc)} as ttc`, `${durationBucket(vel)} as vel`] : []),
  ];
  const sql = `
    with leads as (
      select ${selected.join(', ')}
        from ${from.sql}
    ), grouped as materialized (
      select grouping(${columns.join(', ')}) as g, ${columns.join(', ')},
             count(*) as n, sum(score) as score_sum, sum(deal_value) as revenue, count(deal_value) as deals
        from leads
       group by grouping sets (${names.map((name) => `(${GROUPINGS[name].join(', ')})`).join(', ')})
    )
    select jsonb_build_object(${names.map(output).join(', ')}) as partials`;
  return { sql, params: [...(parts.counts ? [[...series]] : []), ...slaTiers.map((x) => sla[x]), ...from.params] };
}

/**
 * Exact medians and 90th percentiles (`percentile_cont`, type 7 like R's default) of time-to-contact
 * and of created → WON, per tier and over all tiers, of the leads that were contacted or won. Plain
 * aggregates with FILTER, no GROUP BY: PostgreSQL sorts only each aggregate's own durations, never
 * the rows by tier; the lateral VALUES turns the one row of results into a row per tier and one for
 * all tiers (tier null).
 */
export function durationStatement(t: LeadTable, scope: KpiScope): Statement {
  const from = scopedLeads(t, scope);
  const c = (property: Parameters<LeadTable['column']>[0]) => `l.${t.column(property)}`;
  const quantiles = (column: string, tier?: LeadTier) =>
    `percentile_cont(array[0.5, 0.9]) within group (order by ${column})${tier ? ` filter (where tier = '${tier}')` : ''}`;
  const count = (column: string, tier?: LeadTier) => `count(${column})${tier ? ` filter (where tier = '${tier}')` : ''}`;
  const groups: Array<[string, LeadTier | undefined]> = [...TIERS.map((tier): [string, LeadTier] => [tier.toLowerCase(), tier]), ['all', undefined]];
  const aggregates = groups.flatMap(([name, tier]) => [
    `${count('ttc', tier)} as ttc_n_${name}`, `${quantiles('ttc', tier)} as ttc_q_${name}`,
    `${count('vel', tier)} as vel_n_${name}`, `${quantiles('vel', tier)} as vel_q_${name}`,
  ]);
  const rows = groups.map(([name, tier]) => `(${tier ? `'${tier}'` : 'null'}, a.ttc_n_${name}, a.ttc_q_${name}, a.vel_n_${name}, a.vel_q_${name})`);
  const sql = `
    with aggregated as (
      select ${aggregates.join(',\n             ')}
        from (
          select ${c('tier')} as tier,
                 date_part('epoch', ${c('contactedAt')} - ${c('createdAt')}) as ttc,
                 case when ${c('status')} = '${LeadStatus.WON}' then date_part('epoch', ${c('closedAt')} - ${c('createdAt')}) end as vel
            from ${from.sql} and (${c('contactedAt')} is not null or ${c('status')} = '${LeadStatus.WON}')
        ) timed
    )
    select g.tier, g.ttc_n, g.ttc_q, g.vel_n, g.vel_q
      from aggregated a
     cross join lateral (values ${rows.join(', ')}) as g(tier, ttc_n, ttc_q, vel_n, vel_q)`;
  return { sql, params: from.params };
}

/** One row per tier, and one with tier null for all tiers. */
export interface DurationRow {
  tier: LeadTier | null;
  ttc_n: number | string;
  ttc_q: number[] | null;
  vel_n: number | string;
  vel_q: number[] | null;
}

/**
 * The score verdicts on the scope's leads. Always live: verdicts are few (people give them), and
 * giving one does not change the lead's columns the rollups read, so no rollup could tell it is
 * stale. From the tenant's verdicts to their leads, as before the rollups.
 */
export function feedbackStatement(t: LeadTable, scope: KpiScope): Statement {
  const filter = filterClause(t, scope.filter, 'l.');
  const createdAt = `l.${t.column('createdAt')}`;
  const sql = `
    select jsonb_build_object('ratings', count(*),
                              'tooHigh', count(*) filter (where f.verdict = '${ScoreFeedback.TOO_HIGH}'),
                              'tooLow', count(*) filter (where f.verdict = '${ScoreFeedback.TOO_LOW}'))
      from score_feedback f join ${t.name} l on l.${t.column('id')} = f.lead_id
     where f.tenant_id = ? and l.${t.column('tenant')} = ?
       and exists (select 1 from unnest(?::timestamptz[], ?::timestamptz[]) as r(s, e) where ${createdAt} >= r.s and ${createdAt} < r.e)
       and ${filter.sql}`;
  return { sql, params: [scope.tenantId, scope.tenantId, scope.intervals.map((i) => i.from), scope.intervals.map((i) => i.to), ...filter.params] };
}

export interface FeedbackCounts {
  ratings: number;
  tooHigh: number;
  tooLow: number;
}

/**
 * Session settings of the dashboard's statements, `set local` in their transaction: no JIT
 * (compiling costs more than these aggregates gain), enough memory to sort a million durations.
 * The partials' statements add `PARTIALS_SETTINGS`, the same for a live read and a day's rollup.
 */
export const STATEMENT_SETTINGS: Readonly<Record<string, string>> = { jit: 'off', work_mem: '64MB' };
/** Hashing only: see `partialsStatement` for why sorting is off and hashing may take the memory. */
export const PARTIALS_SETTINGS: Readonly<Record<string, string>> = { ...STATEMENT_SETTINGS, enable_sort: 'off', hash_mem_multiplier: '1000' };

/** The `set local` statement of `settings` (fixed names and values of this module, never input). */
export function setLocal(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([name, value]) => `set local ${name} = '${value}'`)
    .join('; ');
}
