import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import type { Jobs } from '../../jobs/jobs.js';
import type { Logger } from '../../logger.js';
import { Topic, type AppPubSub } from '../../pubsub.js';
import { activeModelCache } from './model-cache.js';
import { RescoringState } from './scoring.enums.js';
import { RESCORING_ATTEMPTS, runRescoring, type RescoringOptions } from './rescoring.runner.js';
import { MODEL_PUBLISHED_EVENT, parseProgress, RESCORING_PROGRESS_EVENT, type RescoringQueue } from './rescoring.service.js';

export const RESCORING_JOB = 'rescoring';
export const RESCORING_RESUME_JOB = 'rescoring-resume';
/** An unfinished job that has not moved for this long is sent again (its process died). */
const STALLED_MINUTES = 2;

export interface ScoringEventsOptions {
  pubSub: AppPubSub;
  logger: Logger;
}

/**
 * This process's side of the scoring events: the cached active models are dropped when a version
 * is published anywhere (and after a gap in which events may have been missed), and the progress
 * of rescoring jobs, run by whichever process, reaches this process's subscribers.
 */
export function registerScoringEvents(events: EventBus, orm: MikroORM, { pubSub, logger }: ScoringEventsOptions): void {
  const cache = activeModelCache(orm.em);
  cache.drop();
  events.live({
    name: 'scoring-model-cache',
    types: [MODEL_PUBLISHED_EVENT],
    handle(batch) {
      for (const event of batch) cache.drop(event.tenantId);
    },
    resync: () => cache.drop(),
  });
  events.live({
    name: 'rescoring-progress-relay',
    types: [RESCORING_PROGRESS_EVENT],
    handle(batch) {
      for (const event of batch) {
        const job = parseProgress(event.payload);
        if (job && event.tenantId && event.aggregateId === job.id) pubSub.publish(Topic.RescoringProgress, job.id, { tenantId: event.tenantId, job });
        else logger.warn({ event: 'event_malformed', type: event.type, sequence: event.sequence }, 'ignored a rescoring.progress event that is not one');
      }
    },
    // progress is a snapshot: the next one brings subscribers up to date
    resync: () => {},
  });
}

/**
 * The rescoring job: one run at a time per tenant (pg-boss singleton keyed by tenant), each run
 * working off every unfinished rescoring of its tenant, so a lost or duplicate send does no harm.
 * A cron sends again for jobs whose process died; they continue from their stored position.
 */
export function defineRescoring(jobs: Jobs, orm: MikroORM, logger: Logger, options: RescoringOptions = {}): RescoringQueue {
  const job = jobs.define<{ tenantId: string }>(
    RESCORING_JOB,
    async ({ tenantId }) => {
      for (;;) {
        const [next] = await orm.em
          .fork()
          .execute<Array<{ id: string }>>(`select id from rescoring_job where tenant_id = ? and state in (?, ?) order by created_at limit 1`, [
            tenantId,
            RescoringState.QUEUED,
            RescoringState.RUNNING,
          ]);
        if (!next) return;
        const outcome = await runRescoring(orm, next.id, logger, options);
        if (outcome === 'stopped') return;
      }
    },
    // failures are counted in rescoring_job (RESCORING_ATTEMPTS). A run pg-boss expires while it still works
    // is harmless: runs of one job take turns on its row, and a dead process's job resumes after expiry
    { policy: 'singleton', retryLimit: RESCORING_ATTEMPTS - 1, retryDelaySeconds: 5, expireInSeconds: 15 * 60 },
  );
  const queue: RescoringQueue = {
    async start(tenantId) {
      await jobs.send(job, { tenantId }, { singletonKey: tenantId });
    },
  };
  jobs.define<object>(
    RESCORING_RESUME_JOB,
    async () => {
      const stalled = await orm.em
        .fork()
        .execute<Array<{ tenant_id: string }>>(
          `select distinct tenant_id from rescoring_job where state in (?, ?) and updated_at < now() - make_interval(mins => ?)`,
          [RescoringState.QUEUED, RescoringState.RUNNING, STALLED_MINUTES],
        );
      for (const { tenant_id } of stalled) await queue.start(tenant_id);
    },
    { cron: '* * * * *', policy: 'singleton', retryLimit: 0 },
  );
  return queue;
}
