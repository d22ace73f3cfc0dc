import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../kernel/ids.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import type { Lead } from '../leads/lead.entity.js';
import type { ActiveModel } from '../scoring/model-cache.js';
import { recordScoreChange, type ScoreActor } from '../scoring/score-ledger.js';
import { ScoreChangeReason } from '../scoring/scoring.enums.js';
import { scoreLead, type ScoreResult } from '../scoring/scoring.model.js';
import { armOf } from './assignment.js';
import { runningExperimentCache, type RunningExperiment } from './experiment.cache.js';
import { ExperimentArm, ExperimentStatus } from './experiment.enums.js';

/** The model that scores one lead, and what to store once the lead is written. */
export interface LeadScoringModel extends ActiveModel {
  /** false: the lead is outside a running experiment and `record` does nothing */
  inExperiment: boolean;
  /**
   * Call inside the lead's transaction, after the lead is flushed and its score change recorded,
   * before its event: stores the lead's score under both models of its experiment (the other arm's
   * in the shadow ledger). Does nothing for a lead outside a running experiment.
   */
  record(em: EntityManager, lead: Lead, actor: ScoreActor): Promise<void>;
}

const noRecord = async () => {};

/**
 * The scoring strategy of lead writes: a lead in the running experiment is scored by its arm's model
 * (the one its rep sees), every other lead by the active model. New leads join the running
 * experiment in the arm their id hashes to; leads created before it started stay out (their outcome
 * window began under the old ranking, so it cannot be credited to either arm).
 */
export async function experimentScoring(em: EntityManager, active: ActiveModel, lead: { id: string; created: boolean }): Promise<LeadScoringModel> {
  const running = await runningExperimentCache(em).get(em);
  // publishing another version ends the experiment; until that reaches this process, score as usual
  if (!running || running.controlVersion !== active.version || !isUuid(lead.id)) return { ...active, inExperiment: false, record: noRecord };
  let arm: ExperimentArm;
  if (lead.created) {
    arm = armOf(running.id, lead.id, running.split);
  } else {
    const [row] = await em.execute<Array<{ arm: ExperimentArm }>>('select arm from lead_experiment where tenant_id = ? and lead_id = ? and experiment_id = ?', [
      boundTenantId(em),
      lead.id,
      running.id,
    ]);
    if (!row) return { ...active, inExperiment: false, record: noRecord };
    arm = row.arm;
  }
  const model = arm === ExperimentArm.CHALLENGER ? { id: running.challengerId, version: running.challengerVersion, definition: running.challenger } : active;
  return { ...model, inExperiment: true, record: (tx, stored, actor) => recordBothScores(tx, { running, arm, active, created: lead.created }, stored, actor) };
}

interface Assignment {
  running: RunningExperiment;
  arm: ExperimentArm;
  active: ActiveModel;
  created: boolean;
}

async function recordBothScores(tx: EntityManager, { running, arm, active, created }: Assignment, lead: Lead, actor: ScoreActor): Promise<void> {
  const tenantId = boundTenantId(tx);
  // a share lock: stopping waits for this transaction, so its sweep sees this lead's score
  const [state] = await tx.execute<Array<{ status: ExperimentStatus }>>('select status from experiment where id = ? and tenant_id = ? for share', [running.id, tenantId]);
  if (state?.status !== ExperimentStatus.RUNNING) {
    if (arm === ExperimentArm.CHALLENGER) await backToActive(tx, lead, active, actor);
    return;
  }
  const control = scoreLead(running.control, lead);
  const challenger = scoreLead(running.challenger, lead);
  const [previous] = created
    ? []
    : await tx.execute<Array<{ control_score: number; control_tier: string; challenger_score: number; challenger_tier: string }>>(
        'select control_score, control_tier, challenger_score, challenger_tier from lead_experiment where tenant_id = ? and lead_id = ?',
        [tenantId, lead.id],
      );
  await tx.execute(
    `insert into lead_experiment (lead_id, tenant_id, experiment_id, arm, control_score, control_tier, challenger_score, challenger_tier)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (lead_id) do update set control_score = excluded.control_score, control_tier = excluded.control_tier,
       challenger_score = excluded.challenger_score, challenger_tier = excluded.challenger_tier`,
    [lead.id, tenantId, running.id, arm, control.score, control.tier, challenger.score, challenger.tier],
  );
  const shadow: ScoreResult = arm === ExperimentArm.CONTROL ? challenger : control;
  const old = previous && (arm === ExperimentArm.CONTROL ? { score: previous.challenger_score, tier: previous.challenger_tier } : { score: previous.control_score, tier: previous.control_tier });
  if (old && old.score === shadow.score) return;
  await tx.execute(
    `insert into experiment_score_change (tenant_id, experiment_id, lead_id, model_version, old_score, new_score, old_tier, new_tier, reason)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      tenantId,
      running.id,
      lead.id,
      arm === ExperimentArm.CONTROL ? running.challengerVersion : running.controlVersion,
      old?.score ?? null,
      shadow.score,
      old?.tier ?? null,
      shadow.tier,
      created ? ScoreChangeReason.CREATED : ScoreChangeReason.UPDATED,
    ],
  );
}

/** The experiment ended while this lead was being written with the challenger's score: it takes the active model's, as every lead did. */
async function backToActive(tx: EntityManager, lead: Lead, active: ActiveModel, actor: ScoreActor): Promise<void> {
  const previous = { score: lead.score, tier: lead.tier };
  const result = scoreLead(active.definition, lead);
  Object.assign(lead, { score: result.score, tier: result.tier, scoreBreakdown: result.breakdown, modelVersion: active.version });
  await tx.flush();
  if (result.score === previous.score) return;
  await recordScoreChange(tx, {
    tenantId: boundTenantId(tx),
    leadId: lead.id,
    oldScore: previous.score,
    newScore: result.score,
    oldTier: previous.tier,
    newTier: result.tier,
    modelVersion: active.version,
    reason: ScoreChangeReason.RESCORED,
    actor,
  });
}
