import 'reflect-metadata';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * No API statement may hold a pooled connection longer than this (a costly search would otherwise
 * starve every other request). A migration that needs longer says `set local statement_timeout = 0`.
 */
export const STATEMENT_TIMEOUT_MS = 15_000;

/** What knex would otherwise print to the console (e.g. "Connection Error" during an outage). */
export interface KnexLog {
  warn(message: string): void;
  error(message: string): void;
  deprecate(message: string): void;
  debug(message: string): void;
}

export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}, knexLog?: KnexLog): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // entity classes are listed, not discovered, and every property names its type,
    // so the compiled build and tsx (which emits no decorator metadata) behave the same
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    // connect lazily: the HTTP server comes up (answering 503) while the database does not
    connect: false,
    pool: { min: 0, max: 10, acquireTimeoutMillis: 5_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 3_000, statement_timeout: STATEMENT_TIMEOUT_MS }, ...(knexLog && { log: knexLog }) },
    migrations: {
      migrationsList,
      path: 'src/db/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    // the dashboard's rollups are derived data that hand-written SQL reads: no entities, so the
    // schema comparison (migrations, their test) must not propose dropping them
    schemaGenerator: { ignoreSchema: ['dashboard'] },
    debug: false,
    ...overrides,
  });
}

// used by the mikro-orm CLI
export default ormOptions(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
