import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { pino } from 'pino';
import WebSocket from 'ws';
import { createServer, type AppServer, type ServerOptions } from '../src/app.js';
import { ApiKeyScope, UserRole } from '../src/modules/auth/auth.enums.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { createTenant } from '../src/modules/tenants/tenant.service.js';

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrlFor(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of its own; `drop()` removes it even while connections are open. */
export async function createTestDatabase(prefix = 'lse_test'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    name,
    url: databaseUrlFor(name),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  headers: Headers;
}

export interface Caller {
  cookie?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

export interface TestTenant {
  id: string;
  name: string;
  admin: { id: string; email: string; password: string };
  /** signed-in admin */
  adminCookie: string;
  rep: { id: string; email: string; password: string };
  repCookie: string;
}

export interface TestApp {
  server: AppServer;
  url: string;
  databaseUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  login(email: string, password: string): Promise<string>;
  createTenant(name?: string): Promise<TestTenant>;
  createApiKey(tenant: TestTenant, scope: ApiKeyScope): Promise<string>;
  wsClient(caller?: Caller & { connectionParams?: Record<string, unknown>; origin?: string }): Client;
  /** a tenant-scoped EntityManager, as resolvers get */
  em(tenantId?: string): EntityManager;
  stop(): Promise<void>;
}

export async function gqlAt<T = any>(url: string, query: string, variables?: Record<string, unknown>, caller: Caller = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...caller.headers };
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.apiKey) headers.authorization = `Bearer ${caller.apiKey}`;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: any = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
}

export function wsClientAt(url: string, caller: Caller & { connectionParams?: Record<string, unknown>; origin?: string } = {}): Client {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.origin) headers.origin = caller.origin;
  class AuthedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: AuthedWebSocket,
    connectionParams: caller.connectionParams ?? (caller.apiKey ? { authorization: `Bearer ${caller.apiKey}` } : undefined),
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects the next `count` results of a subscription (or fails after `timeoutMs`). */
export function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>, probe?: { id: string }) {
  const results: Array<{ data?: T; errors?: unknown[] }> = [];
  let closed: unknown = null;
  const waiters: Array<() => void> = [];
  let probed = false;
  const notify = () => waiters.splice(0).forEach((w) => w());
  let probeLeadId: string | undefined = probe?.id;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        // events about the probe lead only show that the subscription is live
        if (probeLeadId && JSON.stringify(value).includes(probeLeadId)) probed = true;
        else results.push(value as { data?: T });
        notify();
      },
      error: (error) => {
        closed = error ?? 'error';
        notify();
      },
      complete: () => {
        closed = closed ?? 'complete';
        notify();
      },
    },
  );
  return {
    results,
    get closed() {
      return closed;
    },
    async waitFor(count: number, timeoutMs = 3_000): Promise<Array<{ data?: T; errors?: unknown[] }>> {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count && !closed) {
        const left = deadline - Date.now();
        if (left <= 0) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return results;
    },
    /**
     * Resolves once the server delivers events to this subscription: touches the probe lead (an
     * update, which notifies) until its event arrives. Probe events (recognised by the probe's
     * unique name) never show up in `results`.
     */
    async live(touchProbe: () => Promise<unknown>, probeId: string, timeoutMs = 10_000): Promise<void> {
      probeLeadId = probeId;
      const deadline = Date.now() + timeoutMs;
      while (!probed && !closed) {
        if (Date.now() > deadline) throw new Error('the subscription never became live');
        await touchProbe();
        const until = Date.now() + 250;
        while (!probed && !closed && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      }
    },
    unsubscribe,
  };
}

/** A hot lead whose updates prove a subscription live (see `subscribe().live`). */
export async function createProbe(app: { gql: TestApp['gql'] }, cookie: string, url?: string) {
  const call = url ? (q: string, v?: Record<string, unknown>) => gqlAt(url, q, v, { cookie }) : (q: string, v?: Record<string, unknown>) => app.gql(q, v, { cookie });
  const name = `Probe ${randomUUID()}`;
  const created = await call(CREATE_LEAD, { input: leadInput({ name, budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY' }) });
  const id: string = created.data.createLead.id;
  const touchQuery = `mutation($id: ID!) { updateLead(id: $id, input: {}) { id } }`;
  // the marker is the name: subscriptions select it (or the id) in every test
  return { id: name, leadId: id, touch: () => call(touchQuery, { id }), touchAt: (otherUrl: string) => () => gqlAt(otherUrl, touchQuery, { id }, { cookie }) };
}

/** Waits until the server has subscribed (graphql-ws acknowledges on connect, subscriptions start right after). */
export async function connected(client: Client): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      offClosed();
      resolve();
    });
    const offClosed = client.on('closed', (event) => {
      offConnected();
      offClosed();
      reject(event);
    });
  });
  // the subscribe message follows the ack; give the server a moment to register it
  await new Promise((r) => setTimeout(r, 100));
}

export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** An app on its own fresh database, migrated, with no tenants. */
export async function createTestApp(options: ServerOptions & { databaseUrl?: string } = {}): Promise<TestApp> {
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    seedDemo: false,
    logLevel: 'silent',
    production: false,
    allowedOrigins: [],
    // /metrics has its own tests; other apps do not need the port
    metricsPort: null,
    ...options,
    databaseUrl,
  });
  await server.ready;
  const url = server.url;
  const gql = <T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller) => gqlAt<T>(url, query, variables, caller);

  async function login(email: string, password: string): Promise<string> {
    const res = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: email, p: password });
    const cookie = res.headers.get('set-cookie');
    if (!cookie || res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    return cookie.split(';')[0];
  }

  const clients: Client[] = [];
  return {
    server,
    url,
    databaseUrl,
    gql,
    login,
    async createTenant(name = `Tenant ${randomUUID().slice(0, 6)}`) {
      const tag = randomUUID().slice(0, 8);
      const adminPassword = `admin-${tag}`;
      const repPassword = `rep-${tag}`;
      const em = server.orm.em.fork();
      const { tenant, admin } = await createTenant(em, { name, adminEmail: `admin-${tag}@test.example`, adminName: `Admin ${tag}`, adminPassword });
      const rep = em.create(User, { tenant, email: `rep-${tag}@test.example`, name: `Rep ${tag}`, role: UserRole.REP, passwordHash: await hashPassword(repPassword) });
      await em.flush();
      return {
        id: tenant.id,
        name,
        admin: { id: admin.id, email: admin.email, password: adminPassword },
        adminCookie: await login(admin.email, adminPassword),
        rep: { id: rep.id, email: rep.email, password: repPassword },
        repCookie: await login(rep.email, repPassword),
      };
    },
    async createApiKey(tenant, scope) {
      const res = await gql(`mutation($n: String!, $s: ApiKeyScope!) { createApiKey(name: $n, scope: $s) { secret } }`, { n: `key ${scope}`, s: scope }, { cookie: tenant.adminCookie });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.createApiKey.secret;
    },
    wsClient(caller) {
      const client = wsClientAt(url, caller);
      clients.push(client);
      return client;
    },
    em(tenantId) {
      const em = server.orm.em.fork();
      if (tenantId) em.setFilterParams('tenant', { tenantId });
      return em as EntityManager;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await server.stop();
      await database?.drop();
    },
  };
}

export const CREATE_LEAD = /* GraphQL */ `
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) { id name company email phone budget companySize industry urgency source score tier isKeyAccount modelVersion
      scoreBreakdown { criterion points maxPoints } createdAt updatedAt createdBy { kind id name } }
  }
`;

export function leadInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Grace Hopper',
    company: 'Compilers Inc',
    email: 'grace@compilers.example',
    phone: '+1 555 0100',
    budget: 'OVER_100K',
    companySize: 'SIZE_51_200',
    industry: 'SOFTWARE',
    urgency: 'THIS_WEEK',
    source: 'REFERRAL',
    ...overrides,
  };
}

/**
 * A TCP proxy in front of PostgreSQL: `down()` cuts every connection and refuses new ones, as a
 * database outage would; `up()` brings it back. The real server keeps running for other tests.
 */
export async function createDatabaseProxy(targetUrl = ADMIN_DATABASE_URL) {
  const net = await import('node:net');
  const target = new URL(targetUrl);
  const sockets = new Set<import('node:net').Socket>();
  let server: import('node:net').Server | undefined;
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as import('node:net').AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const proxy = {
    port,
    urlFor(database: string) {
      const url = new URL(targetUrl);
      url.host = `127.0.0.1:${port}`;
      url.pathname = `/${database}`;
      return url.toString();
    },
    up: () =>
      new Promise<void>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 5432), target.hostname);
          sockets.add(client).add(upstream);
          client.pipe(upstream).pipe(client);
          const close = () => {
            client.destroy();
            upstream.destroy();
            sockets.delete(client);
            sockets.delete(upstream);
          };
          client.on('error', close).on('close', close);
          upstream.on('error', close).on('close', close);
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
  };
  return proxy;
}
