import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { User } from '../src/modules/auth/user.entity.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { LeadActivity } from '../src/modules/lifecycle/lead-activity.entity.js';
import { CREATE_LEAD, createTestApp, leadInput, type Caller, type TestApp, type TestTenant } from './utils.js';

const LEAD_FIELDS = 'id status owner { id name } contactedAt closedAt dealValue lostReason updatedAt';
const CHANGE = `mutation($id: ID!, $input: LeadStatusInput!) { changeLeadStatus(id: $id, input: $input) { ${LEAD_FIELDS} activities { kind actorName fromStatus toStatus comment dealValue lostReason owner { id name } createdAt } } }`;
const ASSIGN = `mutation($id: ID!, $ownerId: ID) { assignLead(id: $id, ownerId: $ownerId) { ${LEAD_FIELDS} activities { kind actorName owner { id name } } } }`;
const LEAD = `query($id: ID!) { lead(id: $id) { ${LEAD_FIELDS} activities { kind } } }`;

let app: TestApp;
let acme: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  acme = await app.createTenant('Acme');
  other = await app.createTenant('Other');
});
afterAll(() => app?.stop());

async function newLead(caller: Caller, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app.gql(CREATE_LEAD, { input: leadInput(overrides) }, caller);
  expect(res.errors).toBeUndefined();
  return res.data.createLead.id;
}

async function stored(tenantId: string, id: string) {
  const em = app.em(tenantId);
  const lead = await em.findOneOrFail(Lead, { id });
  const activities = await em.count(LeadActivity, { lead: id });
  return { status: lead.status, contactedAt: lead.contactedAt, closedAt: lead.closedAt, dealValue: lead.dealValue, lostReason: lead.lostReason, ownerId: lead.ownerId, activities };
}

const rep = () => ({ cookie: acme.repCookie });
const admin = () => ({ cookie: acme.adminCookie });

describe('changeLeadStatus', () => {
  it('moves a lead forward, sets contactedAt on the first move out of NEW and records who did it', async () => {
    const id = await newLead(rep());
    const contacted = await app.gql(CHANGE, { id, input: { status: 'CONTACTED', comment: '  called, call back Friday ' } }, rep());
    expect(contacted.errors).toBeUndefined();
    const lead = contacted.data.changeLeadStatus;
    expect(lead.status).toBe('CONTACTED');
    expect(Date.parse(lead.contactedAt)).toBeGreaterThan(Date.now() - 10_000);
    expect(lead.closedAt).toBeNull();
    expect(lead.activities).toEqual([
      { kind: 'STATUS_CHANGED', actorName: expect.stringMatching(/^Rep /), fromStatus: 'NEW', toStatus: 'CONTACTED', comment: 'called, call back Friday', dealValue: null, lostReason: null, owner: null, createdAt: expect.any(String) },
    ]);

    const qualified = await app.gql(CHANGE, { id, input: { status: 'QUALIFIED' } }, rep());
    expect(qualified.data.changeLeadStatus.contactedAt).toBe(lead.contactedAt);
    const won = await app.gql(CHANGE, { id, input: { status: 'WON', dealValue: 12500.456 } }, rep());
    expect(won.errors).toBeUndefined();
    expect(won.data.changeLeadStatus).toMatchObject({ status: 'WON', dealValue: 12500.46, lostReason: null, contactedAt: lead.contactedAt });
    expect(won.data.changeLeadStatus.closedAt).not.toBeNull();
    expect(won.data.changeLeadStatus.activities.map((a: { toStatus: string }) => a.toStatus)).toEqual(['CONTACTED', 'QUALIFIED', 'WON']);
    expect((await stored(acme.id, id)).dealValue).toBe(12500.46);
  });

  it('lets an open lead skip ahead to WON or LOST', async () => {
    const lost = await newLead(rep());
    const res = await app.gql(CHANGE, { id: lost, input: { status: 'LOST', lostReason: 'COMPETITOR' } }, rep());
    expect(res.data.changeLeadStatus).toMatchObject({ status: 'LOST', lostReason: 'COMPETITOR', dealValue: null });
    // leaving NEW counts as the first contact, even straight to a close
    expect(res.data.changeLeadStatus.contactedAt).not.toBeNull();
    const won = await newLead(rep());
    expect((await app.gql(CHANGE, { id: won, input: { status: 'WON', dealValue: 1 } }, rep())).data.changeLeadStatus.status).toBe('WON');
  });

  it.each([
    ['the same status', 'NEW', { status: 'NEW' }, 'input.status', 'INVALID_TRANSITION'],
    ['a step back', 'QUALIFIED', { status: 'CONTACTED' }, 'input.status', 'INVALID_TRANSITION'],
    ['back to NEW', 'CONTACTED', { status: 'NEW' }, 'input.status', 'INVALID_TRANSITION'],
    ['WON without a deal value', 'NEW', { status: 'WON' }, 'input.dealValue', 'REQUIRED'],
    ['WON with a deal value of 0', 'NEW', { status: 'WON', dealValue: 0 }, 'input.dealValue', 'OUT_OF_RANGE'],
    ['WON with a negative deal value', 'NEW', { status: 'WON', dealValue: -5 }, 'input.dealValue', 'OUT_OF_RANGE'],
    ['LOST without a reason', 'CONTACTED', { status: 'LOST' }, 'input.lostReason', 'REQUIRED'],
    ['a deal value on CONTACTED', 'NEW', { status: 'CONTACTED', dealValue: 100 }, 'input.dealValue', 'INVALID_TRANSITION'],
    ['a lost reason on QUALIFIED', 'NEW', { status: 'QUALIFIED', lostReason: 'OTHER' }, 'input.lostReason', 'INVALID_TRANSITION'],
    ['a comment over 1000 characters', 'NEW', { status: 'CONTACTED', comment: 'x'.repeat(1001) }, 'input.comment', 'TOO_LONG'],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, start, input, field, code) => {
    const id = await newLead(rep());
    const path: Record<string, string[]> = { NEW: [], CONTACTED: ['CONTACTED'], QUALIFIED: ['CONTACTED', 'QUALIFIED'] };
    for (const status of path[start]) expect((await app.gql(CHANGE, { id, input: { status } }, rep())).errors).toBeUndefined();
    const before = await stored(acme.id, id);
    const res = await app.gql(CHANGE, { id, input }, rep());
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields).toContainEqual({ field, code, message: expect.any(String) });
    expect(await stored(acme.id, id)).toEqual(before);
  });

  it('refuses to move a closed lead except by reopening it', async () => {
    const id = await newLead(rep());
    await app.gql(CHANGE, { id, input: { status: 'WON', dealValue: 50 } }, rep());
    for (const status of ['LOST', 'NEW']) {
      const res = await app.gql(CHANGE, { id, input: { status, lostReason: status === 'LOST' ? 'OTHER' : undefined } }, admin());
      expect(res.errors?.[0].extensions?.fields).toContainEqual({ field: 'input.status', code: 'INVALID_TRANSITION', message: expect.stringContaining('CONTACTED or QUALIFIED') });
    }
  });

  it('lets only an admin reopen WON or LOST, clearing the outcome but keeping the first contact', async () => {
    const id = await newLead(rep());
    const lost = await app.gql(CHANGE, { id, input: { status: 'LOST', lostReason: 'NO_BUDGET' } }, rep());
    const contactedAt = lost.data.changeLeadStatus.contactedAt;
    const before = await stored(acme.id, id);
    const byRep = await app.gql(CHANGE, { id, input: { status: 'QUALIFIED' } }, rep());
    expect(byRep.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await stored(acme.id, id)).toEqual(before);

    const byAdmin = await app.gql(CHANGE, { id, input: { status: 'QUALIFIED', comment: 'budget found after all' } }, admin());
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data.changeLeadStatus).toMatchObject({ status: 'QUALIFIED', closedAt: null, lostReason: null, dealValue: null, contactedAt });
    expect(byAdmin.data.changeLeadStatus.activities.at(-1)).toMatchObject({ fromStatus: 'LOST', toStatus: 'QUALIFIED', actorName: expect.stringMatching(/^Admin /) });
  });

  it("answers null for another tenant's lead and leaves it alone", async () => {
    const theirs = await newLead({ cookie: other.repCookie });
    const res = await app.gql(CHANGE, { id: theirs, input: { status: 'CONTACTED' } }, rep());
    expect(res.errors).toBeUndefined();
    expect(res.data.changeLeadStatus).toBeNull();
    expect((await app.gql(CHANGE, { id: 'not-a-uuid', input: { status: 'CONTACTED' } }, rep())).data.changeLeadStatus).toBeNull();
    expect(await stored(other.id, theirs)).toMatchObject({ status: 'NEW', activities: 0 });
  });

  it('is FORBIDDEN to a READ key and allowed to a WRITE key, named in the activity', async () => {
    const id = await newLead(rep());
    const read = await app.createApiKey(acme, ApiKeyScope.READ);
    expect((await app.gql(CHANGE, { id, input: { status: 'CONTACTED' } }, { apiKey: read })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const write = await app.createApiKey(acme, ApiKeyScope.WRITE);
    const res = await app.gql(CHANGE, { id, input: { status: 'CONTACTED' } }, { apiKey: write });
    expect(res.data.changeLeadStatus.activities[0].actorName).toBe('key WRITE');
  });
});

describe('assignLead', () => {
  it('assigns to a team member, to yourself, and unassigns, each an activity', async () => {
    const id = await newLead(rep());
    const toRep = await app.gql(ASSIGN, { id, ownerId: acme.rep.id }, admin());
    expect(toRep.errors).toBeUndefined();
    expect(toRep.data.assignLead.owner).toEqual({ id: acme.rep.id, name: expect.stringMatching(/^Rep /) });
    const toMe = await app.gql(ASSIGN, { id, ownerId: acme.admin.id }, admin());
    expect(toMe.data.assignLead.owner.id).toBe(acme.admin.id);
    const none = await app.gql(ASSIGN, { id, ownerId: null }, admin());
    expect(none.data.assignLead.owner).toBeNull();
    expect(none.data.assignLead.activities.map((a: { owner: { id: string } | null }) => a.owner?.id ?? null)).toEqual([acme.rep.id, acme.admin.id, null]);
    expect((await app.gql(LEAD, { id }, rep())).data.lead.owner).toBeNull();
  });

  it('changes nothing when the lead has that owner already', async () => {
    const id = await newLead(rep());
    await app.gql(ASSIGN, { id, ownerId: acme.rep.id }, rep());
    const again = await app.gql(ASSIGN, { id, ownerId: acme.rep.id }, rep());
    expect(again.data.assignLead.activities).toHaveLength(1);
  });

  it("refuses another tenant's user, a deactivated member and ids that are no one's, storing nothing", async () => {
    const id = await newLead(rep());
    const em = app.em(acme.id);
    const gone = em.create(User, { tenant: acme.id, email: `gone-${id}@test.example`, name: 'Gone', passwordHash: 'x', active: false });
    await em.flush();
    for (const ownerId of [other.rep.id, gone.id, '00000000-0000-4000-8000-000000000000', 'nobody']) {
      const res = await app.gql(ASSIGN, { id, ownerId }, admin());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'ownerId', code: 'NOT_A_MEMBER', message: expect.any(String) }] });
    }
    expect(await stored(acme.id, id)).toMatchObject({ ownerId: null, activities: 0 });
  });

  it("answers null for another tenant's lead", async () => {
    const theirs = await newLead({ cookie: other.repCookie });
    expect((await app.gql(ASSIGN, { id: theirs, ownerId: acme.rep.id }, admin())).data.assignLead).toBeNull();
    expect(await stored(other.id, theirs)).toMatchObject({ ownerId: null, activities: 0 });
  });
});
