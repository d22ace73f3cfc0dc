import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let tenant: TestTenant;
const count = () => app.em(tenant.id).count(Lead, {});

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant();
});
afterAll(() => app?.stop());

describe('invalid createLead input', () => {
  it.each([
    ['an empty name', { name: '   ' }, 'name', 'REQUIRED', /Name is required/],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name', 'TOO_LONG', /at most 200/],
    ['an empty company', { company: '' }, 'company', 'REQUIRED', /Company is required/],
    ['a company over 200 characters', { company: 'y'.repeat(201) }, 'company', 'TOO_LONG', /at most 200/],
    ['a malformed email', { email: 'grace-at-example' }, 'email', 'INVALID_EMAIL', /not a valid email/],
    ['a malformed phone', { phone: 'call me maybe' }, 'phone', 'INVALID_PHONE', /Phone may contain/],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_label, overrides, field, code, message) => {
    const before = await count();
    const res = await app.gql(CREATE_LEAD, { input: leadInput(overrides) }, { cookie: tenant.repCookie });
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions!.fields as Array<{ field: string; code: string; message: string }>;
    expect(fields).toHaveLength(1);
    expect(fields[0].field).toBe(field);
    expect(fields[0].code).toBe(code);
    expect(fields[0].message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('reports every bad field at once', async () => {
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: '', company: '', email: 'nope' }) }, { cookie: tenant.repCookie });
    expect(res.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'company', 'email']);
  });

  it('accepts exactly 200 characters', async () => {
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: 'n'.repeat(200), company: 'c'.repeat(200) }) }, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    await app.em(tenant.id).nativeDelete(Lead, { id: res.data.createLead.id });
  });

  it('refuses an unknown enum value with BAD_USER_INPUT and stores nothing', async () => {
    const before = await count();
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ industry: 'MINING' }) }, { cookie: tenant.repCookie });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/MINING/);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown enum value written inline with BAD_USER_INPUT too', async () => {
    const res = await app.gql(
      `mutation { createLead(input: { name: "a", company: "b", budget: HUGE, companySize: SIZE_1_10, industry: OTHER, urgency: NO_TIMELINE }) { id } }`,
      {},
      { cookie: tenant.repCookie },
    );
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/HUGE.*BudgetRange/);
  });

  it('refuses a missing required field with BAD_USER_INPUT', async () => {
    const { budget: _, ...input } = leadInput();
    const res = await app.gql(CREATE_LEAD, { input }, { cookie: tenant.repCookie });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/budget/);
  });
});

describe('invalid leads arguments', () => {
  const PAGE = `query($first: Int, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { edges { node { id } } pageInfo { endCursor } } }`;

  it.each([0, -1, 201])('refuses first = %i', async (first) => {
    const res = await app.gql(PAGE, { first }, { cookie: tenant.repCookie });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields[0]).toMatchObject({ field: 'first', message: expect.stringMatching(/between 1 and 200/) });
  });

  it.each(['garbage', 'eyJ4IjoxfQ', Buffer.from('["s","x",1,"id"]').toString('base64url')])('refuses the malformed cursor %s', async (after) => {
    const res = await app.gql(PAGE, { after }, { cookie: tenant.repCookie });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'after', code: 'INVALID_CURSOR' })]);
  });

  it('refuses a cursor of the other ordering', async () => {
    for (let i = 0; i < 2; i++) await app.gql(CREATE_LEAD, { input: leadInput() }, { cookie: tenant.repCookie });
    const first = await app.gql(PAGE, { first: 1, orderBy: 'CREATED_DESC' }, { cookie: tenant.repCookie });
    const res = await app.gql(PAGE, { after: first.data.leads.pageInfo.endCursor, orderBy: 'SCORE_DESC' }, { cookie: tenant.repCookie });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'after', code: 'INVALID_CURSOR' })]);
  });

  it('refuses minScore outside 0–100', async () => {
    const res = await app.gql(PAGE, { filter: { minScore: 101 } }, { cookie: tenant.repCookie });
    expect(res.errors![0].extensions!.fields[0].field).toBe('filter.minScore');
  });
});
