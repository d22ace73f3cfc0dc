// Child processes of the benchmark: the servers under test and the subscriber processes.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Milliseconds on the monotonic clock, which every process of the machine shares (unlike timeOrigin). */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export const log = (message: string) => console.log(`[bench] ${message}`);

/** Rejects when the promise has not settled in time: no step of the bench may hang the run. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, init: RequestInit, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, init);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** This process's open-file limit (soft, hard), from /proc/self/limits. */
export function fileLimit(): { soft: number; hard: number } {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files')) ?? '';
  const [, soft, hard] = line.split(/\s{2,}/);
  return { soft: Number(soft), hard: Number(hard) };
}

export interface StartOptions {
  env?: Record<string, string>;
  /** another node binary (the PostGraphile peer needs Node 22) */
  node?: string;
  /** run a TypeScript file through tsx (with the server's tsconfig) */
  tsx?: boolean;
  ipc?: boolean;
  /** flags for node itself, before the script */
  nodeFlags?: string[];
}

/**
 * The V8 flags `npm start` runs the server with (server/package.json's start script): the bench
 * runs the app as production does, not with Node's defaults, which spend about a third more CPU
 * per page on garbage collection. BENCH_APP_NODE_FLAGS adds more for the app alone, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/profiles` to see where its time goes under a scenario's load.
 */
export function productionNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'server', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const extra = process.env.BENCH_APP_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...manifest.scripts.start.split(/\s+/).filter((word) => /^--(max-semi-space-size|heap-growing-percent|max-old-space-size)=/.test(word)), ...extra];
}

/**
 * Compiles the server as `npm start` does and returns its entry point: the bench measures the code
 * that ships, run by plain Node. Under tsx every `require` of a request's path goes through tsx's
 * resolver too (Apollo loads `crypto` per request to hash the query), which cost the app about 8 %
 * more CPU per createLead than the build does.
 */
export function buildServer(): string {
  execFileSync('npm', ['run', 'build', '-w', 'server'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return 'server/dist/src/main.js';
}

/**
 * Starts a node process with the soft open-file limit raised to the hard one (thousands of sockets
 * per process); `exec` keeps the pid, so /proc/<pid> is the node process itself.
 */
export function startProcess(script: string, options: StartOptions = {}): ChildProcess {
  const node = options.node ?? process.execPath;
  const args = [...(options.nodeFlags ?? []), ...(options.tsx === false ? [] : ['--import', 'tsx']), script];
  const child = spawn('sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', node, ...args], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'server', 'tsconfig.json'), ...options.env },
    stdio: ['ignore', 'ignore', 'inherit', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  child.on('exit', (code) => code && code !== 143 && log(`${path.basename(script)} exited with ${code}`));
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in MB (VmRSS), NaN when it is gone. */
export function rssMb(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time a process has used, in clock ticks of 10 ms (user + system, /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  try {
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU time a process has used, in ms: unlike req/s, barely moved by other work on the machine. */
export function cpuMs(pid: number | undefined): number {
  return pid ? cpuTicks(pid) * 10 : NaN;
}

/**
 * Waits until none of the processes uses more than a tenth of a core (a server still sending the
 * last run's backlog, or closing thousands of sockets, would slow the next run down), at most `maxMs`.
 */
export async function waitIdle(pids: Array<number | undefined>, maxMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  const TICKS_PER_HALF_SECOND_AT_10_PERCENT = 5;
  while (Date.now() < deadline) {
    const before = pids.map((pid) => (pid ? cpuTicks(pid) : 0));
    await new Promise((r) => setTimeout(r, 500));
    if (pids.every((pid, i) => !pid || cpuTicks(pid) - before[i] <= TICKS_PER_HALF_SECOND_AT_10_PERCENT)) return;
  }
}

/** Samples a process's RSS until stopped; returns the highest value seen. */
export function sampleRss(pid: number | undefined, everyMs = 250): () => number {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb(pid));
  };
}
