import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_LEAD, createProbe, createTestApp, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

const LEAD_SCORED = `subscription { leadScored { reason previousScore lead { id name score status owner { id name } contactedAt closedAt dealValue lostReason slaDueAt slaBreached myFeedback } } }`;

let app: TestApp;
let acme: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  acme = await app.createTenant('Acme');
  other = await app.createTenant('Other');
});
afterAll(() => app?.stop());

describe('lifecycle changes, live', () => {
  it('reach subscribers of the tenant with the lead as stored, and never another tenant', async () => {
    const acmeProbe = await createProbe(app, acme.repCookie);
    const otherProbe = await createProbe(app, other.repCookie);
    const mine = subscribe(app.wsClient({ cookie: acme.adminCookie }), LEAD_SCORED, {}, acmeProbe);
    const theirs = subscribe(app.wsClient({ cookie: other.repCookie }), LEAD_SCORED, {}, otherProbe);
    await mine.live(acmeProbe.touch, acmeProbe);
    await theirs.live(otherProbe.touch, otherProbe);

    const id = (await app.gql(CREATE_LEAD, { input: leadInput({ name: 'Live one' }) }, { cookie: acme.repCookie })).data.createLead.id;
    // the rep rates it: subscribers share results, so no one's own verdict travels in them
    await app.gql('mutation($id: ID!) { rateLeadScore(id: $id, input: { verdict: ACCURATE }) { id } }', { id }, { cookie: acme.adminCookie });
    await app.gql('mutation($id: ID!, $o: ID) { assignLead(id: $id, ownerId: $o) { id } }', { id, o: acme.rep.id }, { cookie: acme.repCookie });
    await app.gql('mutation($id: ID!) { changeLeadStatus(id: $id, input: { status: WON, dealValue: 4200 }) { id } }', { id }, { cookie: acme.repCookie });

    const events = (await mine.waitFor(3)).map((e) => e.data!.leadScored);
    expect(events.map((e) => [e.reason, e.previousScore])).toEqual([['CREATED', null], ['ASSIGNED', 85], ['STATUS_CHANGED', 85]]);
    expect(events[0].lead).toMatchObject({ status: 'NEW', owner: null, slaBreached: false, myFeedback: null });
    expect(events[0].lead.slaDueAt).not.toBeNull();
    expect(events[1].lead).toMatchObject({ id, status: 'NEW', owner: { id: acme.rep.id, name: expect.stringMatching(/^Rep /) }, myFeedback: null });
    expect(events[2].lead).toMatchObject({ id, status: 'WON', dealValue: 4200, lostReason: null, owner: { id: acme.rep.id }, slaDueAt: null, myFeedback: null });
    expect(Date.parse(events[2].lead.closedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(events[2].lead.contactedAt).toBe(events[2].lead.closedAt);

    // committed after all of the above: had any of them crossed over, it would have arrived first
    await app.gql(CREATE_LEAD, { input: leadInput({ name: 'Theirs' }) }, { cookie: other.repCookie });
    const [first] = await theirs.waitFor(1);
    expect(first.data!.leadScored).toMatchObject({ reason: 'CREATED', lead: { name: 'Theirs' } });
    expect(theirs.results).toHaveLength(1);
  });
});
