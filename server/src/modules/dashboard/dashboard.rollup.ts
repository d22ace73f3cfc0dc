import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { leadTable } from '../leads/lead.mapping.js';
import type { SlaMinutes } from '../lifecycle/settings.rules.js';
import { SettingsService } from '../lifecycle/settings.service.js';
import type { Partials } from './dashboard.partials.js';
import { DAY_MS, dayStart, quarterStarts } from './dashboard.plan.js';
import { DURATION_GAMMA, PARTIALS_SETTINGS, partialsStatement, setLocal, TIERS, type Statement } from './dashboard.sql.js';

/**
 * Daily rollups of leadKpis: per tenant and UTC day, the partials (`partialsStatement`) of the
 * leads created that day, in `dashboard.lead_kpi_day`. A request adds up the rollups of the days
 * that may use one and reads the rest live with the same statement.
 *
 * A day may use its rollup when
 *  - it lies wholly inside the range;
 *  - it ended more than the tenant's longest first-contact SLA plus ROLLUP_MARGIN_MINUTES ago: no
 *    lead of it is pending, so no number of it changes with the clock, only with an edit;
 *  - the rollup was built under the tenant's current SLA minutes (`settings_key`);
 *  - no edit marked the day since (`dashboard.lead_kpi_dirty`, kept by a trigger on lead).
 *
 * Why no edit is lost: the trigger upserts the day's dirty row in the writer's transaction, for
 * every day that has ended. A rebuild, in one READ COMMITTED transaction, first deletes the dirty
 * row, then computes and stores the rollup in a statement whose snapshot starts after the delete
 * returned.
 *  - A writer that committed before the delete is in the snapshot.
 *  - A writer that still holds the dirty row (it updated it: `on conflict do update`) makes the
 *    delete wait for its commit, and is then in the snapshot.
 *  - A writer whose dirty row the delete does not see (inserted, not yet committed; or upserted
 *    after the delete) leaves its row behind when it commits: the rollup is not used until rebuilt.
 *  - A writer that marked nothing changed a day that had not ended when its trigger ran; the day
 *    gets a rollup only ROLLUP_MARGIN_MINUTES (an hour) later, and no transaction of the app stays
 *    open that long between writing a lead and committing (statements time out after 15 s, jobs
 *    commit in batches).
 * A request picks its rollups in its first statement, which reads the marks: an edit committed
 * before the request began is never hidden behind a rollup.
 */

/** Added to the longest SLA before a day's rollup may be used (see above). */
export const ROLLUP_MARGIN_MINUTES = 60;
/** Rollups are kept for a tenant once one answer read this many leads live (smaller dashboards are fast enough, and exact). */
export const ROLLUP_MIN_LEADS = 20_000;
/** The layout of the documents: a rollup of another layout or other SLA minutes is not used, and rebuilt. */
const DOC_VERSION = 1;

/** What a rollup was built under: a change of either makes it stale. */
export function settingsKey(sla: SlaMinutes): string {
  return `v${DOC_VERSION};gamma=${DURATION_GAMMA};${TIERS.map((tier) => `${tier}=${sla[tier] ?? '-'}`).join(';')}`;
}

/** How long after its end a day's leads are all decided: the longest SLA plus the margin. */
export function settledAfterMinutes(sla: SlaMinutes): number {
  return Math.max(0, ...TIERS.map((tier) => sla[tier] ?? 0)) + ROLLUP_MARGIN_MINUTES;
}

export interface RollupDoc {
  /** `YYYY-MM-DD` */
  day: string;
  doc: Partials;
}


/** The tenant's UTC days in [first, end) whose rollups are usable now (see the conditions above), oldest first, as one array. */
export function usableDaysStatement(tenantId: string, first: string, end: string, sla: SlaMinutes): Statement {
  return {
    sql: `select coalesce(array_agg(k.day::text order by k.day), '{}') from dashboard.lead_kpi_day k
           where k.tenant_id = ? and k.day >= ?::date and k.day < ?::date and k.settings_key = ?
             and k.day < ((now() - make_interval(mins => ?)) at time zone 'UTC')::date
             and not exists (select 1 from dashboard.lead_kpi_dirty x where x.tenant_id = k.tenant_id and x.day = k.day)`,
    params: [tenantId, first, end, settingsKey(sla), settledAfterMinutes(sla)],
  };
}

/**
 * The rollups of the given days, read while the live part is computed. A day made dirty in between
 * is still used: its rollup is what the day was when the request began, as the rest of the answer.
 * One rebuilt under other settings, or gone, is left out; the caller reads that day live.
 */
export function docsStatement(tenantId: string, days: readonly string[], sla: SlaMinutes): Statement {
  return {
    sql: 'select k.day::text as day, k.doc from dashboard.lead_kpi_day k where k.tenant_id = ? and k.day = any(?::date[]) and k.settings_key = ?',
    params: [tenantId, days, settingsKey(sla)],
  };
}

/** Builds (or rebuilds) the rollup of one UTC day in one transaction; see above for why the delete comes first. */
export async function buildDay(knex: Knex, em: EntityManager, tenantId: string, day: string, sla: SlaMinutes): Promise<void> {
  const start = dayStart(day);
  const scope = { tenantId, intervals: [{ from: new Date(start), to: new Date(start + DAY_MS) }] };
  const partials = partialsStatement(leadTable(em), scope, sla, quarterStarts(day), { counts: 'marginals', histograms: true });
  await knex.transaction(async (trx) => {
    await trx.raw(setLocal(PARTIALS_SETTINGS));
    await trx.raw('delete from dashboard.lead_kpi_dirty where tenant_id = ? and day = ?::date', [tenantId, day]);
    await trx.raw(
      `insert into dashboard.lead_kpi_day (tenant_id, day, settings_key, built_at, doc)
       values (?, ?::date, ?, now(), (${partials.sql})::json)
       on conflict (tenant_id, day) do update set settings_key = excluded.settings_key, built_at = excluded.built_at, doc = excluded.doc`,
      [tenantId, day, settingsKey(sla), ...partials.params] as never[],
    );
  });
}

/**
 * The days whose rollup is missing, stale (other settings) or dirty, oldest first: every settled
 * UTC day from the tenant's first lead (or first rollup or mark) on, days without leads included
 * (their rollup is empty, and spares the request a scan).
 */
export async function rollupWork(knex: Knex, tenantId: string, sla: SlaMinutes): Promise<string[]> {
  const result: { rows: Array<{ day: string }> } = await knex.raw(
    `with bounds as (
       select least(((select min(created_at) from lead where tenant_id = ?) at time zone 'UTC')::date,
                    (select min(day) from dashboard.lead_kpi_day where tenant_id = ?),
                    (select min(day) from dashboard.lead_kpi_dirty where tenant_id = ?)) as first,
              ((now() - make_interval(mins => ?)) at time zone 'UTC')::date as settled
     )
     select g.day::date::text as day
       from bounds b cross join generate_series(b.first, b.settled - 1, interval '1 day') as g(day)
       left join dashboard.lead_kpi_day k on k.tenant_id = ? and k.day = g.day::date
      where k.day is null or k.settings_key <> ?
         or exists (select 1 from dashboard.lead_kpi_dirty x where x.tenant_id = ? and x.day = g.day::date)
      order by 1`,
    [tenantId, tenantId, tenantId, settledAfterMinutes(sla), tenantId, settingsKey(sla), tenantId],
  );
  return result.rows.map((row) => row.day);
}

export interface BuildOptions {
  /** asked before every few days; false stops the run (the tenant no longer wants rollups) */
  wanted?: () => Promise<boolean>;
}

/** Builds every missing, stale or dirty rollup of the EntityManager's tenant, oldest first, a day per transaction. Returns the days built. */
export async function buildRollups(em: EntityManager, options: BuildOptions = {}): Promise<number> {
  const tenantId = boundTenantId(em);
  const { sla } = await new SettingsService(em).rules();
  const connection = em.getConnection();
  await connection.ensureConnection();
  const knex = connection.getKnex();
  const days = await rollupWork(knex, tenantId, sla);
  let built = 0;
  for (const day of days) {
    if (options.wanted && built % 10 === 0 && !(await options.wanted())) break;
    await buildDay(knex, em, tenantId, day, sla);
    built++;
  }
  return built;
}

/** Marks the tenant as one whose rollups the job keeps (idempotent). */
export async function wantRollups(knex: Knex, tenantId: string): Promise<void> {
  await knex.raw('insert into dashboard.lead_kpi_tenant (tenant_id) values (?) on conflict do nothing', [tenantId]);
}
