import type { ForkOptions } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';

// An operation's EntityManager is forked on its first use, once: a request that needs none (a
// credential found in the cache, a field without the database) forks none.

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp({ production: true });
  tenant = await app.createTenant('Forks Co');
});
afterAll(() => app?.stop());

/** Forks made for requests while `run` runs: theirs carry a request id (background work's do not). */
async function requestForks(run: () => Promise<unknown>): Promise<number> {
  const em = app.server.orm.em;
  const fork = em.fork;
  let count = 0;
  em.fork = function (this: typeof em, options?: ForkOptions) {
    if ((options?.loggerContext as { requestId?: string } | undefined)?.requestId) count++;
    return fork.call(this, options);
  } as typeof em.fork;
  try {
    await run();
  } finally {
    em.fork = fork;
  }
  return count;
}

const ok = async (promise: Promise<{ data?: unknown; errors?: unknown }>) => {
  const res = await promise;
  expect(res.errors).toBeUndefined();
  return res;
};

describe("an operation's EntityManager", () => {
  it('is not forked for a request that needs none: a cached credential and a field without the database', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    // the key's first request looks it up in the database
    expect(await requestForks(() => ok(app.gql('{ __typename }', {}, { apiKey: key })))).toBe(1);
    // from then on it is cached
    expect(await requestForks(() => ok(app.gql('{ __typename }', {}, { apiKey: key })))).toBe(0);
    expect(await requestForks(() => ok(app.gql('{ leadRules { maxTextLength } }', {}, { apiKey: key })))).toBe(0);
  });

  it('is forked once for a request that reads, and shared by the credential lookup and the resolvers', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const res = await requestForks(() => ok(app.gql('{ leads(first: 1) { totalCount } }', {}, { apiKey: key })));
    expect(res).toBe(1);
    expect(await requestForks(() => ok(app.gql('{ leads(first: 1) { totalCount } }', {}, { apiKey: key })))).toBe(1);
  });
});
