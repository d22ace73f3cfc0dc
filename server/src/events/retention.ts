import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Jobs } from '../jobs/jobs.js';
import type { Logger } from '../logger.js';

export const EVENT_RETENTION_JOB = 'event-retention';
/** Events are kept this long (they carry lead data, so not longer than needed) … */
export const EVENT_RETENTION_DAYS = 7;
/** … and deleted this many per statement, so no delete holds its locks for long. */
const DELETE_BATCH = 5_000;

/**
 * Deletes events older than `days` that every durable consumer has passed; a consumer that is
 * behind keeps what it has not handled, however old. Returns how many were deleted.
 */
export async function deleteOldEvents(em: EntityManager, days = EVENT_RETENTION_DAYS): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await em.getConnection().execute<{ affectedRows: number }>(
      `delete from event where sequence in (
         select sequence from event
          where created_at < now() - make_interval(days => ?)
            and sequence <= (select coalesce(min(position), 9223372036854775807) from event_consumer)
          order by sequence limit ?)`,
      [days, DELETE_BATCH],
      'run',
    );
    deleted += result.affectedRows;
    if (result.affectedRows < DELETE_BATCH) return deleted;
  }
}

/** The daily clean-up of the outbox, one run at a time across all processes. */
export function defineEventRetention(jobs: Jobs, orm: MikroORM, logger: Logger) {
  return jobs.define<object>(
    EVENT_RETENTION_JOB,
    async () => {
      const deleted = await deleteOldEvents(orm.em.fork());
      logger.info({ event: 'events_deleted', deleted }, 'deleted old events');
    },
    { cron: '17 3 * * *', policy: 'singleton', retryLimit: 3, retryDelaySeconds: 300, retryBackoff: true },
  );
}
