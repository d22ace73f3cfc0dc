import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/db/seed.js';
import { createTestApp, createTestDatabase, gqlAt, wsClientAt, type GraphQLResponse } from './utils.js';

const CLIENTS = 50;
// a page of a search over every lead, with its total: slow enough that requests overlap the signal
const PAGE = /* GraphQL */ `
  query Page($after: String) {
    leads(first: 50, after: $after, filter: { search: "e" }) {
      totalCount
      edges { node { id name company score tier scoreBreakdown { criterion points } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let apiKey: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const app = await createTestApp({ databaseUrl: database.url });
  try {
    await seedDemo(app.server.orm.em.fork(), 3_000);
    const cookie = await app.login('demo@demo.test', 'demo');
    const created = await app.gql(`mutation { createApiKey(name: "reader", scope: READ) { secret } }`, {}, { cookie });
    apiKey = created.data.createApiKey.secret;
  } finally {
    await app.stop();
  }
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await database?.drop();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server never became ready');
}

/** The real server (main.ts) as a child process on a free port; resolves once it is ready. */
async function startMain() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', METRICS_PORT: 'off', LOG_LEVEL: 'info', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(server);
  const output = { stdout: '', stderr: '' };
  server.stdout!.on('data', (chunk) => (output.stdout += chunk));
  server.stderr!.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  await waitUntilReady(url);
  return { url, exited, output, kill: (signal: NodeJS.Signals) => server.kill(signal) };
}

describe('SIGTERM', () => {
  it('finishes every request in flight, closes WebSockets with 1001 and exits 0', async () => {
    const { url, exited, output, kill } = await startMain();

    // one live subscriber
    const ws = wsClientAt(url, { apiKey });
    let closeCode: number | undefined;
    const closed = new Promise<void>((resolve) =>
      ws.on('closed', (event) => {
        closeCode = (event as { code: number }).code;
        resolve();
      }),
    );
    const connected = new Promise<void>((resolve) => ws.on('connected', () => resolve()));
    ws.subscribe({ query: 'subscription { leadScored { lead { id } } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    await connected;

    // readers page through the leads until the server goes away
    let signalled = false;
    let outstanding = 0;
    let completedBefore = 0;
    const failedBefore: string[] = [];
    let inFlightOk = 0;
    const inFlightFailed: string[] = [];
    const reader = async () => {
      let after: string | null = null;
      for (;;) {
        const sentBeforeSignal = !signalled;
        if (sentBeforeSignal) outstanding++;
        let outcome = 'ok';
        try {
          const res: GraphQLResponse = await gqlAt(url, PAGE, { after }, { apiKey });
          if (res.status !== 200 || !res.data?.leads || res.errors) outcome = `${res.status} ${JSON.stringify(res.errors)}`;
          else after = res.data.leads.pageInfo.hasNextPage ? res.data.leads.pageInfo.endCursor : null;
        } catch (error) {
          outcome = String((error as Error).cause ?? error);
        }
        if (sentBeforeSignal) {
          outstanding--;
          if (!signalled) outcome === 'ok' ? completedBefore++ : failedBefore.push(outcome);
          else outcome === 'ok' ? inFlightOk++ : inFlightFailed.push(outcome);
        }
        // requests sent after the signal may be refused: the listener is closed
        if (signalled && outcome !== 'ok') return;
      }
    };
    const readers = Array.from({ length: CLIENTS }, reader);
    while (completedBefore < 100) await new Promise((r) => setTimeout(r, 20));

    // the requests sent before the signal and not answered yet are the ones in flight
    signalled = true;
    const pending = outstanding;
    kill('SIGTERM');
    // while it drains, load balancers are told to send new work elsewhere (the signal takes a moment to arrive)
    let readiness: { status: number; body: unknown } | undefined;
    for (const deadline = Date.now() + 2_000; Date.now() < deadline && readiness?.status !== 503; ) {
      readiness = await fetch(`${url}/readyz`).then(async (r) => ({ status: r.status, body: await r.json() }));
    }
    await Promise.all(readers);
    await closed;
    await ws.dispose();

    expect(failedBefore).toEqual([]);
    expect(pending).toBeGreaterThanOrEqual(CLIENTS / 2);
    expect(inFlightFailed).toEqual([]);
    expect(inFlightOk).toBe(pending);
    expect(closeCode).toBe(1001);
    expect(readiness).toEqual({ status: 503, body: { status: 'unavailable', reason: 'shutting down' } });
    expect(await exited).toBe(0);
    expect(output.stdout).toContain('"event":"stopped"');
    expect(output.stderr).toBe('');
  }, 60_000);

  it('gives up on a second signal during the shutdown: exit code 1', async () => {
    const { url, exited, output, kill } = await startMain();
    // a request whose body never ends keeps the shutdown waiting for it
    const { port } = new URL(url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    socket.on('error', () => {});
    kill('SIGTERM');
    while (!output.stdout.includes('"event":"shutdown"')) await new Promise((r) => setTimeout(r, 10));
    kill('SIGINT');
    expect(await exited).toBe(1);
    expect(output.stdout).toContain('"event":"shutdown_forced"');
    expect(output.stdout).not.toContain('"event":"stopped"');
    socket.destroy();
  }, 30_000);
});
