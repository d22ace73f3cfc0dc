import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'graphql-ws';
import { createServer, type AppServer, type ServerOptions } from '../../src/app.js';
import { ApiKeyScope, UserRole } from '../../src/modules/auth/auth.enums.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { User } from '../../src/modules/auth/user.entity.js';
import { createTenant } from '../../src/onboarding/create-tenant.js';
import { createTestDatabase } from './database.js';
import { gqlAt, type Caller, type Gql } from './graphql.js';
import { wsClientAt, type WsCaller } from './ws.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface TestTenant {
  id: string;
  name: string;
  admin: TestUser;
  /** signed-in admin */
  adminCookie: string;
  rep: TestUser;
  repCookie: string;
}

export interface TestApp {
  server: AppServer;
  url: string;
  databaseUrl: string;
  gql: Gql;
  /** signs in and returns the session cookie (`name=value`) */
  login(email: string, password: string): Promise<string>;
  /** a tenant with a signed-in admin and rep */
  createTenant(name?: string): Promise<TestTenant>;
  /** an API key of `tenant`, created by its admin; returns the secret */
  createApiKey(tenant: TestTenant, scope: ApiKeyScope): Promise<string>;
  /** a graphql-ws client, disposed by `stop()` */
  wsClient(caller?: WsCaller): Client;
  /** a tenant-scoped EntityManager, as resolvers get */
  em(tenantId?: string): EntityManager;
  /** closes the clients, stops the server and drops the database it created */
  stop(): Promise<void>;
}

/** An app on its own fresh database (or `databaseUrl`), migrated, with no tenants, on a free port. */
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
  const gql: Gql = (query, variables, caller?: Caller) => gqlAt(url, query, variables, caller);

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
