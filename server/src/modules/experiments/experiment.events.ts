import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { recordEvent } from '../../events/outbox.js';
import { MODEL_PUBLISHED_EVENT, type ModelPublishedPayload } from '../scoring/rescoring.service.js';
import { runningExperimentCache } from './experiment.cache.js';
import { ExperimentStatus } from './experiment.enums.js';
import { EXPERIMENT_CHANGED_EVENT } from './experiment.service.js';

/**
 * This process's side of experiments: its cached running experiments are dropped when one starts or
 * ends anywhere (and after a gap), and a publish ends the tenant's running experiment, once across
 * all processes: its control is no longer the active model, and the rescoring that follows the
 * publish gives every lead the new version's score.
 */
export function registerExperimentEvents(events: EventBus, orm: MikroORM): void {
  const cache = runningExperimentCache(orm.em);
  cache.drop();
  events.live({
    name: 'experiment-cache',
    types: [EXPERIMENT_CHANGED_EVENT, MODEL_PUBLISHED_EVENT],
    handle(batch) {
      for (const event of batch) cache.drop(event.tenantId);
    },
    resync: () => cache.drop(),
  });
  events.durable({
    name: 'experiment-ends-on-publish',
    types: [MODEL_PUBLISHED_EVENT],
    async handle(batch, em) {
      for (const event of batch) {
        const { version } = event.payload as ModelPublishedPayload;
        if (!event.tenantId || !Number.isInteger(version)) continue;
        const ended = await em.execute<Array<{ id: string }>>(
          `update experiment set status = ?, finished_at = now(), end_reason = ?
            where tenant_id = ? and status = ? and control_version <> ? returning id`,
          [ExperimentStatus.FINISHED, `Version ${version} was published.`, event.tenantId, ExperimentStatus.RUNNING, version],
        );
        for (const { id } of ended) {
          await recordEvent(em, { type: EXPERIMENT_CHANGED_EVENT, tenantId: event.tenantId, aggregateId: id, payload: { status: ExperimentStatus.FINISHED } });
        }
      }
    },
  });
}
