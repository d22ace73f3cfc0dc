import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

const MIGRATION_LOCK = 7_310_001;

/**
 * Applies pending migrations. Several processes may start at once on one database, so they take
 * turns under an advisory lock; the later ones find nothing left to do.
 */
export async function migrate(orm: MikroORM, databaseUrl: string): Promise<void> {
  const lock = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await orm.migrator.up();
  } finally {
    await lock.end().catch(() => {});
  }
}

/** True when every migration in the code has been applied. */
export async function migrationsApplied(orm: MikroORM): Promise<boolean> {
  return (await orm.migrator.getPendingMigrations()).length === 0;
}
