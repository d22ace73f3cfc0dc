import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Jobs } from '../../jobs/jobs.js';
import type { Logger } from '../../logger.js';
import { LeadTier } from '../leads/lead.enums.js';
import { slaMinutesSql } from './sla.sql.js';

export const SLA_SWEEP_JOB = 'sla-sweep';
/** Leads marked per statement, so no statement holds many row locks for long. */
const BATCH = 5_000;

export type BreachCounts = Record<LeadTier, number>;

/**
 * Marks every lead that went past its SLA while NEW since the last run (`sla_breached_at`), across
 * all tenants, and returns how many per tier. A lead is marked once, whichever process runs the
 * job, so counting the marked rows counts each breach once. A tier at a time: the shortest SLA of
 * that tier over all tenants bounds the scan of the pending index, so leads inside every tenant's
 * SLA, and tiers without any SLA, cost nothing.
 */
export async function markBreachedLeads(em: EntityManager): Promise<BreachCounts> {
  const counts: BreachCounts = { HOT: 0, KEY_ACCOUNT: 0, WARM: 0, COLD: 0 };
  const connection = em.getConnection();
  for (const tier of Object.values(LeadTier)) {
    const [{ minutes }] = await connection.execute<Array<{ minutes: number | null }>>(
      `select min(${slaMinutesSql('s', '?')}) as minutes from tenant t left join tenant_settings s on s.tenant_id = t.id`,
      [tier],
    );
    if (minutes == null) continue;
    for (;;) {
      const marked = await connection.execute<Array<{ id: string }>>(
        `update lead set sla_breached_at = now() where id in (
           select l.id from lead l left join tenant_settings s on s.tenant_id = l.tenant_id
            where l.status = 'NEW' and l.sla_breached_at is null and l.tier = ?
              and l.created_at < now() - make_interval(mins => ?)
              and l.created_at < now() - make_interval(mins => ${slaMinutesSql('s', 'l.tier')})
            order by l.created_at limit ? for update of l skip locked)
         returning id`,
        [tier, minutes, BATCH],
      );
      counts[tier] += marked.length;
      if (marked.length < BATCH) break;
    }
  }
  return counts;
}

/** Open leads past their SLA now, per tier, across all tenants (leads contacted since, or whose SLA was lengthened, drop out). */
export async function countBreachedLeads(em: EntityManager): Promise<BreachCounts> {
  const rows = await em.getConnection().execute<Array<{ tier: LeadTier; count: string | number }>>(
    `select l.tier, count(*) as count from lead l left join tenant_settings s on s.tenant_id = l.tenant_id
      where l.status = 'NEW' and l.sla_breached_at is not null
        and l.created_at < now() - make_interval(mins => ${slaMinutesSql('s', 'l.tier')})
      group by l.tier`,
  );
  const counts: BreachCounts = { HOT: 0, KEY_ACCOUNT: 0, WARM: 0, COLD: 0 };
  for (const row of rows) counts[row.tier] = Number(row.count);
  return counts;
}

/** Every minute, once across all processes: marks new breaches and hands their counts to `onBreaches` (the metric). */
export function defineSlaSweep(jobs: Jobs, orm: MikroORM, logger: Logger, onBreaches: (counts: BreachCounts) => void) {
  return jobs.define<object>(
    SLA_SWEEP_JOB,
    async () => {
      const counts = await markBreachedLeads(orm.em.fork());
      onBreaches(counts);
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (total) logger.info({ event: 'sla_breached', ...counts }, `${total} leads went past their SLA`);
    },
    // a run that finds its predecessor still going is dropped: the next minute catches up
    { cron: '* * * * *', policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
  );
}
