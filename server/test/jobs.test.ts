import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_RETENTION_DAYS, EVENT_RETENTION_JOB } from '../src/events/retention.js';
import { JOBS_APPLICATION_NAME, Jobs } from '../src/jobs/jobs.js';
import { ADMIN_DATABASE_URL, createTestApp, createTestDatabase, memoryLogger, type TestApp } from './utils.js';

let app: TestApp;
const log = memoryLogger();

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.stop());

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
const sql = <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) => query<T>(app.databaseUrl, text, values);

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the job has ended and returns how it ended. */
async function finished(jobs: Jobs, name: string, id: string | null): Promise<string> {
  expect(id).toEqual(expect.any(String));
  let state: string | null = null;
  await until(async () => {
    state = await jobs.state(name, id!);
    return state === 'completed' || state === 'failed';
  }, `job ${name} to end`);
  return state!;
}

/** Connections to a database from anyone but the checker, by application_name. */
async function connectionsTo(database: string): Promise<string[]> {
  const rows = await query<{ application_name: string }>(ADMIN_DATABASE_URL, `select application_name from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database]);
  return rows.map((row) => row.application_name);
}

describe('event retention', () => {
  it(`deletes events older than ${EVENT_RETENTION_DAYS} days, but none a durable consumer has not passed`, async () => {
    await sql(
      `insert into event (id, type, payload, created_at)
       select gen_random_uuid(), 'test.retention', jsonb_build_object('n', n), now() - make_interval(days => age)
         from (values ('old 1', 9), ('old 2', 8), ('old 3', 8), ('recent', 6)) as e(n, age)`,
    );
    const stored = await sql<{ sequence: string; n: string }>(`select sequence, payload->>'n' as n from event where type = 'test.retention' order by sequence`);
    const sequenceOf = (n: string) => stored.find((row) => row.n === n)!.sequence;
    await sql(`insert into event_consumer (name, position, updated_at) values ('behind', $1, now()), ('ahead', $2, now())`, [sequenceOf('old 1'), sequenceOf('recent')]);
    const remaining = async () => (await sql<{ n: string }>(`select payload->>'n' as n from event where type = 'test.retention' order by sequence`)).map((row) => row.n);
    // the app's own durable consumers read no test.retention event, so its wake-up does not wake
    // them (their positions move at their poll); a wake-up without a type wakes every consumer
    await sql(`select pg_notify('events', $1)`, [sequenceOf('recent')]);
    await until(async () => {
      const [{ behind }] = await sql<{ behind: string }>(`select count(*) as behind from event_consumer where name not in ('behind', 'ahead') and position < $1`, [sequenceOf('recent')]);
      return behind === '0';
    }, 'the app\'s durable consumers to pass the test events');

    const jobs = app.server.jobs;
    expect(await finished(jobs, EVENT_RETENTION_JOB, await jobs.send(EVENT_RETENTION_JOB, {}))).toBe('completed');
    expect(await remaining()).toEqual(['old 2', 'old 3', 'recent']);

    await sql(`update event_consumer set position = $1 where name = 'behind'`, [sequenceOf('recent')]);
    expect(await finished(jobs, EVENT_RETENTION_JOB, await jobs.send(EVENT_RETENTION_JOB, {}))).toBe('completed');
    expect(await remaining()).toEqual(['recent']);
    await sql(`delete from event_consumer where name in ('behind', 'ahead')`);
  });

  it('is scheduled daily, one run at a time', async () => {
    const [schedule] = await sql<{ cron: string }>(`select cron from pgboss.schedule where name = $1`, [EVENT_RETENTION_JOB]);
    expect(schedule.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const [queue] = await sql<{ policy: string }>(`select policy from pgboss.queue where name = $1`, [EVENT_RETENTION_JOB]);
    expect(queue.policy).toBe('singleton');
  });
});

describe('jobs', () => {
  it('retries a failing job, moves one that keeps failing to its dead-letter queue, and keeps a singleton key to one waiting job', async () => {
    const jobs = new Jobs({ databaseUrl: app.databaseUrl, logger: log.logger, poolSize: 2 });
    const attempts = new Map<string, number>();
    const flaky = jobs.define<{ key: string; failures: number }>(
      'test-flaky',
      async ({ key, failures }) => {
        const attempt = (attempts.get(key) ?? 0) + 1;
        attempts.set(key, attempt);
        if (attempt <= failures) throw new Error(`attempt ${attempt} fails`);
      },
      { retryLimit: 2, deadLetter: 'test-flaky-dead', pollingIntervalSeconds: 0.5, policy: 'short' },
    );
    await jobs.start();
    try {
      expect(await finished(jobs, flaky.name, await jobs.send(flaky, { key: 'recovers', failures: 2 }))).toBe('completed');
      expect(attempts.get('recovers')).toBe(3);

      expect(await finished(jobs, flaky.name, await jobs.send(flaky, { key: 'gives up', failures: 10 }))).toBe('failed');
      expect(attempts.get('gives up')).toBe(3);
      await until(async () => (await sql(`select 1 from pgboss.job where name = 'test-flaky-dead' and data->>'key' = 'gives up'`)).length === 1, 'the dead letter');

      const waiting = await jobs.send(flaky, { key: 'later', failures: 0 }, { singletonKey: 'once', startAfterSeconds: 60 });
      expect(waiting).toEqual(expect.any(String));
      expect(await jobs.send(flaky, { key: 'later again', failures: 0 }, { singletonKey: 'once', startAfterSeconds: 60 })).toBeNull();
    } finally {
      await jobs.stop();
    }
    await expect(jobs.send(flaky, { key: 'after stop', failures: 0 })).rejects.toThrow('the jobs have not started');
  });

  it('start with the app after its migrations and stop with it, leaving no connection open', async () => {
    const database = await createTestDatabase();
    try {
      const own = await createTestApp({ databaseUrl: database.url });
      const open = await connectionsTo(database.name);
      expect(open).toContain(JOBS_APPLICATION_NAME);
      const [{ exists }] = await query<{ exists: boolean }>(database.url, `select exists (select 1 from pgboss.queue where name = $1)`, [EVENT_RETENTION_JOB]);
      expect(exists).toBe(true);

      await own.stop();
      // a closed connection's backend may take a moment to leave pg_stat_activity
      await until(async () => (await connectionsTo(database.name)).length === 0, 'every connection to close', 3_000).catch(async (error) => {
        throw new Error(`${(error as Error).message}; still open: ${(await connectionsTo(database.name)).join(', ')}`);
      });
    } finally {
      await database.drop();
    }
  });
});
