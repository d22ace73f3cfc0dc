import type { MikroORM } from '@mikro-orm/postgresql';
import type { Jobs, JobRef } from '../../jobs/jobs.js';
import { TENANT_FILTER } from '../../kernel/tenant-scope.js';
import type { Logger } from '../../logger.js';
import { buildRollups } from './dashboard.rollup.js';

export const KPI_ROLLUP_JOB = 'kpi-rollups';
export const KPI_ROLLUP_SWEEP_JOB = 'kpi-rollups-sweep';

/** Whether the tenant still wants rollups (a run stops early once it does not). */
async function stillWanted(orm: MikroORM, tenantId: string): Promise<boolean> {
  const rows = await orm.em.fork().execute<Array<{ one: number }>>('select 1 as one from dashboard.lead_kpi_tenant where tenant_id = ?', [tenantId]);
  return rows.length > 0;
}

/**
 * The rollups of leadKpis (dashboard.rollup.ts): a job per tenant builds its missing, stale and
 * dirty days, oldest first, a day per transaction; one run per tenant at a time and at most one
 * waiting (pg-boss `stately`, keyed by tenant), so a duplicate send costs nothing. Every minute, once
 * across all processes, a sweep sends it for every tenant that wants rollups: days that settled, and
 * days an edit or a rescoring marked, are rebuilt within a minute or so; until then they are read
 * live, so answers stay right meanwhile.
 */
export function defineKpiRollups(jobs: Jobs, orm: MikroORM, logger: Logger): JobRef<{ tenantId: string }> {
  const job = jobs.define<{ tenantId: string }>(
    KPI_ROLLUP_JOB,
    async ({ tenantId }) => {
      const em = orm.em.fork();
      em.setFilterParams(TENANT_FILTER, { tenantId });
      const started = Date.now();
      const days = await buildRollups(em, { wanted: () => stillWanted(orm, tenantId) });
      if (days) logger.info({ event: 'kpi_rollups_built', tenantId, days, durationMs: Date.now() - started }, 'built daily dashboard rollups');
    },
    { policy: 'stately', retryLimit: 2, retryDelaySeconds: 30, expireInSeconds: 3_600 },
  );
  jobs.define<object>(
    KPI_ROLLUP_SWEEP_JOB,
    async () => {
      const tenants = await orm.em.fork().execute<Array<{ tenant_id: string }>>('select tenant_id from dashboard.lead_kpi_tenant order by tenant_id');
      for (const { tenant_id } of tenants) await jobs.send(job, { tenantId: tenant_id }, { singletonKey: tenant_id });
    },
    { cron: '* * * * *', policy: 'singleton', retryLimit: 0 },
  );
  return job;
}
