import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, rmdir, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger.js';

const run = promisify(execFile);

/** A failure of the embedded database, worded as one line that says what to do. */
export class EmbeddedDatabaseError extends Error {}

export const DATABASE_URL_HINT = 'or set DATABASE_URL to use another PostgreSQL';

/** The OS user PostgreSQL runs as when we are root (it refuses to run as root). */
export interface PostgresUser {
  uid: number;
  gid: number;
}

/** Where the cluster lives and which binaries run it. */
export interface Placement {
  clusterDir: string;
  binDir: string;
  /** holds the cluster; the `postgres` user can enter it */
  home: string;
}

/** The `postgres` OS user, created when missing. */
export async function postgresUser(logger: Logger): Promise<PostgresUser> {
  const lookup = async () => ({ uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) });
  try {
    return await lookup();
  } catch {
    // no such user yet
  }
  try {
    await run('groupadd', ['--system', 'postgres']).catch(() => {}); // the group may exist without the user
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    logger.info({ event: 'embedded_pg' }, 'created the postgres OS user to run the embedded PostgreSQL');
    return await lookup();
  } catch (error) {
    const reason = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n')[0];
    throw new EmbeddedDatabaseError(`PostgreSQL cannot run as root and there is no postgres OS user (creating it failed: ${reason}); create it with "useradd --system postgres", ${DATABASE_URL_HINT}.`);
  }
}

/** Whether `postgres` can enter a folder (every parent included) or run a file: the kernel's own check, made as that user. */
export async function reachable(target: string, user: PostgresUser): Promise<boolean> {
  try {
    await run('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], { uid: user.uid, gid: user.gid, cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, PostgreSQL runs as `postgres`, which needs to enter every folder on the way to its
 * binaries and its data. A checkout in a folder only root may enter (root's home, a mode-700
 * temp dir) blocks both; we never change the mode of such a folder. Instead the cluster lives in
 * `reachableRoot/<hash of dataDir>/pg` (with `dataDir/pg` a symlink to it), and the binaries are
 * copied next to it once per PostgreSQL version.
 */
export async function placeForPostgres(dataDir: string, nativeDir: string, user: PostgresUser, reachableRoot: string, logger: Logger): Promise<Placement> {
  // our own data folder may need the search bit for others; its parents are not ours to change
  if (!(await reachable(dataDir, user)) && (await reachable(path.dirname(dataDir), user))) {
    await chmod(dataDir, ((await stat(dataDir)).mode & 0o7777) | 0o011);
  }
  let home = dataDir;
  if (!(await reachable(dataDir, user))) {
    home = path.join(reachableRoot, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
    await mkdirTraversable(reachableRoot);
    await mkdirTraversable(home);
    if (!(await reachable(home, user))) {
      throw new EmbeddedDatabaseError(`the postgres OS user cannot enter ${dataDir} nor ${home}; set DATA_DIR to a folder whose every parent it may enter (mode 711 or wider), ${DATABASE_URL_HINT}.`);
    }
    // tells whoever looks at reachableRoot which checkout a cluster belongs to
    await writeFile(path.join(home, 'DATA_DIR'), `${dataDir}\n`);
    await pointTo(path.join(dataDir, 'pg'), path.join(home, 'pg'), logger);
  }
  const binDir = (await reachable(path.join(nativeDir, 'bin', 'postgres'), user)) ? path.join(nativeDir, 'bin') : path.join(await copyBinaries(nativeDir, home, logger), 'bin');
  return { clusterDir: path.join(home, 'pg'), binDir, home };
}

async function mkdirTraversable(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  await mkdir(dir, { recursive: true });
  // enter, but not list: other users see no cluster names
  await chmod(dir, 0o711);
}

/** `link` becomes a symlink to `target`; an empty leftover folder is replaced, a cluster never. */
async function pointTo(link: string, target: string, logger: Logger): Promise<void> {
  const current = await lstat(link).catch(() => undefined);
  if (current?.isSymbolicLink()) {
    if ((await readlink(link)) === target) return;
    await unlink(link);
  } else if (current?.isDirectory()) {
    if (existsSync(path.join(link, 'PG_VERSION'))) {
      throw new EmbeddedDatabaseError(`the cluster in ${link} is out of reach of the postgres OS user; move the data folder to a place every parent of which it may enter and set DATA_DIR to it, ${DATABASE_URL_HINT}.`);
    }
    // left behind by an earlier start that failed before initdb ran
    await rmdir(link).catch(() => {
      throw new EmbeddedDatabaseError(`${link} is in the way of a link to the cluster in ${target}; move it away, ${DATABASE_URL_HINT}.`);
    });
  } else if (current) {
    throw new EmbeddedDatabaseError(`${link} is in the way of a link to the cluster in ${target}; move it away, ${DATABASE_URL_HINT}.`);
  }
  await symlink(target, link);
  logger.info({ event: 'embedded_pg', clusterDir: target }, `the postgres OS user cannot enter ${path.dirname(link)}: the cluster lives in ${target} (${link} links there)`);
}

/** A copy of PostgreSQL's bin, lib and share in `home`, made once per version; returns its folder. */
async function copyBinaries(nativeDir: string, home: string, logger: Logger): Promise<string> {
  const source = await realpath(nativeDir);
  const version = await readFile(path.join(source, '..', 'package.json'), 'utf8')
    .then((text) => String((JSON.parse(text) as { version?: string }).version))
    .catch(() => 'unknown');
  const name = `postgresql-${version}`;
  const target = path.join(home, name);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;

  // copy aside, then rename: a copy cut short is never taken for a complete one
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await cp(source, partial, {
      recursive: true,
      verbatimSymlinks: true,
      // static libraries and pkg-config files are for building extensions, not running the server
      filter: (file) => !file.endsWith('.a') && path.basename(file) !== 'pkgconfig',
    });
    await chmod(partial, 0o755);
    await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
      // another process finished the same copy first
      if (!existsSync(path.join(target, 'bin', 'postgres'))) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  for (const entry of await readdir(home)) {
    if (entry.startsWith('postgresql-') && entry !== name && !entry.includes('.partial-')) await rm(path.join(home, entry), { recursive: true, force: true });
  }
  logger.info({ event: 'embedded_pg', binaries: target }, `copied the PostgreSQL binaries to ${target}: the postgres OS user cannot enter ${nativeDir}`);
  return target;
}
