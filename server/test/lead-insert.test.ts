import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { recordProperties } from '../src/modules/leads/lead.events.js';
import { IdempotentOperation } from '../src/modules/leads/idempotency-key.entity.js';
import { insertNewLead, newLeadRecord, type NewLeadFields } from '../src/modules/leads/lead.insert.js';
import { MAX_TEXT_LENGTH } from '../src/modules/leads/lead.rules.js';
import { createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

// A new lead is stored by one hand-written statement (lead, ledger row, outbox event): these hold
// it to what the ORM would have stored, and to storing all three or none.

const CREATE = /* GraphQL */ `mutation($input: CreateLeadInput!, $key: String) {
  createLead(input: $input, idempotencyKey: $key) { id name company email phone budget companySize industry urgency source score tier isKeyAccount
    modelVersion status createdAt updatedAt createdBy { kind id name } owner { id } contactedAt closedAt dealValue } }`;

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant();
});
afterAll(() => app?.stop());

const FIELDS: NewLeadFields = {
  id: '00000000-0000-4000-8000-000000000001', name: 'n', company: 'c', email: null, phone: null, budget: 'OVER_100K' as never, companySize: 'SIZE_1_10' as never,
  industry: 'SOFTWARE' as never, urgency: 'THIS_WEEK' as never, source: 'WEBSITE' as never, score: 50, tier: 'WARM' as never, scoreBreakdown: [], modelVersion: 1,
  createdByKind: 'USER' as never, createdById: '00000000-0000-4000-8000-000000000002', createdByName: 'someone',
};

describe('a new lead’s record', () => {
  it('has every column of the entity but its tenant, and the entity’s defaults for what a create does not decide', () => {
    const em = app.em(tenant.id);
    const record = newLeadRecord(FIELDS) as unknown as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual(recordProperties(em).map((p) => p.name).sort());
    const entity = new Lead() as unknown as Record<string, unknown>;
    for (const property of recordProperties(em)) {
      if (property.name in FIELDS) continue;
      const fromEntity = entity[property.name];
      if (fromEntity instanceof Date) expect(record[property.name], property.name).toBeInstanceOf(Date);
      else expect(record[property.name], property.name).toEqual(fromEntity ?? null);
    }
  });
});

describe('createLead’s statement', () => {
  it('stores the lead, a CREATED ledger row and an event whose lead is the stored row, and answers with that row', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.WRITE);
    const res = await app.gql(CREATE, { input: leadInput({ name: '  Ada  ', email: ' ada@example.com ', phone: '' }) }, { apiKey: key });
    expect(res.errors).toBeUndefined();
    const answered = res.data.createLead;
    expect(answered).toMatchObject({ name: 'Ada', email: 'ada@example.com', phone: null, status: 'NEW', owner: null, contactedAt: null, closedAt: null, dealValue: null });
    expect(answered.createdBy).toMatchObject({ kind: 'API_KEY', name: 'key WRITE' });

    const em = app.em(tenant.id);
    const stored = await em.findOneOrFail(Lead, { id: answered.id });
    expect(answered).toMatchObject({
      score: stored.score, tier: stored.tier, modelVersion: stored.modelVersion, createdAt: stored.createdAt.toISOString(), updatedAt: stored.updatedAt.toISOString(),
    });
    expect(stored.lastActivityAt.getTime()).toBe(stored.createdAt.getTime());

    const ledger = await em.getConnection().execute(`select old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id from score_change where lead_id = ?`, [answered.id]);
    expect(ledger).toEqual([
      { old_score: null, new_score: stored.score, old_tier: null, new_tier: stored.tier, model_version: stored.modelVersion, reason: 'CREATED', actor_kind: 'API_KEY', actor_id: answered.createdBy.id },
    ]);

    const events = await em.getConnection().execute(`select type, tenant_id, aggregate_id, payload from event where aggregate_id = ?`, [answered.id]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'lead.scored', tenant_id: tenant.id, aggregate_id: answered.id });
    expect(events[0].payload).toMatchObject({ reason: 'CREATED', previousScore: null });
    // the event carries every column as the ORM reads it back (timestamps as ISO text)
    const expected: Record<string, unknown> = {};
    for (const property of recordProperties(em)) {
      const value = (stored as unknown as Record<string, unknown>)[property.name];
      expected[property.name] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    expect(events[0].payload.lead).toEqual(expected);
  });

  it('refuses a value longer than its column instead of cutting it, with or without an idempotency key', async () => {
    const em = app.em(tenant.id);
    const long = { ...FIELDS, name: 'x'.repeat(MAX_TEXT_LENGTH + 1), createdById: tenant.rep.id };
    for (const idempotency of [null, { key: 'too-long', operation: IdempotentOperation.CREATE_LEAD, hash: 'h' }]) {
      const id = randomUUID();
      const write = insertNewLead(em, { tenantId: tenant.id, lead: newLeadRecord({ ...long, id }), actor: { kind: 'USER', id: tenant.rep.id }, idempotency });
      await expect(write).rejects.toMatchObject({ code: '22001' }); // string_data_right_truncation
      expect(await em.getConnection().execute('select count(*)::int as n from lead where id = ?', [id])).toEqual([{ n: 0 }]);
    }
  });

  it('stores nothing of a lead whose event cannot be written, and answers INTERNAL_SERVER_ERROR', async () => {
    const shop = await app.createTenant();
    const connection = app.em(shop.id).getConnection();
    const count = async (table: string) => Number((await connection.execute(`select count(*) as n from ${table} where tenant_id = ?`, [shop.id]))[0].n);
    await connection.execute(`create function refuse_shop_events() returns trigger language plpgsql as $$
      begin if new.tenant_id = '${shop.id}' then raise exception 'no events for this tenant'; end if; return new; end $$`);
    await connection.execute(`create trigger refuse_shop_events before insert on event for each row execute function refuse_shop_events()`);
    try {
      const refused = await app.gql(CREATE, { input: leadInput() }, { cookie: shop.repCookie });
      expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const keyed = await app.gql(CREATE, { input: leadInput(), key: 'refused-once' }, { cookie: shop.repCookie });
      expect(keyed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect([await count('lead'), await count('score_change'), await count('event'), await count('idempotency_key')]).toEqual([0, 0, 0, 0]);
    } finally {
      await connection.execute('drop trigger refuse_shop_events on event');
      await connection.execute('drop function refuse_shop_events()');
    }
    // the key of the refused request was not kept: its retry stores the lead
    const retried = await app.gql(CREATE, { input: leadInput(), key: 'refused-once' }, { cookie: shop.repCookie });
    expect(retried.errors).toBeUndefined();
    expect([await count('lead'), await count('score_change'), await count('event'), await count('idempotency_key')]).toEqual([1, 1, 1, 1]);
  });
});
