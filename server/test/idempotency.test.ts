import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKey } from '../src/modules/leads/idempotency-key.entity.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { createProbe, createTestApp, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let tenant: TestTenant;
let other: TestTenant;
let probe: Awaited<ReturnType<typeof createProbe>>;

const CREATE = `mutation($input: CreateLeadInput!, $key: String) { createLead(input: $input, idempotencyKey: $key) { id name score urgency updatedAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLeadInput!, $key: String) { updateLead(id: $id, input: $input, idempotencyKey: $key) { id name score urgency updatedAt } }`;
const LEAD_SCORED = `subscription { leadScored { reason previousScore lead { id name score } } }`;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant();
  other = await app.createTenant();
  probe = await createProbe(app, tenant.repCookie);
});
afterAll(() => app?.stop());

const create = (input: Record<string, unknown>, key?: string, cookie = tenant.repCookie) => app.gql(CREATE, { input: leadInput(input), key }, { cookie });
const update = (id: string, input: Record<string, unknown>, key?: string) => app.gql(UPDATE, { id, input, key }, { cookie: tenant.repCookie });
const leadsNamed = (name: string, tenantId = tenant.id) => app.em(tenantId).count(Lead, { name });
const keyRows = (key: string, tenantId = tenant.id) => app.em(tenantId).find(IdempotencyKey, { key });
const names = (events: Array<{ data?: any }>) => events.map((e) => `${e.data!.leadScored.reason} ${e.data!.leadScored.lead.name}`);

function expectFieldError(res: Awaited<ReturnType<TestApp['gql']>>, field: string, code: string) {
  expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions!.fields).toEqual([{ field, code, message: expect.any(String) }]);
}

describe('createLead with an idempotency key', () => {
  it('stores a repeated create once, answers it with the same lead, and announces it once', async () => {
    const sub = subscribe(app.wsClient({ cookie: tenant.repCookie }), LEAD_SCORED);
    await sub.live(probe.touch, probe);
    const key = randomUUID();
    const first = await create({ name: 'Sent twice' }, key);
    const second = await create({ name: 'Sent twice' }, key);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data.createLead).toEqual(first.data.createLead);
    expect(await leadsNamed('Sent twice')).toBe(1);
    expect((await keyRows(key)).map((row) => row.lead.id)).toEqual([first.data.createLead.id]);

    // the barrier: a later lead's event arrives, and nothing came between the two
    await create({ name: 'After the repeat' });
    await sub.waitFor(2);
    expect(names(sub.results)).toEqual(['CREATED Sent twice', 'CREATED After the repeat']);
  });

  it('replays with the lead as it is now, and only the first request scores it', async () => {
    const key = randomUUID();
    const first = (await create({ name: 'Changed since', urgency: 'NO_TIMELINE' }, key)).data.createLead;
    await update(first.id, { urgency: 'IMMEDIATELY' });
    const replay = (await create({ name: 'Changed since', urgency: 'NO_TIMELINE' }, key)).data.createLead;
    expect(replay).toMatchObject({ id: first.id, urgency: 'IMMEDIATELY', score: first.score + 20 });
    expect(await leadsNamed('Changed since')).toBe(1);
  });

  it('treats input that is stored the same as the same request', async () => {
    const key = randomUUID();
    const first = (await create({ name: 'Trimmed', email: '' }, key)).data.createLead;
    const again = await create({ name: '  Trimmed ', email: null }, key);
    expect(again.data.createLead.id).toBe(first.id);
  });

  it('refuses the same key with other input, naming the key, and stores nothing', async () => {
    const key = randomUUID();
    await create({ name: 'Original' }, key);
    const reused = await create({ name: 'Something else' }, key);
    expect(reused.data).toBeNull();
    expectFieldError(reused, 'idempotencyKey', 'IDEMPOTENCY_KEY_REUSED');
    expect(reused.errors![0].message).toMatch(/used for a different request/);
    expect(await leadsNamed('Something else')).toBe(0);
  });

  it('keeps keys per tenant: another tenant may use the same key for its own lead', async () => {
    const key = randomUUID();
    const ours = (await create({ name: 'Same key, tenant A' }, key)).data.createLead;
    const theirs = await create({ name: 'Same key, tenant B' }, key, other.repCookie);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.createLead.id).not.toBe(ours.id);
    expect(await leadsNamed('Same key, tenant B', other.id)).toBe(1);
    // and neither tenant's key row answers the other
    expect((await keyRows(key)).map((row) => row.lead.id)).toEqual([ours.id]);
    expect((await keyRows(key, other.id)).map((row) => row.lead.id)).toEqual([theirs.data.createLead.id]);
    expect((await create({ name: 'Same key, tenant A' }, key)).data.createLead.id).toBe(ours.id);
  });

  it('stores one lead when 20 identical requests with one key arrive at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => create({ name: 'Twenty at once' }, key)));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data.createLead.id)).size).toBe(1);
    expect(await leadsNamed('Twenty at once')).toBe(1);
    expect(await keyRows(key)).toHaveLength(1);
  });

  it.each([
    ['an empty key', '', 'REQUIRED'],
    ['a key over 200 characters', 'k'.repeat(201), 'TOO_LONG'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, key, code) => {
    const res = await create({ name: 'Bad key' }, key);
    expectFieldError(res, 'idempotencyKey', code);
    expect(await leadsNamed('Bad key')).toBe(0);
  });

  it('accepts 200 characters, counted as PostgreSQL counts them', async () => {
    const res = await create({ name: 'Long key' }, '🔑'.repeat(200));
    expect(res.errors).toBeUndefined();
  });

  it('forgets a key after 24 hours: it then acts as new, and expired keys are removed', async () => {
    const key = randomUUID();
    const first = (await create({ name: 'Expired key' }, key)).data.createLead;
    await app.em(tenant.id).execute(`update idempotency_key set created_at = now() - interval '25 hours' where tenant_id = ? and key = ?`, [tenant.id, key]);
    const again = (await create({ name: 'Expired key' }, key)).data.createLead;
    expect(again.id).not.toBe(first.id);
    expect((await keyRows(key)).map((row) => row.lead.id)).toEqual([again.id]);

    // a tenant's first keyed write (per process, then every few minutes) removes its expired keys
    const fresh = await app.createTenant();
    const old = await app.gql(CREATE, { input: leadInput({ name: 'Old' }) }, { cookie: fresh.repCookie });
    const em = app.em(fresh.id);
    await em.execute(
      `insert into idempotency_key (tenant_id, key, operation, request_hash, lead_id, created_at) values (?, 'old', 'CREATE_LEAD', 'x', ?, now() - interval '25 hours'), (?, 'recent', 'CREATE_LEAD', 'y', ?, now() - interval '23 hours')`,
      [fresh.id, old.data.createLead.id, fresh.id, old.data.createLead.id],
    );
    await app.gql(CREATE, { input: leadInput({ name: 'New' }), key: 'new' }, { cookie: fresh.repCookie });
    expect((await em.find(IdempotencyKey, {}, { orderBy: { key: 'asc' } })).map((row) => row.key)).toEqual(['new', 'recent']);
  });
});

describe('updateLead with an idempotency key', () => {
  it('applies a repeated update once, answers with the lead as it is, and announces it once', async () => {
    const lead = (await create({ name: 'Updated twice', urgency: 'NO_TIMELINE' })).data.createLead;
    const sub = subscribe(app.wsClient({ cookie: tenant.repCookie }), LEAD_SCORED);
    await sub.live(probe.touch, probe);
    const key = randomUUID();
    const first = await update(lead.id, { urgency: 'IMMEDIATELY' }, key);
    const second = await update(lead.id, { urgency: 'IMMEDIATELY' }, key);
    expect(first.errors).toBeUndefined();
    expect(second.data.updateLead).toEqual(first.data.updateLead);

    await update(lead.id, { name: 'Updated thrice' });
    await sub.waitFor(2);
    expect(names(sub.results)).toEqual(['UPDATED Updated twice', 'UPDATED Updated thrice']);
  });

  it('refuses a key used for another lead or for a create', async () => {
    const a = (await create({ name: 'Update target A' })).data.createLead;
    const b = (await create({ name: 'Update target B' })).data.createLead;
    const key = randomUUID();
    await update(a.id, { urgency: 'THIS_MONTH' }, key);
    expectFieldError(await update(b.id, { urgency: 'THIS_MONTH' }, key), 'idempotencyKey', 'IDEMPOTENCY_KEY_REUSED');
    expectFieldError(await create({ name: 'Update target A' }, key), 'idempotencyKey', 'IDEMPOTENCY_KEY_REUSED');
    expect((await app.em(tenant.id).findOneOrFail(Lead, { id: b.id })).urgency).toBe('THIS_WEEK');
  });

  it('stores no key for a lead that does not exist', async () => {
    const key = randomUUID();
    const res = await update(randomUUID(), { urgency: 'THIS_MONTH' }, key);
    expect(res.errors).toBeUndefined();
    expect(res.data.updateLead).toBeNull();
    expect(await keyRows(key)).toEqual([]);
  });
});
