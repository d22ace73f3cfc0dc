import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../../errors.js';
import { recordEvent } from '../../events/outbox.js';
import { isUuid } from '../../kernel/ids.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import type { Principal } from '../auth/principal.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { queueRescoring, recordProgress, unfinishedRescoring, type RescoringQueue } from '../scoring/rescoring.service.js';
import { ScoringModelStatus } from '../scoring/scoring.enums.js';
import { ScoringModel } from '../scoring/scoring-model.entity.js';
import { lockModels } from '../scoring/scoring.service.js';
import { runningExperimentCache } from './experiment.cache.js';
import { Experiment } from './experiment.entity.js';
import { ExperimentArm, ExperimentStatus, ProportionTest } from './experiment.enums.js';
import type { StartExperimentInput } from './experiment.inputs.js';
import { experimentNumbers, type ArmNumbers, type ExperimentLeadRow } from './experiment.results.js';
import { sameDefinition, startInputErrors } from './experiment.rules.js';
import { confidenceInterval, type ExperimentArmResult, type ExperimentNode, type ExperimentResult } from './experiment.types.js';
import { DEFAULT_BASELINE_RATE, planExperiment } from './verdict.js';

/** An experiment started or finished: every process drops its cached running experiment of the tenant. */
export const EXPERIMENT_CHANGED_EVENT = 'experiment.changed';
/** Below this many past outcomes the tenant's win rate is too uncertain to plan with; the default is used. */
const MIN_BASELINE_OUTCOMES = 20;

/** Experiments of the EntityManager's tenant. */
export class ExperimentService {
  constructor(private readonly em: EntityManager) {}

  async list(): Promise<ExperimentNode[]> {
    const experiments = await this.em.find(Experiment, {}, { orderBy: { startedAt: 'desc' } });
    return this.nodes(experiments);
  }

  /**
   * Starts an A/B test of `challengerId` against the active version. Refused while another runs,
   * while leads are being rescored, or when the challenger is the active version itself. The plan
   * (outcomes per arm) is fixed here, from the tenant's win rate over the past year.
   */
  async start(principal: Principal, input: StartExperimentInput): Promise<ExperimentNode> {
    const errors = startInputErrors(input);
    if (errors.length) throw badUserInput(errors);
    const tenantId = boundTenantId(this.em);
    const experiment = await this.em.transactional(async (em) => {
      // publishes take the same lock: the active version cannot change under a starting experiment
      await lockModels(em, tenantId);
      const challenger = isUuid(input.challengerId) ? await em.findOne(ScoringModel, { id: input.challengerId }) : null;
      if (!challenger) throw badUserInput([{ field: 'challengerId', code: 'OUT_OF_RANGE', message: 'There is no such version in your tenant.' }]);
      if (challenger.status === ScoringModelStatus.ACTIVE) {
        throw badUserInput([{ field: 'challengerId', code: 'OUT_OF_RANGE', message: `Version ${challenger.version} is the active model already; choose a draft or an earlier version to test against it.` }]);
      }
      const running = await em.findOne(Experiment, { status: ExperimentStatus.RUNNING });
      if (running) {
        throw badUserInput([
          { field: 'challengerId', code: 'OUT_OF_RANGE', message: `An experiment is running already (version ${running.challengerVersion} against ${running.controlVersion}); stop it first.` },
        ]);
      }
      const rescoring = await unfinishedRescoring(em);
      if (rescoring) {
        throw badUserInput([{ field: 'challengerId', code: 'OUT_OF_RANGE', message: `Leads are still being rescored with version ${rescoring.modelVersion}; start the experiment once that has finished.` }]);
      }
      const control = await em.findOneOrFail(ScoringModel, { status: ScoringModelStatus.ACTIVE });
      const baselineRate = await baseline(em, tenantId, input.outcomeWindowDays);
      const plan = planExperiment({ baselineRate, minimumDetectableEffect: input.minimumDetectableEffect, split: input.split, minimumOutcomes: input.minimumOutcomes });
      const created = em.create(Experiment, {
        tenant: tenantId,
        controlModelId: control.id,
        controlVersion: control.version,
        controlDefinition: control.definition,
        challengerModelId: challenger.id,
        challengerVersion: challenger.version,
        challengerDefinition: challenger.definition,
        split: input.split,
        outcomeWindowDays: input.outcomeWindowDays,
        minimumDetectableEffect: input.minimumDetectableEffect,
        baselineRate,
        ...plan,
        startedById: principal.id,
        startedByName: principal.name,
      });
      await em.flush();
      await recordEvent(em, { type: EXPERIMENT_CHANGED_EVENT, tenantId, aggregateId: created.id, payload: { status: ExperimentStatus.RUNNING } });
      return created;
    });
    runningExperimentCache(this.em).drop(tenantId);
    return (await this.nodes([experiment]))[0];
  }

  /**
   * Ends an experiment: new leads are scored by the active model only, and the leads that showed the
   * challenger's score take the active model's again (ledger entries RESCORED, `leadScored` events).
   * Marking it finished waits for lead writes that still see it running (they hold a share lock on
   * its row); the rescoring is queued in the same transaction and runs in the background, in batches
   * (rescoring.runner.ts), not in this request: an experiment of many leads took minutes here, in one
   * transaction over all of them. Its second pass catches leads written by a process that still saw
   * the experiment running. A rescoring that failed for good is retried by publishing the active
   * version again, as after a publish.
   */
  async stop(principal: Principal, id: string, queue: RescoringQueue): Promise<ExperimentNode> {
    const tenantId = boundTenantId(this.em);
    const { experiment, queued } = await this.em.transactional(async (em) => {
      // as publishing does: one change of the tenant's models (and one job for them) at a time
      await lockModels(em, tenantId);
      const found = isUuid(id) ? await em.findOne(Experiment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!found) throw notFound('There is no such experiment in your tenant.');
      if (found.status !== ExperimentStatus.RUNNING) return { experiment: found, queued: false };
      Object.assign(found, { status: ExperimentStatus.FINISHED, finishedAt: new Date(), finishedByName: principal.name, endReason: `Stopped by ${principal.name}.` });
      await em.flush();
      await recordEvent(em, { type: EXPERIMENT_CHANGED_EVENT, tenantId, aggregateId: found.id, payload: { status: ExperimentStatus.FINISHED } });
      // a rescoring still unfinished (none can be while an experiment runs, see start) would cover these leads in its second pass
      if (await unfinishedRescoring(em)) return { experiment: found, queued: true };
      const active = await em.findOneOrFail(ScoringModel, { status: ScoringModelStatus.ACTIVE });
      const job = await queueRescoring(em, tenantId, active, principal.id);
      await recordProgress(em, job.id);
      return { experiment: found, queued: true };
    });
    runningExperimentCache(this.em).drop(tenantId);
    if (queued) await queue.start(tenantId);
    return (await this.nodes([experiment]))[0];
  }

  async result(id: string): Promise<ExperimentResult> {
    const experiment = isUuid(id) ? await this.em.findOne(Experiment, { id }) : null;
    if (!experiment) throw notFound('There is no such experiment in your tenant.');
    const tenantId = boundTenantId(this.em);
    const rows = await this.em.execute<Array<Record<string, any>>>(
      `select le.lead_id, le.arm, le.control_score, le.challenger_score, l.created_at, l.status, l.closed_at
         from lead_experiment le join lead l on l.id = le.lead_id and l.tenant_id = le.tenant_id
        where le.tenant_id = ? and le.experiment_id = ?`,
      [tenantId, experiment.id],
    );
    const leads: ExperimentLeadRow[] = rows.map((row) => ({
      leadId: row.lead_id,
      arm: row.arm,
      controlScore: row.control_score,
      challengerScore: row.challenger_score,
      createdAt: new Date(row.created_at),
      status: row.status as LeadStatus,
      closedAt: row.closed_at ? new Date(row.closed_at) : null,
    }));
    const computedAt = new Date();
    const numbers = experimentNumbers(leads, experiment, computedAt);
    const [node] = await this.nodes([experiment]);
    const { verdict, comparison, decision } = numbers;
    return {
      experiment: node,
      control: armResult(numbers.control, experiment.controlVersion),
      challenger: armResult(numbers.challenger, experiment.challengerVersion),
      difference: confidenceInterval(comparison.difference),
      test: testOf(comparison.method),
      pValue: comparison.pValue,
      outcomesForObservedDifference: numbers.outcomesForObservedDifference,
      horizonReached: verdict.horizonReached,
      moreOutcomesNeeded: verdict.moreOutcomesNeeded,
      verdict: verdict.verdict,
      decision:
        decision && verdict.comparison
          ? {
              controlOutcomes: decision.control.outcomes,
              controlWins: decision.control.wins,
              challengerOutcomes: decision.challenger.outcomes,
              challengerWins: decision.challenger.wins,
              difference: confidenceInterval(verdict.comparison.difference),
              test: testOf(verdict.comparison.method),
              pValue: verdict.comparison.pValue,
              decidedAt: decision.decidedAt,
            }
          : null,
      computedAt,
    };
  }

  /** API nodes with each experiment's lead count and whether its challenger was edited since, in two statements. */
  private async nodes(experiments: Experiment[]): Promise<ExperimentNode[]> {
    if (!experiments.length) return [];
    const tenantId = boundTenantId(this.em);
    const ids = `{${experiments.map((e) => e.id).join(',')}}`;
    const counts = await this.em.execute<Array<{ experiment_id: string; n: string }>>(
      'select experiment_id, count(*) as n from lead_experiment where tenant_id = ? and experiment_id = any(?::uuid[]) group by experiment_id',
      [tenantId, ids],
    );
    const models = await this.em.fork().find(ScoringModel, { id: { $in: experiments.map((e) => e.challengerModelId) } });
    return experiments.map((e) => {
      const current = models.find((m) => m.id === e.challengerModelId);
      return {
        id: e.id,
        status: e.status,
        controlModelId: e.controlModelId,
        controlVersion: e.controlVersion,
        challengerModelId: e.challengerModelId,
        challengerVersion: e.challengerVersion,
        challengerChanged: !current || !sameDefinition(current.definition, e.challengerDefinition),
        split: e.split,
        outcomeWindowDays: e.outcomeWindowDays,
        minimumDetectableEffect: e.minimumDetectableEffect,
        baselineRate: e.baselineRate,
        plannedControlOutcomes: e.plannedControlOutcomes,
        plannedChallengerOutcomes: e.plannedChallengerOutcomes,
        plannedOutcomes: e.plannedControlOutcomes + e.plannedChallengerOutcomes,
        leads: Number(counts.find((c) => c.experiment_id === e.id)?.n ?? 0),
        startedAt: e.startedAt,
        startedBy: e.startedByName ?? null,
        finishedAt: e.finishedAt ?? null,
        finishedBy: e.finishedByName ?? null,
        endReason: e.endReason ?? null,
      };
    });
  }
}

/**
 * The tenant's win rate over the leads of the past year whose outcome is known, by the rule of
 * `leadOutcome` (outcome.ts) written as SQL; the default when there are too few.
 */
async function baseline(em: EntityManager, tenantId: string, windowDays: number): Promise<number> {
  const [row] = await em.execute<Array<{ wins: string; outcomes: string }>>(
    `with w as (select status, closed_at, created_at + make_interval(days => ?) as deadline from lead where tenant_id = ? and created_at >= now() - interval '365 days')
     select count(*) filter (where status = ? and closed_at <= deadline) as wins,
            count(*) filter (where (status = ? and closed_at <= deadline) or now() >= deadline or (status = ? and closed_at is not null)) as outcomes
       from w`,
    [windowDays, tenantId, LeadStatus.WON, LeadStatus.WON, LeadStatus.LOST],
  );
  const outcomes = Number(row.outcomes);
  return outcomes >= MIN_BASELINE_OUTCOMES ? Number(row.wins) / outcomes : DEFAULT_BASELINE_RATE;
}


function testOf(method: 'fisher' | 'z'): ProportionTest {
  return method === 'fisher' ? ProportionTest.FISHER : ProportionTest.Z;
}

function armResult(arm: ArmNumbers, modelVersion: number): ExperimentArmResult {
  return {
    arm: arm.arm as ExperimentArm,
    modelVersion,
    leads: arm.leads,
    outcomes: arm.outcomes,
    wins: arm.wins,
    pending: arm.pending,
    plannedOutcomes: arm.planned,
    conversion: confidenceInterval(arm.conversion),
    topDecile: {
      threshold: Number.isNaN(arm.topDecile.threshold) ? null : arm.topDecile.threshold,
      outcomes: arm.topDecile.n,
      wins: arm.topDecile.positives,
      conversion: confidenceInterval(arm.topDecile.rate),
    },
  };
}
