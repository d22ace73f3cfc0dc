import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Jobs } from '../../jobs/jobs.js';
import { TENANT_FILTER } from '../../kernel/tenant-scope.js';
import type { Logger } from '../../logger.js';
import { LEAD_SCORED_EVENT, leadRecordSql } from '../leads/lead.events.js';
import type { LeadTier } from '../leads/lead.enums.js';
import { leadTable } from '../leads/lead.mapping.js';
import { LeadScoredReason } from '../leads/lead.types.js';
import { recordScoreChanges, ScoreChangeReason, SYSTEM_ACTOR } from '../scoring/score-ledger.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { scoringSql } from '../scoring/scoring.sql.js';
import { runningExperimentCache } from '../experiments/experiment.cache.js';
import { ExperimentArm, ExperimentStatus } from '../experiments/experiment.enums.js';
import { OPEN_STATUSES } from './lifecycle.enums.js';
import type { DecayRule } from './settings.rules.js';

export const SCORE_DECAY_JOB = 'score-decay';
/** Leads per transaction: each batch locks its leads, writes them, their ledger rows and events, and commits. */
const BATCH = 1_000;

interface DecayedRow {
  id: string;
  old_score: number;
  old_tier: LeadTier;
  score: number;
  tier: LeadTier;
  model_version: number;
}

/**
 * Takes `points` off every open lead of the EntityManager's tenant that nobody worked for
 * `everyDays` days (and that decay did not touch in as long), never below `floor`; the tier
 * follows the thresholds of the model that scored the lead (the active one, or the running
 * experiment's challenger for a lead in its arm; the experiment's per-model scores stay the models'
 * own, as decay applies to both arms alike). Set-based, a batch of leads per transaction, each with
 * its ledger rows (DECAYED, by the system) and `lead.scored` events (DECAYED, previous score), so
 * subscribers see it like a rescore. Returns how many leads lost points.
 */
export async function decayScores(em: EntityManager, tenantId: string, rule: DecayRule, batchSize = BATCH): Promise<number> {
  const model = await new ScoringService(em).activeModel();
  const table = leadTable(em);
  // a lead in the challenger arm of the running experiment is tiered by the challenger's thresholds,
  // as its score was made by the challenger; its arm is read in the statement, which also sees the
  // experiment's status, so an experiment that ended since the cache was filled tiers nobody by its model
  const running = await runningExperimentCache(em).get(em);
  const challenger = running && running.controlVersion === model.version ? running : null;
  const activeTier = scoringSql(model.definition, table).tier('b.new_score');
  const tier = challenger ? `(case when b.challenger then ${scoringSql(challenger.challenger, table).tier('b.new_score')} else ${activeTier} end)` : activeTier;
  const arm = challenger
    ? `exists (select 1 from lead_experiment le join experiment e on e.id = le.experiment_id and e.tenant_id = le.tenant_id
                where le.lead_id = l.id and le.tenant_id = l.tenant_id and le.experiment_id = ? and le.arm = '${ExperimentArm.CHALLENGER}'
                  and e.status = '${ExperimentStatus.RUNNING}')`
    : 'false';
  const idle = `now() - make_interval(days => ?)`;
  let decayed = 0;
  let position: string | null = null;
  for (;;) {
    const rows: DecayedRow[] = await em.fork().transactional(async (tx) => {
      const updated = await tx.execute<DecayedRow[]>(
        `with batch as (
           select l.id, l.score as old_score, l.tier as old_tier, greatest(?::int, l.score - ?::int) as new_score, ${arm} as challenger from lead l
            where l.tenant_id = ? and l.status = any(?::text[]) and l.score > ?
              and l.last_activity_at < ${idle} and (l.decayed_at is null or l.decayed_at < ${idle})
              ${position ? 'and l.id > ?' : ''}
            order by l.id limit ? for update of l skip locked
         )
         update lead l set score = b.new_score, tier = ${tier}, decayed_at = now(), updated_at = now()
           from batch b where l.id = b.id
         returning l.id, b.old_score, b.old_tier, l.score, l.tier, l.model_version`,
        [rule.floor, rule.points, ...(challenger ? [challenger.id] : []), tenantId, `{${OPEN_STATUSES.join(',')}}`, rule.floor, rule.everyDays, rule.everyDays, ...(position ? [position] : []), batchSize],
      );
      if (!updated.length) return updated;
      updated.sort((a, b) => (a.id < b.id ? -1 : 1));
      await recordScoreChanges(
        tx,
        updated.map((row) => ({
          tenantId,
          leadId: row.id,
          oldScore: row.old_score,
          newScore: row.score,
          oldTier: row.old_tier,
          newTier: row.tier,
          modelVersion: row.model_version,
          reason: ScoreChangeReason.DECAYED,
          actor: SYSTEM_ACTOR,
        })),
      );
      // last in the transaction, as every event is: the lead as this transaction stored it
      await tx.execute(
        `insert into event (id, type, tenant_id, aggregate_id, payload)
         select gen_random_uuid(), '${LEAD_SCORED_EVENT}', u.tenant_id, u.id,
                jsonb_build_object('reason', '${LeadScoredReason.DECAYED}', 'previousScore', d.old_score, 'lead', ${leadRecordSql(tx, 'u')})
           from lead u join unnest(?::uuid[], ?::int[]) as d (id, old_score) on d.id = u.id
          where u.tenant_id = ? order by u.id`,
        [`{${updated.map((row) => row.id).join(',')}}`, `{${updated.map((row) => row.old_score).join(',')}}`, tenantId],
      );
      return updated;
    });
    decayed += rows.length;
    if (rows.length < batchSize) return decayed;
    position = rows[rows.length - 1].id;
  }
}

/** Daily, once across all processes: decays the scores of every tenant that turned decay on. */
export function defineScoreDecay(jobs: Jobs, orm: MikroORM, logger: Logger) {
  return jobs.define<object>(
    SCORE_DECAY_JOB,
    async () => {
      const tenants = await orm.em.fork().execute<Array<{ tenant_id: string; decay_points: number; decay_every_days: number; decay_floor: number }>>(
        'select tenant_id, decay_points, decay_every_days, decay_floor from tenant_settings where decay_enabled',
      );
      for (const t of tenants) {
        const em = orm.em.fork();
        em.setFilterParams(TENANT_FILTER, { tenantId: t.tenant_id });
        const decayed = await decayScores(em, t.tenant_id, { enabled: true, points: t.decay_points, everyDays: t.decay_every_days, floor: t.decay_floor });
        if (decayed) logger.info({ event: 'scores_decayed', tenantId: t.tenant_id, leads: decayed }, 'decayed the scores of idle leads');
      }
    },
    { cron: '41 2 * * *', policy: 'singleton', retryLimit: 2, retryDelaySeconds: 600, expireInSeconds: 3_600 },
  );
}
