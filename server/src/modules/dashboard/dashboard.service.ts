import { rateLimited } from '../rate-limit/rate-limiter.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden } from '../../errors.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { PrincipalKind } from '../auth/auth.enums.js';
import { seesWholeTenant, type Principal } from '../auth/principal.js';
import { leadTable } from '../leads/lead.mapping.js';
import { SettingsService } from '../lifecycle/settings.service.js';
import type { DateRangeInput, KpiFilter } from './dashboard.inputs.js';
import type { SlaMinutes } from '../lifecycle/settings.rules.js';
import { KpiAccumulator, type Partials } from './dashboard.partials.js';
import { DAY_MS, dayStart, liveIntervals, quarterDays, wholeDays } from './dashboard.plan.js';
import { docsStatement, ROLLUP_MIN_LEADS, usableDaysStatement, wantRollups, type RollupDoc } from './dashboard.rollup.js';
import { validateKpiArgs } from './dashboard.rules.js';
import { exactDurations, histogramDurations, shapeKpis } from './dashboard.shape.js';
import { combined, daysStatement, durationStatement, feedbackStatement, partialsStatement, PARTIALS_SETTINGS, setLocal, STATEMENT_SETTINGS, type DurationRow, type FeedbackCounts, type KpiScope, type PartialsParts, type Statement } from './dashboard.sql.js';
import { KpiPercentiles, type LeadKpis } from './dashboard.types.js';

/** PostgreSQL's "invalid parameter value", e.g. a time zone Node knows and the database does not. */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * Managers and admins see the whole tenant's numbers, and API keys may read them (partners' own
 * dashboards); a rep sees their own queue, not the team's results.
 */
export function requireDashboardReader(principal: Principal | null): Principal {
  if (principal && (principal.kind === PrincipalKind.API_KEY || seesWholeTenant(principal))) return principal;
  throw forbidden('Only managers and admins may see the dashboard; ask an admin of your tenant for the MANAGER role.');
}

/**
 * `leadKpis` computations of one tenant in a process, running or waiting: one API key sending many
 * at once gets RATE_LIMITED. Dashboards refresh at most every 3 s.
 */
export const MAX_KPI_COMPUTATIONS_PER_TENANT = 4;
/**
 * Computations running at once in a process, whatever the tenant; more wait for a slot, holding no
 * connection. Each reads every lead of its range outside the rollups (over a second at a million
 * leads with a filter) on two or three pooled connections at once: three keep dashboards to at
 * most 9 of the pool's 10, so creates and pages still get a connection.
 */
export const MAX_KPI_COMPUTATIONS = 3;
const running = new Map<string, number>();
/** Computations waiting for a slot, oldest first; a finished one hands its slot to the next. */
const waiting: Array<() => void> = [];
let slotsInUse = 0;
/** What tests read: computations waiting for a slot now. */
export const kpiComputationStats = {
  get waiting() {
    return waiting.length;
  },
};

async function takeSlot(): Promise<void> {
  if (slotsInUse < MAX_KPI_COMPUTATIONS) {
    slotsInUse++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else slotsInUse--;
}

const hasFilter = (filter: KpiFilter | null | undefined) => Boolean(filter?.ownerIds?.length || filter?.unassigned || filter?.sources?.length || filter?.industries?.length);

/** The dashboard's numbers for the EntityManager's tenant. */
export class DashboardService {
  constructor(private readonly em: EntityManager) {}

  async kpis(range: DateRangeInput, filter: KpiFilter | null | undefined): Promise<LeadKpis> {
    const errors = validateKpiArgs(range, filter);
    if (errors.length) throw badUserInput(errors);
    const tenantId = boundTenantId(this.em);
    const busy = running.get(tenantId) ?? 0;
    if (busy >= MAX_KPI_COMPUTATIONS_PER_TENANT) {
      throw rateLimited(`${MAX_KPI_COMPUTATIONS_PER_TENANT} dashboards of your team are being computed right now; try again in a moment.`, 1_000);
    }
    running.set(tenantId, busy + 1);
    try {
      await takeSlot();
      try {
        return await this.compute(range, filter, tenantId);
      } finally {
        releaseSlot();
      }
    } finally {
      const left = (running.get(tenantId) ?? 1) - 1;
      if (left) running.set(tenantId, left);
      else running.delete(tenantId);
    }
  }

  private async compute(range: DateRangeInput, filter: KpiFilter | null | undefined, tenantId: string): Promise<LeadKpis> {
    const timeZone = range.timeZone ?? 'UTC';
    const { sla } = await new SettingsService(this.em).rules();
    const filtered = hasFilter(filter);

    const started = performance.now();
    const result = await this.partsOf(range, timeZone, filter, tenantId, sla, filtered).catch((error: unknown) => {
      if ((error as { code?: string }).code === INVALID_PARAMETER_VALUE) {
        throw badUserInput([{ field: 'range.timeZone', code: 'OUT_OF_RANGE', message: 'The database does not know this time zone; use an IANA name such as Europe/Berlin or UTC.' }]);
      }
      throw error;
    });
    const tookMs = Math.round(performance.now() - started);
    if (!filtered && result.liveLeads >= ROLLUP_MIN_LEADS) {
      // a large dashboard: from now on the job keeps this tenant's rollups (one idempotent insert)
      await wantRollups(this.em.getConnection().getKnex(), tenantId);
    }
    return shapeKpis(result.rows, { from: range.from, to: range.to, timeZone, tookMs, percentiles: result.percentiles, rollupDays: result.rollupDays });
  }

  /**
   * First, in one statement: the range's days in its time zone, the score verdicts, and the days
   * whose rollups are usable (none with a filter: rollups hold the whole tenant). Then at once, on
   * separate connections: those rollups, and the partials of the rest of the range, its counts in
   * one statement and in the other either its duration histograms (to add to the rollups') or,
   * without rollups, the exact percentiles.
   */
  private async partsOf(range: DateRangeInput, timeZone: string, filter: KpiFilter | null | undefined, tenantId: string, sla: SlaMinutes, filtered: boolean) {
    const table = leadTable(this.em);
    const whole = wholeDays(range.from, range.to);
    const all: KpiScope = { tenantId, intervals: [{ from: range.from, to: range.to }], filter };
    const [plan] = await this.rows<{ starts: Date[]; labels: string[]; feedback: FeedbackCounts; usable: string[] | null }>(
      combined({
        starts: daysStatement(range.from, range.to, timeZone, 'starts'),
        labels: daysStatement(range.from, range.to, timeZone, 'labels'),
        feedback: feedbackStatement(table, all),
        ...(!filtered && whole.first < whole.end && { usable: usableDaysStatement(tenantId, whole.first, whole.end, sla) }),
      }),
    );
    const starts = plan.starts.map((start) => new Date(start).getTime());
    // a day whose local days do not begin on its quarter hours is read live
    const quarters = new Map<string, Int32Array>();
    for (const day of plan.usable ?? []) {
      const map = quarterDays(day, starts);
      if (map) quarters.set(day, map);
    }
    const exact = quarters.size === 0;
    const partials = (scope: KpiScope, parts: PartialsParts) =>
      this.rows<{ partials: Partials }>(partialsStatement(table, scope, sla, plan.starts, parts), PARTIALS_SETTINGS).then(([row]) => row.partials);
    const live: KpiScope = { tenantId, intervals: liveIntervals(range.from, range.to, [...quarters.keys()]), filter };
    const [docs, counts, durations] = await Promise.all([
      exact ? [] : this.rows<RollupDoc>(docsStatement(tenantId, [...quarters.keys()], sla)),
      live.intervals.length ? partials(live, { counts: 'cube', histograms: false }) : null,
      exact ? this.rows<DurationRow>(durationStatement(table, live)) : live.intervals.length ? partials(live, { counts: null, histograms: true }) : null,
    ]);
    const accumulator = new KpiAccumulator(plan.labels.length);
    for (const doc of docs) accumulator.add(doc.doc, (quarter) => quarters.get(doc.day)![quarter - 1]);
    if (counts) accumulator.add(counts, (day) => day - 1);
    if (durations && !Array.isArray(durations)) accumulator.add(durations, () => -1);
    // rare: a rollup rebuilt under other settings, or gone, since the first statement
    const found = new Set(docs.map((doc) => doc.day));
    const missing = [...quarters.keys()].filter((day) => !found.has(day));
    if (missing.length) {
      const scope: KpiScope = { tenantId, intervals: missing.map((day) => ({ from: new Date(dayStart(day)), to: new Date(dayStart(day) + DAY_MS) })), filter };
      accumulator.add(await partials(scope, { counts: 'cube', histograms: true }), (day) => day - 1);
    }
    const totals = accumulator.totals();
    const liveLeads = (counts?.cube ?? []).reduce((sum, entry) => sum + entry[6], 0);
    return {
      rows: { labels: plan.labels, totals, durations: Array.isArray(durations) ? exactDurations(durations) : histogramDurations(totals), feedback: plan.feedback },
      percentiles: exact ? KpiPercentiles.EXACT : KpiPercentiles.HISTOGRAM,
      rollupDays: docs.length,
      liveLeads,
    };
  }

  /**
   * One statement in a transaction of its own, for its settings (`STATEMENT_SETTINGS` or
   * `PARTIALS_SETTINGS`, see dashboard.sql.ts). Through knex, so it is timed and traced like every
   * other statement; values as parameters.
   */
  private async rows<T>({ sql, params }: Statement, settings: Readonly<Record<string, string>> = STATEMENT_SETTINGS): Promise<T[]> {
    const connection = this.em.getConnection();
    await connection.ensureConnection();
    const knex = connection.getKnex();
    return knex.transaction(async (trx) => {
      await trx.raw(setLocal(settings));
      const result: { rows: T[] } = await trx.raw(sql, params as never[]);
      return result.rows;
    });
  }
}
