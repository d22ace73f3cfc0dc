import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope, UserRole } from '../src/modules/auth/auth.enums.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { ScoreFeedbackEntry } from '../src/modules/lifecycle/score-feedback.entity.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

const RATE = `mutation($id: ID!, $input: ScoreFeedbackInput!) { rateLeadScore(id: $id, input: $input) { id myFeedback feedback { accurate tooHigh tooLow } activities { kind actorName feedback comment } } }`;

let app: TestApp;
let acme: TestTenant;
let other: TestTenant;
let secondRepCookie: string;
let leadId: string;

beforeAll(async () => {
  app = await createTestApp();
  acme = await app.createTenant('Acme');
  other = await app.createTenant('Other');
  const em = app.em(acme.id);
  em.create(User, { tenant: acme.id, email: `second-${acme.id}@test.example`, name: 'Second Rep', role: UserRole.REP, passwordHash: await hashPassword('second-pass') });
  await em.flush();
  secondRepCookie = await app.login(`second-${acme.id}@test.example`, 'second-pass');
  leadId = (await app.gql(CREATE_LEAD, { input: leadInput() }, { cookie: acme.repCookie })).data.createLead.id;
});
afterAll(() => app?.stop());

describe('rateLeadScore', () => {
  it('keeps one verdict per user per lead, which that user may change, and counts them per lead', async () => {
    const first = await app.gql(RATE, { id: leadId, input: { verdict: 'TOO_HIGH', comment: 'small shop really' } }, { cookie: acme.repCookie });
    expect(first.errors).toBeUndefined();
    expect(first.data.rateLeadScore).toMatchObject({ myFeedback: 'TOO_HIGH', feedback: { accurate: 0, tooHigh: 1, tooLow: 0 } });
    const second = await app.gql(RATE, { id: leadId, input: { verdict: 'ACCURATE' } }, { cookie: secondRepCookie });
    expect(second.data.rateLeadScore).toMatchObject({ myFeedback: 'ACCURATE', feedback: { accurate: 1, tooHigh: 1, tooLow: 0 } });
    const changed = await app.gql(RATE, { id: leadId, input: { verdict: 'TOO_LOW' } }, { cookie: acme.repCookie });
    expect(changed.data.rateLeadScore).toMatchObject({ myFeedback: 'TOO_LOW', feedback: { accurate: 1, tooHigh: 0, tooLow: 1 } });
    expect(changed.data.rateLeadScore.activities).toEqual([
      { kind: 'FEEDBACK', actorName: expect.stringMatching(/^Rep /), feedback: 'TOO_HIGH', comment: 'small shop really' },
      { kind: 'FEEDBACK', actorName: 'Second Rep', feedback: 'ACCURATE', comment: null },
      { kind: 'FEEDBACK', actorName: expect.stringMatching(/^Rep /), feedback: 'TOO_LOW', comment: null },
    ]);
    expect(await app.em(acme.id).count(ScoreFeedbackEntry, { lead: leadId })).toBe(2);
  });

  it("shows each user their own verdict, and none to a user who gave none", async () => {
    const mine = async (cookie: string) => (await app.gql('query($id: ID!) { lead(id: $id) { myFeedback } }', { id: leadId }, { cookie })).data.lead.myFeedback;
    expect(await mine(acme.repCookie)).toBe('TOO_LOW');
    expect(await mine(secondRepCookie)).toBe('ACCURATE');
    expect(await mine(acme.adminCookie)).toBeNull();
  });

  it('is FORBIDDEN to API keys, which are nobody', async () => {
    const key = await app.createApiKey(acme, ApiKeyScope.WRITE);
    const res = await app.gql(RATE, { id: leadId, input: { verdict: 'ACCURATE' } }, { apiKey: key });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await app.createApiKey(acme, ApiKeyScope.READ);
    expect((await app.gql(RATE, { id: leadId, input: { verdict: 'ACCURATE' } }, { apiKey: read })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql('query($id: ID!) { lead(id: $id) { myFeedback } }', { id: leadId }, { apiKey: read })).data.lead.myFeedback).toBeNull();
  });

  it('refuses a comment over 1000 characters and stores nothing', async () => {
    const before = await app.em(acme.id).find(ScoreFeedbackEntry, { lead: leadId }, { orderBy: { id: 'asc' } });
    const res = await app.gql(RATE, { id: leadId, input: { verdict: 'ACCURATE', comment: 'x'.repeat(1001) } }, { cookie: acme.repCookie });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.comment', code: 'TOO_LONG' }] });
    const after = await app.em(acme.id).find(ScoreFeedbackEntry, { lead: leadId }, { orderBy: { id: 'asc' } });
    expect(after.map((f) => f.verdict)).toEqual(before.map((f) => f.verdict));
  });

  it("answers null for another tenant's lead and counts nothing there", async () => {
    const res = await app.gql(RATE, { id: leadId, input: { verdict: 'ACCURATE' } }, { cookie: other.repCookie });
    expect(res.errors).toBeUndefined();
    expect(res.data.rateLeadScore).toBeNull();
    expect(await app.em(other.id).count(ScoreFeedbackEntry, {})).toBe(0);
  });
});
