import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

// The queue filters (status, owner) combined with the list's other filters, page by page.

let app: TestApp;
let acme: TestTenant;
let other: TestTenant;
const ids: Record<string, string> = {};

const rep = () => ({ cookie: acme.repCookie });

async function lead(name: string, overrides: Record<string, unknown> = {}, tenant = acme): Promise<string> {
  const res = await app.gql(CREATE_LEAD, { input: leadInput({ name, ...overrides }) }, { cookie: tenant.repCookie });
  expect(res.errors).toBeUndefined();
  return (ids[name] = res.data.createLead.id);
}

async function names(filter: Record<string, unknown>, first = 200): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const res: any = await app.gql('query($f: LeadFilter, $first: Int, $after: String) { leads(first: $first, after: $after, filter: $f) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }', { f: filter, first, after }, rep());
    expect(res.errors).toBeUndefined();
    out.push(...res.data.leads.edges.map((e: { node: { name: string } }) => e.node.name));
    if (!res.data.leads.pageInfo.hasNextPage) {
      expect(res.data.leads.totalCount).toBe(out.length);
      return out;
    }
    after = res.data.leads.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  app = await createTestApp();
  acme = await app.createTenant('Acme');
  other = await app.createTenant('Other');
  // scores: hot 85, ka 70, warm 50
  await lead('new-mine-hot', { urgency: 'THIS_WEEK' });
  await lead('new-free-ka', { urgency: 'NO_TIMELINE' });
  await lead('contacted-mine-warm', { budget: 'UNDER_10K', urgency: 'THIS_QUARTER' });
  await lead('won-admin-hot');
  await lead('lost-free-warm', { budget: 'UNDER_10K', urgency: 'THIS_QUARTER' });
  await lead('theirs', {}, other);
  const assign = (id: string, ownerId: string) => app.gql('mutation($id: ID!, $o: ID) { assignLead(id: $id, ownerId: $o) { id } }', { id, o: ownerId }, rep());
  const move = (id: string, input: Record<string, unknown>) => app.gql('mutation($id: ID!, $i: LeadStatusInput!) { changeLeadStatus(id: $id, input: $i) { id } }', { id, i: input }, rep());
  await assign(ids['new-mine-hot'], acme.rep.id);
  await assign(ids['contacted-mine-warm'], acme.rep.id);
  await assign(ids['won-admin-hot'], acme.admin.id);
  await move(ids['contacted-mine-warm'], { status: 'CONTACTED' });
  await move(ids['won-admin-hot'], { status: 'WON', dealValue: 1000 });
  await move(ids['lost-free-warm'], { status: 'LOST', lostReason: 'NO_NEED' });
  await app.gql('mutation($id: ID!, $o: ID) { assignLead(id: $id, ownerId: $o) { id } }', { id: ids.theirs, o: other.rep.id }, { cookie: other.repCookie });
});
afterAll(() => app?.stop());

describe('queue filters', () => {
  it.each([
    ['statuses', { statuses: ['NEW'] }, ['new-mine-hot', 'new-free-ka']],
    ['several statuses', { statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] }, ['new-mine-hot', 'new-free-ka', 'contacted-mine-warm']],
    ['closed statuses', { statuses: ['WON', 'LOST'] }, ['won-admin-hot', 'lost-free-warm']],
    ['an owner', { ownerIds: ['REP'] }, ['new-mine-hot', 'contacted-mine-warm']],
    ['several owners', { ownerIds: ['REP', 'ADMIN'] }, ['won-admin-hot', 'new-mine-hot', 'contacted-mine-warm']],
    ['unassigned', { unassigned: true }, ['new-free-ka', 'lost-free-warm']],
    ['assigned', { unassigned: false }, ['won-admin-hot', 'new-mine-hot', 'contacted-mine-warm']],
    ['mine or nobody\'s', { ownerIds: ['REP'], unassigned: true }, ['new-mine-hot', 'new-free-ka', 'lost-free-warm', 'contacted-mine-warm']],
    ['my open leads (the queue)', { ownerIds: ['REP'], statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] }, ['new-mine-hot', 'contacted-mine-warm']],
    ['my open key accounts', { ownerIds: ['REP'], statuses: ['NEW', 'CONTACTED', 'QUALIFIED'], minScore: 70 }, ['new-mine-hot']],
    ['open and unassigned by tier', { unassigned: true, statuses: ['NEW'], tiers: ['KEY_ACCOUNT'] }, ['new-free-ka']],
    ['empty lists filter nothing', { statuses: [], ownerIds: [] }, ['won-admin-hot', 'new-mine-hot', 'new-free-ka', 'lost-free-warm', 'contacted-mine-warm']],
    ["another tenant's owner", { ownerIds: ['OTHER_REP'] }, []],
  ])('%s', async (_name, filter, expected) => {
    const given = { ...filter } as Record<string, unknown>;
    if (Array.isArray(given.ownerIds)) given.ownerIds = (given.ownerIds as string[]).map((o) => ({ REP: acme.rep.id, ADMIN: acme.admin.id, OTHER_REP: other.rep.id })[o]);
    const all = await names(given);
    expect(all).toEqual(expected);
    // page by page, the same rows in the same order
    expect(await names(given, 1)).toEqual(expected);
  });

  it('refuses owner ids that are not ids', async () => {
    const res = await app.gql('query { leads(filter: { ownerIds: ["x"] }) { edges { node { id } } } }', {}, rep());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.ownerIds', code: 'NOT_A_MEMBER' }] });
  });

  it('lists status, owner and outcome without a statement per lead', async () => {
    const knex = app.server.orm.em.getConnection().getKnex();
    const count = async (first: number) => {
      let statements = 0;
      // background work (outbox consumers, the SLA sweep of every tenant) shares the pool: count only
      // what reads this tenant's leads and their lifecycle (its id a parameter, or inlined by the ORM)
      const ofAcme = (query: { sql: string; bindings?: unknown[] }) => query.sql.includes(acme.id) || (query.bindings ?? []).includes(acme.id);
      const listener = (query: { sql: string; bindings?: unknown[] }) => {
        if (/\b(lead|lead_activity|score_feedback|tenant_settings)\b/.test(query.sql) && !/\bevent\b/.test(query.sql) && ofAcme(query)) statements++;
      };
      knex.on('query', listener);
      try {
        const res = await app.gql(
          `query($first: Int) { leads(first: $first) { edges { node { name status owner { id name } dealValue lostReason contactedAt closedAt slaDueAt slaBreached myFeedback feedback { accurate } activities { kind } } } } }`,
          { first },
          rep(),
        );
        expect(res.errors).toBeUndefined();
        expect(res.data.leads.edges).toHaveLength(first);
        return { statements, nodes: res.data.leads.edges.map((e: { node: unknown }) => e.node) };
      } finally {
        knex.removeListener('query', listener);
      }
    };
    const one = await count(1);
    const five = await count(5);
    // the page, then one each for the settings (SLA), activities, the summary and your verdicts
    expect(one.statements).toBe(5);
    expect(five.statements).toBe(one.statements);
    const won = five.nodes.find((n: { name: string }) => n.name === 'won-admin-hot');
    expect(won).toMatchObject({ status: 'WON', owner: { id: acme.admin.id, name: expect.stringMatching(/^Admin /) }, dealValue: 1000, lostReason: null, slaDueAt: null, slaBreached: false });
    expect(won.activities.map((a: { kind: string }) => a.kind)).toEqual(['ASSIGNED', 'STATUS_CHANGED']);
  });
});
