import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';

/** pg-boss keeps its tables in a schema of its own, created and migrated by pg-boss at start. */
export const JOBS_SCHEMA = 'pgboss';
/** Names pg-boss's connections in pg_stat_activity. */
export const JOBS_APPLICATION_NAME = 'lead-scoring-jobs';

export interface JobOptions {
  /** Further attempts after a failure (default 2). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Doubles the delay after each failed attempt. */
  retryBackoff?: boolean;
  /** A run that takes longer fails (and is retried); default 15 minutes. */
  expireInSeconds?: number;
  /** `singleton`: at most one run active at a time; `stately`: and at most one waiting; `short`: at most one waiting. */
  policy?: PgBoss.QueuePolicy;
  /** Queue a job moves to once its retries are used up, kept for inspection (created if missing). */
  deadLetter?: string;
  /** Cron expression in UTC: sent on that schedule, once across all processes. */
  cron?: string;
  /** How often an idle worker looks for jobs sent by other processes (default 10 s; sends from this process wake it at once). */
  pollingIntervalSeconds?: number;
}

export interface SendOptions {
  /** With a `singleton`/`stately`/`short` policy: jobs with the same key count as one. */
  singletonKey?: string;
  startAfterSeconds?: number;
  retryLimit?: number;
}

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

/** What `define` returns: sends are typed by the handler's data. */
export interface JobRef<T extends object> {
  readonly name: string;
  /** only carries the data type */
  readonly data?: T;
}

interface Definition {
  handler: JobHandler<any>;
  options: JobOptions;
}

export interface JobsOptions {
  databaseUrl: string;
  logger: Logger;
  /** pg-boss's own pool (workers, scheduling, maintenance). */
  poolSize?: number;
}

/**
 * Background jobs on PostgreSQL (pg-boss): retries, singletons, a dead-letter queue and cron,
 * shared by every process on the database. Define jobs before `start()`; the app starts this after
 * its migrations and stops it with itself.
 */
export class Jobs {
  private boss?: PgBoss;
  private starting?: Promise<void>;
  private stopped = false;
  private readonly definitions = new Map<string, Definition>();
  private readonly workers = new Map<string, string>();

  constructor(private readonly options: JobsOptions) {}

  define<T extends object>(name: string, handler: JobHandler<T>, options: JobOptions = {}): JobRef<T> {
    if (this.boss || this.starting) throw new Error(`job ${name} defined after the jobs started`);
    if (this.definitions.has(name)) throw new Error(`job ${name} is defined twice`);
    this.definitions.set(name, { handler, options });
    return { name };
  }

  /** Queues a job; null when a singleton key kept it out. Wakes this process's worker at once. */
  async send<T extends object>(job: JobRef<T> | string, data: T, options: SendOptions = {}): Promise<string | null> {
    const name = typeof job === 'string' ? job : job.name;
    if (!this.definitions.has(name)) throw new Error(`no job named ${name}`);
    const boss = this.boss;
    if (!boss) throw new Error('the jobs have not started');
    const id = await boss.send(name, data, {
      ...(options.singletonKey !== undefined && { singletonKey: options.singletonKey }),
      ...(options.startAfterSeconds !== undefined && { startAfter: options.startAfterSeconds }),
      ...(options.retryLimit !== undefined && { retryLimit: options.retryLimit }),
    });
    const worker = this.workers.get(name);
    if (id && worker && !options.startAfterSeconds) boss.notifyWorker(worker);
    return id;
  }

  /** The state of a job (`created`, `active`, `completed`, `failed`, …), or null once it is gone. */
  async state(job: JobRef<object> | string, id: string): Promise<PgBoss.JobWithMetadata['state'] | null> {
    const found = await this.boss?.getJobById(typeof job === 'string' ? job : job.name, id, { includeArchive: true });
    return found?.state ?? null;
  }

  /** Creates pg-boss's schema (first time), the queues and schedules, and starts the workers. Idempotent; retried by the caller on failure. */
  start(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.starting ??= this.boot().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async boot(): Promise<void> {
    const { logger } = this.options;
    const boss = new PgBoss({
      connectionString: this.options.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: JOBS_APPLICATION_NAME,
      max: this.options.poolSize ?? 3,
    });
    boss.on('error', (error: Error) => logger.warn({ event: 'jobs_error', err: error.message }, 'background jobs hit an error'));
    try {
      await boss.start();
      for (const [name, { handler, options }] of this.definitions) {
        if (options.deadLetter) await boss.createQueue(options.deadLetter);
        // pg-boss checks which keys are present, not their values
        const queue: PgBoss.Queue = {
          name,
          policy: options.policy ?? 'standard',
          retryLimit: options.retryLimit ?? 2,
          expireInSeconds: options.expireInSeconds ?? 15 * 60,
          ...(options.retryDelaySeconds !== undefined && { retryDelay: options.retryDelaySeconds }),
          ...(options.retryBackoff !== undefined && { retryBackoff: options.retryBackoff }),
          ...(options.deadLetter !== undefined && { deadLetter: options.deadLetter }),
        };
        await boss.createQueue(name, queue);
        // the code is the source of truth: a queue made by an older version takes the current options
        await boss.updateQueue(name, queue);
        const worker = await boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async ([job]) => {
          const started = Date.now();
          try {
            await handler(job.data, { id: job.id, name });
            logger.info({ event: 'job_completed', job: name, durationMs: Date.now() - started }, 'job completed');
          } catch (error) {
            logger.error({ event: 'job_failed', job: name, err: (error as Error).message }, 'job failed; pg-boss retries it');
            throw error;
          }
        });
        this.workers.set(name, worker);
        if (options.cron) await boss.schedule(name, options.cron, {}, { tz: 'UTC' });
        else await boss.unschedule(name);
      }
    } catch (error) {
      this.workers.clear();
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      // a start that failed midway counts as never started, so stop() leaves its pool open
      const db = boss.getDb() as unknown as { opened?: boolean; close(): Promise<void> };
      if (db.opened) await db.close().catch(() => {});
      throw error;
    }
    // stopped while starting: stop() found nothing to stop yet
    if (this.stopped) await boss.stop({ graceful: false, wait: true });
    else this.boss = boss;
  }

  /** Lets a running job finish (up to `timeoutMs`), then closes every pg-boss connection. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => {});
    const boss = this.boss;
    this.boss = undefined;
    this.starting = undefined;
    this.workers.clear();
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}
