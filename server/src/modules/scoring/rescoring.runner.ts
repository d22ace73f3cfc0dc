import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../../kernel/tenant-scope.js';
import type { Logger } from '../../logger.js';
import { LEAD_SCORED_EVENT, leadRecordSql } from '../leads/lead.events.js';
import { leadTable } from '../leads/lead.mapping.js';
import { LeadScoredReason } from '../leads/lead.types.js';
import { RescoringJob } from './rescoring-job.entity.js';
import { RescoringState, ScoreChangeReason } from './scoring.enums.js';
import type { ScoringModelDefinition } from './scoring.model.js';
import { scoringSql } from './scoring.sql.js';
import { recordProgress } from './rescoring.service.js';

export interface RescoringOptions {
  /** Leads per transaction (default 2,000). */
  batchSize?: number;
  /** Rest after each batch, given how long it took: the API keeps its share of the database and CPU (default: half as long as the batch, at least 20 ms). */
  pauseMs?: (batchMs: number) => number;
  /** Stop after this many batches, as a crash would (tests of restarts). */
  maxBatches?: number;
}

/** A failure beyond this many attempts ends the job FAILED (pg-boss's retryLimit is one less). */
export const RESCORING_ATTEMPTS = 3;
const DEFAULT_BATCH = 2_000;
const defaultPause = (batchMs: number) => Math.min(1_000, Math.max(20, batchMs / 2));

export interface BatchStatement {
  sql: string;
  params: unknown[];
}

/**
 * One batch as one statement: the next leads by id that the model has not scored yet, locked,
 * rescored like `scoreLead` would, updated; a ledger row and a `lead.scored` event (RESCORED, with
 * the previous score and the lead as stored) for each lead whose score changed. Unchanged leads
 * only get the model version (and the breakdown of the new points). Returns the batch's size, how
 * many changed, and the last id (the next keyset position).
 */
export function batchStatement(em: EntityManager, job: { tenantId: string; version: number; actorId: string; definition: ScoringModelDefinition }, position: string | null, limit: number): BatchStatement {
  const table = leadTable(em);
  const s = scoringSql(job.definition, table);
  const col = (property: Parameters<typeof table.column>[0]) => table.column(property);
  const points = s.columns.map((c) => s.pointsOf(c.criterion, 'l'));
  const score = s.score(points);
  const after = position ? `and l.${col('id')} > ?` : '';
  // the update reads the batch's ids as an array, so it walks the primary key whatever the table's size
  const sql = `
    with batch as materialized (
      select l.${col('id')} as id, l.${col('score')} as old_score, l.${col('tier')} as old_tier from ${table.name} l
       where l.${col('tenant')} = ? and l.${col('modelVersion')} <> ? ${after}
       order by l.${col('id')} limit ? for update
    ), updated as (
      update ${table.name} l
         set ${col('score')} = ${score}, ${col('tier')} = ${s.tier(score)}, ${col('scoreBreakdown')} = ${s.breakdown(points)}, ${col('modelVersion')} = ?,
             ${col('updatedAt')} = case when ${score} <> l.${col('score')} then now() else l.${col('updatedAt')} end
        from (select ?::jsonb as pts) m
       where l.${col('tenant')} = ? and l.${col('id')} = any(array(select id from batch))
      returning l.*
    ), changed as materialized (
      select u.*, b.old_score, b.old_tier from updated u join batch b on b.id = u.${col('id')} where u.${col('score')} <> b.old_score
    ), ledger as (
      insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id)
      select c.${col('tenant')}, c.${col('id')}, c.old_score, c.${col('score')}, c.old_tier, c.${col('tier')}, c.${col('modelVersion')}, '${ScoreChangeReason.RESCORED}', 'USER', ?
        from changed c order by c.${col('id')}
    ), events as (
      insert into event (id, type, tenant_id, aggregate_id, payload)
      select gen_random_uuid(), '${LEAD_SCORED_EVENT}', c.${col('tenant')}, c.${col('id')},
             jsonb_build_object('reason', '${LeadScoredReason.RESCORED}', 'previousScore', c.old_score, 'lead', ${leadRecordSql(em, 'c')})
        from changed c order by c.${col('id')}
    )
    select (select count(*) from updated)::int as n, (select count(*) from changed)::int as changed, (select max(id::text) from batch) as last_id`;
  const params = [job.tenantId, job.version, ...(position ? [position] : []), limit, job.version, s.points, job.tenantId, job.actorId];
  return { sql, params };
}

type Outcome = 'more' | 'finished';

/**
 * Runs (or continues) one rescoring job to its end: batch after batch, each in its own
 * transaction that also moves the job's position, so a run that stops anywhere resumes at the
 * first lead not done. After the first pass a second one from the start catches leads that a
 * process still holding the previous model wrote meanwhile (they carry the old version).
 * Returns how it ended.
 */
export async function runRescoring(orm: MikroORM, jobId: string, logger: Logger, options: RescoringOptions = {}): Promise<'done' | 'failed' | 'stopped' | 'gone'> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const pause = options.pauseMs ?? defaultPause;
  // the job is found by id, then everything runs bound to its tenant
  const [found] = await orm.em.fork().execute<Array<{ tenant_id: string }>>('select tenant_id from rescoring_job where id = ?', [jobId]);
  if (!found) return 'gone';
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: found.tenant_id });
  const job = await em.findOne(RescoringJob, { id: jobId }, { populate: ['model'] });
  if (!job) return 'gone';
  if (job.state === RescoringState.DONE || job.state === RescoringState.FAILED) return job.state === RescoringState.DONE ? 'done' : 'failed';
  const context = { tenantId: found.tenant_id, version: job.modelVersion, actorId: job.actorId, definition: job.model.definition };
  const log = logger.child({ job: 'rescoring', jobId, tenantId: found.tenant_id, modelVersion: job.modelVersion });

  try {
    await em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<Array<{ state: string }>>('select state from rescoring_job where id = ? for update', [jobId]);
      if (row.state !== RescoringState.QUEUED) return;
      await tx.execute('update rescoring_job set state = ?, started_at = coalesce(started_at, now()), updated_at = now() where id = ?', [RescoringState.RUNNING, jobId]);
      await recordProgress(tx, jobId);
    });
    let batches = 0;
    for (;;) {
      const started = performance.now();
      const outcome = await em.fork().transactional((tx) => runBatch(tx, jobId, context, batchSize));
      if (outcome === 'finished') {
        log.info({ event: 'rescoring_done' }, 'rescored every lead of the tenant');
        return 'done';
      }
      batches++;
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return 'stopped';
      await sleep(pause(performance.now() - started));
    }
  } catch (error) {
    const message = (error as Error).message.slice(0, 1_000);
    const failed = await em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<Array<{ attempts: number }>>(
        `update rescoring_job set attempts = attempts + 1, error = ?, updated_at = now(),
                state = case when attempts + 1 >= ? then '${RescoringState.FAILED}' else state end,
                finished_at = case when attempts + 1 >= ? then now() else finished_at end
          where id = ? returning attempts`,
        [message, RESCORING_ATTEMPTS, RESCORING_ATTEMPTS, jobId],
      );
      await recordProgress(tx, jobId);
      return row.attempts >= RESCORING_ATTEMPTS;
    });
    log.error({ event: 'rescoring_failed', err: message, final: failed }, failed ? 'rescoring failed for good' : 'rescoring failed; it continues where it stopped');
    if (failed) return 'failed';
    throw error;
  }
}

async function runBatch(tx: EntityManager, jobId: string, job: Parameters<typeof batchStatement>[1], batchSize: number): Promise<Outcome> {
  // the job's row is the lock: two runs of one job (a restart while the first still runs) take turns
  const [row] = await tx.execute<Array<{ state: string; position: string | null; sweeping: boolean }>>(
    'select state, position, sweeping from rescoring_job where id = ? for update',
    [jobId],
  );
  if (row.state !== RescoringState.RUNNING) return 'finished';
  const { sql, params } = batchStatement(tx, job, row.position, batchSize);
  const [result] = await tx.execute<Array<{ n: number; changed: number; last_id: string | null }>>(sql, params);
  if (result.n === 0) {
    if (!row.sweeping) {
      await tx.execute('update rescoring_job set sweeping = true, position = null, updated_at = now() where id = ?', [jobId]);
      return 'more';
    }
    await tx.execute(`update rescoring_job set state = ?, done = total, finished_at = now(), updated_at = now(), error = null where id = ?`, [RescoringState.DONE, jobId]);
    await recordProgress(tx, jobId);
    return 'finished';
  }
  await tx.execute('update rescoring_job set position = ?, done = least(total, done + ?), updated_at = now() where id = ?', [result.last_id, result.n, jobId]);
  await recordProgress(tx, jobId);
  return 'more';
}
