import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { recordEvent } from '../../events/outbox.js';
import { isUuid } from '../../kernel/ids.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import type { Principal } from '../auth/principal.js';
import { leadTable } from '../leads/lead.mapping.js';
import { activeModelCache } from './model-cache.js';
import { RescoringJob } from './rescoring-job.entity.js';
import { RescoringState, ScoringModelStatus } from './scoring.enums.js';
import { ScoringModel } from './scoring-model.entity.js';
import { lockModels } from './scoring.service.js';
import type { RescoringJobNode } from './scoring-versions.types.js';

/** A version became the active one: every process drops its cached model of the tenant. */
export const MODEL_PUBLISHED_EVENT = 'scoring_model.published';
/** A rescoring job moved on (payload: the job as RescoringJob); relayed to `rescoringProgress` subscribers. */
export const RESCORING_PROGRESS_EVENT = 'rescoring.progress';

export interface ModelPublishedPayload {
  modelId: string;
  version: number;
}

/** Starts the background run of a tenant's pending rescoring (see scoring.events.ts). */
export interface RescoringQueue {
  start(tenantId: string): Promise<void>;
}

const UNFINISHED = [RescoringState.QUEUED, RescoringState.RUNNING];

/** Publishing versions of the EntityManager's tenant, and the rescoring jobs that follow. */
export class RescoringService {
  constructor(
    private readonly em: EntityManager,
    private readonly queue: RescoringQueue,
  ) {}

  /**
   * Makes a DRAFT or RETIRED version (a roll back) the active one and queues the rescoring of every
   * lead, in one transaction. One rescoring at a time per tenant: while one is unfinished, publishing
   * is refused (BAD_USER_INPUT) rather than queued, so what an admin previewed is what runs next.
   * Publishing the active version again is allowed only when its rescoring failed: it retries it.
   */
  async publish(principal: Principal, id: string): Promise<RescoringJobNode> {
    const tenantId = boundTenantId(this.em);
    const job = await this.em.transactional(async (em) => {
      await lockModels(em, tenantId);
      const model = isUuid(id) ? await em.findOne(ScoringModel, { id }) : null;
      if (!model) throw badUserInput([{ field: 'id', code: 'OUT_OF_RANGE', message: 'There is no such version in your tenant.' }]);
      const running = await unfinishedRescoring(em);
      if (running) {
        throw badUserInput([
          {
            field: 'id',
            code: 'OUT_OF_RANGE',
            message: `Leads are still being rescored with version ${running.modelVersion} (${running.done} of ${running.total}); publish again once that has finished.`,
          },
        ]);
      }
      if (model.status === ScoringModelStatus.ACTIVE) {
        const last = await em.findOne(RescoringJob, {}, { orderBy: { createdAt: 'desc' } });
        if (last?.state !== RescoringState.FAILED || last.modelVersion !== model.version) {
          throw badUserInput([{ field: 'id', code: 'OUT_OF_RANGE', message: `Version ${model.version} is already the active model.` }]);
        }
      } else {
        // the old version steps down first: the database allows one active version per tenant
        await em.nativeUpdate(ScoringModel, { tenant: tenantId, status: ScoringModelStatus.ACTIVE }, { status: ScoringModelStatus.RETIRED });
        Object.assign(model, { status: ScoringModelStatus.ACTIVE, publishedAt: new Date(), publishedById: principal.id, publishedByName: principal.name });
      }
      const created = await queueRescoring(em, tenantId, model, principal.id);
      await recordEvent<ModelPublishedPayload>(em, { type: MODEL_PUBLISHED_EVENT, tenantId, aggregateId: model.id, payload: { modelId: model.id, version: model.version } });
      await recordProgress(em, created.id);
      return created;
    });
    // this process scores with the new model from now on; the others when the event reaches them
    activeModelCache(this.em).drop(tenantId);
    await this.queue.start(tenantId);
    return toJobNode(job);
  }

  async job(id: string): Promise<RescoringJobNode | null> {
    const job = isUuid(id) ? await this.em.findOne(RescoringJob, { id }) : null;
    return job && toJobNode(job);
  }

  /** The queued or running job of the tenant, if any. */
  async activeJob(): Promise<RescoringJobNode | null> {
    const job = await unfinishedRescoring(this.em);
    return job && toJobNode(job);
  }
}

/**
 * A job that rescores every lead of the tenant not scored by `model` yet, written in the caller's
 * transaction (which holds lockModels): start the queue once it has committed.
 */
export async function queueRescoring(em: EntityManager, tenantId: string, model: ScoringModel, actorId: string): Promise<RescoringJob> {
  const table = leadTable(em);
  const [{ total }] = await em.execute<Array<{ total: string }>>(
    `select count(*) as total from ${table.name} where ${table.column('tenant')} = ? and ${table.column('modelVersion')} <> ?`,
    [tenantId, model.version],
  );
  const job = em.create(RescoringJob, { tenant: tenantId, model, modelVersion: model.version, total: Number(total), actorId });
  await em.flush();
  return job;
}

/** The queued or running rescoring of the tenant, if any. */
export function unfinishedRescoring(em: EntityManager): Promise<RescoringJob | null> {
  return em.findOne(RescoringJob, { state: { $in: UNFINISHED } }, { orderBy: { createdAt: 'desc' } });
}

type JobFields = Pick<RescoringJob, 'id' | 'modelVersion' | 'state' | 'done' | 'total' | 'createdAt' | 'startedAt' | 'finishedAt' | 'error'>;

export function toJobNode(job: JobFields): RescoringJobNode {
  return {
    id: job.id,
    modelVersion: job.modelVersion,
    state: job.state,
    done: job.done,
    total: job.total,
    createdAt: new Date(job.createdAt),
    startedAt: job.startedAt ? new Date(job.startedAt) : null,
    finishedAt: job.finishedAt ? new Date(job.finishedAt) : null,
    error: job.error ?? null,
  };
}

/** Records the job as this transaction sees it, for every process's `rescoringProgress` subscribers. Call it last in the transaction. */
export async function recordProgress(tx: EntityManager, jobId: string): Promise<void> {
  const [row] = await tx.execute<Array<Record<string, any>>>(
    `select id, tenant_id, model_version, state, done, total, created_at, started_at, finished_at, error from rescoring_job where id = ?`,
    [jobId],
  );
  const node = toJobNode({
    id: row.id,
    modelVersion: row.model_version,
    state: row.state,
    done: row.done,
    total: row.total,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  });
  await recordEvent(tx, { type: RESCORING_PROGRESS_EVENT, tenantId: row.tenant_id, aggregateId: jobId, payload: node });
}

/** The job from a `rescoring.progress` payload (JSON: dates as text), or null when it is not one. */
export function parseProgress(payload: unknown): RescoringJobNode | null {
  const p = payload as Partial<Record<keyof RescoringJobNode, unknown>> | null;
  if (!p || typeof p.id !== 'string' || typeof p.state !== 'string' || !Number.isInteger(p.done) || !Number.isInteger(p.total)) return null;
  return toJobNode(p as unknown as JobFields);
}
