import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects, then runs `prepare` (instrumentation, migrations, seed, LISTEN), retrying with backoff
 * until both succeed or `stopping()` says to give up. The HTTP server is up meanwhile, answering 503.
 */
export async function connectWithRetry(orm: MikroORM, logger: Logger, prepare: () => Promise<void>, stopping: () => boolean): Promise<boolean> {
  for (let attempt = 0; !stopping(); attempt++) {
    try {
      await orm.connect();
      await prepare();
      return true;
    } catch (error) {
      logger.warn({ event: 'database_unavailable', attempt, err: (error as Error).message }, 'database not ready; retrying');
      // every connect() builds a new pool: drop this attempt's before the next
      await orm.close(true).catch(() => {});
      await sleep(Math.min(5_000, 250 * 2 ** attempt));
    }
  }
  return false;
}
