import type { EntityManager } from '@mikro-orm/postgresql';
import { leadTable } from '../leads/lead.mapping.js';
import { ScoreChangeReason, ScoringModelStatus } from '../scoring/scoring.enums.js';
import type { ScoringModelDefinition } from '../scoring/scoring.model.js';
import { scoringSql } from '../scoring/scoring.sql.js';
import { assignmentValueSql } from './assignment.js';
import { ExperimentArm, ExperimentStatus } from './experiment.enums.js';
import { DEFAULT_BASELINE_RATE, planExperiment } from './verdict.js';

const DAY = 24 * 3600 * 1000;

/** The demo's challenger: urgency counts double, company size half. */
export const DEMO_CHALLENGER: ScoringModelDefinition = {
  criteria: {
    BUDGET: { UNDER_10K: 5, FROM_10K_TO_50K: 15, FROM_50K_TO_100K: 25, OVER_100K: 30 },
    COMPANY_SIZE: { SIZE_1_10: 0, SIZE_11_50: 5, SIZE_51_200: 10, SIZE_201_1000: 12, SIZE_OVER_1000: 15 },
    INDUSTRY: { SOFTWARE: 15, FINANCE: 15, MANUFACTURING: 10, HEALTHCARE: 10, RETAIL: 5, EDUCATION: 0, OTHER: 0 },
    URGENCY: { IMMEDIATELY: 40, THIS_WEEK: 30, THIS_MONTH: 20, THIS_QUARTER: 10, NO_TIMELINE: 0 },
  },
  tiers: { HOT: 85, KEY_ACCOUNT: 70, WARM: 40 },
};

/**
 * A finished A/B test in a demo tenant's past, as the app would have recorded it: the challenger as
 * a draft (so it can be promoted), the experiment from 175 to 62 days ago (every lead in it is past
 * its 60-day window, so every outcome is known), each lead of that period in the arm its id hashes
 * to with both scores, its visible score in the ledger (CREATED by its arm's model, RESCORED back
 * when the experiment stopped) and the other in the shadow ledger. Leads keep the active model's
 * score, as after a real stop. The plan is the one the app would have made then (no history yet:
 * the default 20 % win rate) for a 30-point effect. A handful of set-based statements.
 */
export async function seedDemoExperiment(em: EntityManager, tenantId: string, admin: { id: string; name: string }, now: Date): Promise<void> {
  const startedAt = new Date(now.getTime() - 175 * DAY);
  const finishedAt = new Date(now.getTime() - 62 * DAY);
  const split = 0.5;
  const [control] = await em.execute<Array<{ id: string; version: number; definition: ScoringModelDefinition }>>(
    `select id, version, definition from scoring_model where tenant_id = ? and status = ?`,
    [tenantId, ScoringModelStatus.ACTIVE],
  );
  const [challenger] = await em.execute<Array<{ id: string; version: number }>>(
    `insert into scoring_model (id, tenant_id, version, definition, status, comment, created_by_id, created_by_name, created_at)
     select gen_random_uuid(), ?, coalesce(max(version), 0) + 1, ?::jsonb, ?, ?, ?, ?, ? from scoring_model where tenant_id = ?
     returning id, version`,
    [tenantId, JSON.stringify(DEMO_CHALLENGER), ScoringModelStatus.DRAFT, 'Urgency counts double, company size half (tested in the demo experiment).', admin.id, admin.name, startedAt, tenantId],
  );
  const plan = planExperiment({ baselineRate: DEFAULT_BASELINE_RATE, minimumDetectableEffect: 0.3, split });
  const [experiment] = await em.execute<Array<{ id: string }>>(
    `insert into experiment (id, tenant_id, status, control_model_id, control_version, control_definition, challenger_model_id, challenger_version, challenger_definition,
       split, outcome_window_days, minimum_detectable_effect, baseline_rate, planned_control_outcomes, planned_challenger_outcomes,
       started_at, started_by_id, started_by_name, finished_at, finished_by_name, end_reason)
     values (gen_random_uuid(), ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, 60, 0.3, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      tenantId, ExperimentStatus.FINISHED, control.id, control.version, JSON.stringify(control.definition), challenger.id, challenger.version, JSON.stringify(DEMO_CHALLENGER),
      split, DEFAULT_BASELINE_RATE, plan.plannedControlOutcomes, plan.plannedChallengerOutcomes, startedAt, admin.id, admin.name, finishedAt, admin.name, `Stopped by ${admin.name}.`,
    ],
  );

  // both scores of every lead created while it ran, by the same SQL rescoring uses
  const table = leadTable(em);
  const scored = (definition: ScoringModelDefinition) => {
    const s = scoringSql(definition, table);
    const score = s.score(s.columns.map((c) => s.pointsOf(c.criterion, 'l')));
    return { points: s.points, select: `select l.id, ${score} as score, ${s.tier(score)} as tier from lead l, (select ?::jsonb as pts) m where l.tenant_id = ? and l.created_at >= ? and l.created_at < ?` };
  };
  const c = scored(control.definition);
  const h = scored(DEMO_CHALLENGER);
  await em.execute(
    `with c as (${c.select}), h as (${h.select})
     insert into lead_experiment (lead_id, tenant_id, experiment_id, arm, control_score, control_tier, challenger_score, challenger_tier, assigned_at)
     select l.id, l.tenant_id, ?, case when ${assignmentValueSql('?::uuid', 'l.id')} < ? then '${ExperimentArm.CHALLENGER}' else '${ExperimentArm.CONTROL}' end,
            c.score, c.tier, h.score, h.tier, l.created_at
       from c join h on h.id = c.id join lead l on l.id = c.id`,
    [c.points, tenantId, startedAt, finishedAt, h.points, tenantId, startedAt, finishedAt, experiment.id, experiment.id, split],
  );
  const visible = `case le.arm when '${ExperimentArm.CHALLENGER}' then le.challenger_score else le.control_score end`;
  const visibleTier = `case le.arm when '${ExperimentArm.CHALLENGER}' then le.challenger_tier else le.control_tier end`;
  await em.execute(
    `insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id, created_at)
     select le.tenant_id, le.lead_id, null, ${visible}, null, ${visibleTier},
            case le.arm when '${ExperimentArm.CHALLENGER}' then ? else ? end, '${ScoreChangeReason.CREATED}', 'USER', ?, le.assigned_at
       from lead_experiment le where le.experiment_id = ? order by le.assigned_at`,
    [challenger.version, control.version, admin.id, experiment.id],
  );
  await em.execute(
    `insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id, created_at)
     select le.tenant_id, le.lead_id, le.challenger_score, le.control_score, le.challenger_tier, le.control_tier, ?, '${ScoreChangeReason.RESCORED}', 'USER', ?, ?
       from lead_experiment le where le.experiment_id = ? and le.arm = '${ExperimentArm.CHALLENGER}' and le.challenger_score <> le.control_score order by le.lead_id`,
    [control.version, admin.id, finishedAt, experiment.id],
  );
  await em.execute(
    `insert into experiment_score_change (tenant_id, experiment_id, lead_id, model_version, old_score, new_score, old_tier, new_tier, reason, created_at)
     select le.tenant_id, le.experiment_id, le.lead_id, case le.arm when '${ExperimentArm.CHALLENGER}' then ? else ? end, null,
            case le.arm when '${ExperimentArm.CHALLENGER}' then le.control_score else le.challenger_score end, null,
            case le.arm when '${ExperimentArm.CHALLENGER}' then le.control_tier else le.challenger_tier end, '${ScoreChangeReason.CREATED}', le.assigned_at
       from lead_experiment le where le.experiment_id = ? order by le.assigned_at`,
    [control.version, challenger.version, experiment.id],
  );
}
