import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL, tierTable } from '../src/modules/scoring/scoring.model.js';
import { draftInputOf } from '../src/modules/scoring/scoring.validation.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

const RULES = `{ leadRules { maxTextLength emailPattern phonePattern maxPageSize defaultSource fieldErrorCodes } }`;
const TIERS = `{ scoringModel { version tiers { tier minScore isKeyAccount } } }`;
const ALL_CODES = [
  'REQUIRED', 'TOO_LONG', 'INVALID_EMAIL', 'INVALID_PHONE', 'OUT_OF_RANGE', 'INVALID_CURSOR', 'NOT_REMOVABLE', 'IDEMPOTENCY_KEY_REUSED', 'INVALID_TEXT',
  'TOO_SHORT', 'ALREADY_TAKEN', 'WRONG_PASSWORD', 'LAST_ADMIN', 'INVALID_TRANSITION', 'NOT_A_MEMBER',
];

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Rules Co');
});
afterAll(() => app?.stop());

function fieldCodes(res: { errors?: Array<{ extensions?: Record<string, any> }> }): Array<{ field: string; code: string }> {
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return res.errors![0].extensions!.fields.map(({ field, code }: { field: string; code: string }) => ({ field, code }));
}

describe('leadRules', () => {
  it('publishes the rules leads are checked by', async () => {
    const res = await app.gql(RULES, {}, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    expect(res.data.leadRules).toEqual({
      maxTextLength: 200,
      emailPattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
      phonePattern: '^\\+?[0-9 ()./-]{3,40}$',
      maxPageSize: 200,
      defaultSource: 'OTHER',
      fieldErrorCodes: ALL_CODES,
    });
  });

  it('needs a principal', async () => {
    const res = await app.gql(RULES);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('lists exactly the values of the FieldErrorCode enum', async () => {
    const res = await app.gql(`{ __type(name: "FieldErrorCode") { enumValues { name } } }`, {}, { cookie: tenant.repCookie });
    expect(res.data.__type.enumValues.map((v: { name: string }) => v.name)).toEqual(ALL_CODES);
  });

  it('are the rules the server applies: lengths, patterns, page size, default source', async () => {
    const { data } = await app.gql(RULES, {}, { cookie: tenant.repCookie });
    const rules = data.leadRules;
    const email = new RegExp(rules.emailPattern);
    const phone = new RegExp(rules.phonePattern);
    const create = (input: Record<string, unknown>) => app.gql(CREATE_LEAD, { input: leadInput(input) }, { cookie: tenant.repCookie });

    expect(email.test('not-an-email')).toBe(false);
    expect(fieldCodes(await create({ email: 'not-an-email' }))).toEqual([{ field: 'email', code: 'INVALID_EMAIL' }]);
    expect(phone.test('call me')).toBe(false);
    expect(fieldCodes(await create({ phone: 'call me' }))).toEqual([{ field: 'phone', code: 'INVALID_PHONE' }]);
    expect(fieldCodes(await create({ name: 'x'.repeat(rules.maxTextLength + 1) }))).toEqual([{ field: 'name', code: 'TOO_LONG' }]);

    const longest = await create({ name: 'x'.repeat(rules.maxTextLength), email: 'ada@example.test', phone: '+49 (30) 123-45/67', source: undefined });
    expect(longest.errors).toBeUndefined();
    expect(email.test('ada@example.test') && phone.test('+49 (30) 123-45/67')).toBe(true);
    expect(longest.data.createLead.source).toBe(rules.defaultSource);

    const page = (first: number) => app.gql(`query($first: Int) { leads(first: $first) { edges { cursor } } }`, { first }, { cookie: tenant.repCookie });
    expect((await page(rules.maxPageSize)).errors).toBeUndefined();
    expect(fieldCodes(await page(rules.maxPageSize + 1))).toEqual([{ field: 'first', code: 'OUT_OF_RANGE' }]);
  });
});

describe('scoringModel.tiers', () => {
  it('lists every tier of the default model, highest first, with its floor and whether it is a key account', async () => {
    const res = await app.gql(TIERS, {}, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    expect(res.data.scoringModel.tiers).toEqual([
      { tier: 'HOT', minScore: 85, isKeyAccount: true },
      { tier: 'KEY_ACCOUNT', minScore: 70, isKeyAccount: true },
      { tier: 'WARM', minScore: 40, isKeyAccount: false },
      { tier: 'COLD', minScore: 0, isKeyAccount: false },
    ]);
  });

  it('follows the active model, and agrees with isKeyAccount of stored leads', async () => {
    const other = await app.createTenant('Strict Co');
    const input = draftInputOf({ ...DEFAULT_SCORING_MODEL, tiers: { HOT: 95, KEY_ACCOUNT: 86, WARM: 50 } });
    const draft = await app.gql(`mutation($input: ScoringModelDraftInput!) { saveScoringModelDraft(input: $input) { id } }`, { input }, { cookie: other.adminCookie });
    const published = await app.gql(`mutation($id: ID!) { publishScoringModel(id: $id) { id } }`, { id: draft.data.saveScoringModelDraft.id }, { cookie: other.adminCookie });
    expect(published.errors).toBeUndefined();

    const res = await app.gql(TIERS, {}, { cookie: other.repCookie });
    expect(res.data.scoringModel).toEqual({
      version: 2,
      tiers: [
        { tier: 'HOT', minScore: 95, isKeyAccount: true },
        { tier: 'KEY_ACCOUNT', minScore: 86, isKeyAccount: true },
        { tier: 'WARM', minScore: 50, isKeyAccount: false },
        { tier: 'COLD', minScore: 0, isKeyAccount: false },
      ],
    });
    // 30 + 20 + 20 + 15 = 85: HOT under the default model, WARM under this one
    const created = await app.gql(CREATE_LEAD, { input: leadInput() }, { cookie: other.repCookie });
    expect(created.data.createLead).toMatchObject({ score: 85, tier: 'WARM', isKeyAccount: false });
    const tier = res.data.scoringModel.tiers.find((t: { tier: string }) => t.tier === created.data.createLead.tier);
    expect(tier.isKeyAccount).toBe(created.data.createLead.isKeyAccount);
  });

  it('tierTable gives each tier its floor from the thresholds it is given', () => {
    expect(tierTable({ HOT: 3, KEY_ACCOUNT: 2, WARM: 1 }).map(({ tier, minScore }) => [tier, minScore])).toEqual([
      ['HOT', 3],
      ['KEY_ACCOUNT', 2],
      ['WARM', 1],
      ['COLD', 0],
    ]);
  });
});
