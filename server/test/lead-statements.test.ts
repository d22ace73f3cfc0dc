import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

// The list's statements run prepared, their values as parameters, one text per shape of request.

let app: TestApp;
let tenant: TestTenant;
let key: string;

beforeAll(async () => {
  app = await createTestApp({ production: true });
  tenant = await app.createTenant('Statements Co');
  key = await app.createApiKey(tenant, ApiKeyScope.WRITE);
  for (const tier of ['HOT', 'WARM', 'COLD'] as const) {
    const input = tier === 'HOT' ? leadInput() : tier === 'WARM' ? leadInput({ budget: 'FROM_10K_TO_50K', urgency: 'THIS_QUARTER' }) : leadInput({ budget: 'UNDER_10K', companySize: 'SIZE_1_10', urgency: 'NO_TIMELINE', industry: 'OTHER' });
    const res = await app.gql(CREATE_LEAD, { input }, { apiKey: key });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await app?.stop();
});

interface Sent {
  sql: string;
  bindings: unknown[];
  options?: { name?: string };
}

/**
 * Background consumers (outbox, jobs) share the pool and may run meanwhile: keep what reads the
 * lead table (an outbox read names the type 'lead.scored', so not just any "lead") for this test's
 * tenant (the SLA sweep, every minute, reads every tenant's leads).
 */
const ofThisTenantsLeads = (query: { sql: string; bindings?: unknown[] }) => /\bfrom lead\b/.test(query.sql) && (query.bindings ?? []).includes(tenant.id);

/** The statements the app sends to PostgreSQL while `run` runs. */
async function statementsOf(run: () => Promise<unknown>): Promise<Sent[]> {
  const knex = app.server.orm.em.getConnection().getKnex();
  const sent: Sent[] = [];
  const listener = (query: Sent) => {
    if (ofThisTenantsLeads(query)) sent.push(query);
  };
  knex.on('query', listener);
  try {
    await run();
  } finally {
    knex.removeListener('query', listener);
  }
  return sent;
}

const page = (filter?: Record<string, unknown>) =>
  app.gql('query($filter: LeadFilter) { leads(first: 5, filter: $filter) { edges { node { name tier } } } }', { filter }, { apiKey: key });

describe('list statements', () => {
  it('send values as parameters, under one name per shape, whatever the number of values in a list filter', async () => {
    const [one] = await statementsOf(() => page({ tiers: ['HOT'] }));
    const [three] = await statementsOf(() => page({ tiers: ['HOT', 'WARM', 'COLD'] }));
    expect(one.sql).toBe(three.sql);
    expect(one.sql).not.toContain(tenant.id);
    expect(one.bindings).toContain(tenant.id);
    expect(one.bindings).toContainEqual(['HOT']);
    expect(three.bindings).toContainEqual(['HOT', 'WARM', 'COLD']);
    expect(one.options?.name).toMatch(/^lead_list_\d+$/);
    expect(three.options?.name).toBe(one.options?.name);
    const [other] = await statementsOf(() => page());
    expect(other.options?.name).toMatch(/^lead_list_\d+$/);
    expect(other.options?.name).not.toBe(one.options?.name);
  });

  it('filter by a list of values as before', async () => {
    const tiers = async (filter: Record<string, unknown>) => (await page(filter)).data.leads.edges.map((e: { node: { tier: string } }) => e.node.tier).sort();
    expect(await tiers({ tiers: ['HOT'] })).toEqual(['HOT']);
    expect(await tiers({ tiers: ['COLD', 'HOT'] })).toEqual(['COLD', 'HOT']);
    expect(await tiers({ tiers: [] })).toEqual(['COLD', 'HOT', 'WARM']);
    expect(await tiers({ tiers: ['HOT'], industries: ['OTHER'] })).toEqual([]);
  });

  it('keep answering when a migration changed a column they read (PostgreSQL refuses the prepared one)', async () => {
    // prepared on the connection the next requests get back (the pool hands out the last one released)
    for (let i = 0; i < 3; i++) expect((await page()).errors).toBeUndefined();
    await app.em().getConnection().execute('alter table lead alter column name type varchar(201)');
    // the statements go straight to the driver, but report like knex's: every start ends in a response or an error
    const knex = app.server.orm.em.getConnection().getKnex();
    const ends = new Map<string, string>();
    const started: string[] = [];
    const onQuery = (query: { __knexQueryUid: string; sql: string; bindings?: unknown[] }) => ofThisTenantsLeads(query) && started.push(query.__knexQueryUid);
    const onResponse = (_response: unknown, query: { __knexQueryUid: string }) => ends.set(query.__knexQueryUid, 'response');
    const onError = (error: { code?: string }, query: { __knexQueryUid: string }) => ends.set(query.__knexQueryUid, `error ${error.code}`);
    knex.on('query', onQuery).on('query-response', onResponse).on('query-error', onError);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await page();
        expect(res.errors).toBeUndefined();
        expect(res.data.leads.edges).toHaveLength(3);
      }
    } finally {
      knex.removeListener('query', onQuery).removeListener('query-response', onResponse).removeListener('query-error', onError);
    }
    // the prepared statement refused (0A000) where a connection had it, then run unprepared
    const outcomes = started.map((uid) => ends.get(uid));
    expect(outcomes.filter((end) => end === 'response')).toHaveLength(3);
    expect(outcomes).toContain('error 0A000');
    expect(outcomes.filter((end) => end !== 'response').every((end) => end === 'error 0A000')).toBe(true);
    expect(outcomes.length).toBeLessThanOrEqual(4);
  });
});
