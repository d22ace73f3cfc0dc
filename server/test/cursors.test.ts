import 'reflect-metadata';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../src/modules/leads/lead.cursor.js';
import { LeadOrder } from '../src/modules/leads/lead.types.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

const PAGE = /* GraphQL */ `
  query($first: Int, $after: String, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, orderBy: $orderBy) { edges { node { id } } pageInfo { endCursor } }
  }
`;

const ID = '3f1c2b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
const NOW = Date.UTC(2024, 4, 1, 12);
// 9999-12-31T23:59:59.999Z, the last instant a cursor may name
const LAST = 253402300799999;
const rawCursor = (json: string) => Buffer.from(json).toString('base64url');
const cursor = (key: unknown[]) => rawCursor(JSON.stringify(key));

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Cursor Co');
  for (let i = 0; i < 3; i++) {
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: `Lead ${i}` }) }, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => app?.stop());

const page = (after: string, orderBy = 'SCORE_DESC') => app.gql(PAGE, { first: 10, after, orderBy }, { cookie: tenant.repCookie });

async function expectInvalidCursor(after: string, orderBy = 'SCORE_DESC') {
  const res = await page(after, orderBy);
  expect(res.status).toBe(200);
  expect(res.data).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions!.fields).toEqual([{ field: 'after', code: 'INVALID_CURSOR', message: expect.stringMatching(/pageInfo\.endCursor/) }]);
}

describe('cursors holding values no row can have', () => {
  it.each([
    ['a score beyond smallint', ['s', 40000, NOW, ID]],
    ['a score above 100', ['s', 101, NOW, ID]],
    ['a negative score', ['s', -1, NOW, ID]],
    ['a fractional score', ['s', 50.5, NOW, ID]],
    ['a score as text', ['s', '50', NOW, ID]],
    ['a time Date cannot hold', ['s', 50, 1e21, ID]],
    ['a time just past what Date can hold', ['s', 50, 8.64e15 + 1, ID]],
    ['a negative time', ['s', 50, -1, ID]],
    ['a time before PostgreSQL’s first year', ['s', 50, -8.64e15, ID]],
    ['a time past the year 9999', ['s', 50, LAST + 1, ID]],
    ['a NaN time (JSON writes null)', ['s', 50, NaN, ID]],
    ['a time as text', ['s', 50, 'NaN', ID]],
    ['an id that is no uuid', ['s', 50, NOW, 'not-a-uuid']],
    ['an extra value', ['s', 50, NOW, ID, 1]],
    ['a missing id', ['s', 50, NOW]],
  ])('refuses %s (SCORE_DESC) with INVALID_CURSOR', async (_, key) => {
    await expectInvalidCursor(cursor(key));
  });

  it.each([
    ['a time Date cannot hold', ['c', 1e21, ID]],
    ['a negative time', ['c', -1, ID]],
    ['a time past the year 9999', ['c', LAST + 1, ID]],
    ['a fractional time', ['c', NOW + 0.5, ID]],
    ['an extra value', ['c', NOW, ID, ID]],
  ])('refuses %s (CREATED_DESC) with INVALID_CURSOR', async (_, key) => {
    await expectInvalidCursor(cursor(key), 'CREATED_DESC');
  });

  it('refuses numbers JSON reads as Infinity', async () => {
    await expectInvalidCursor(rawCursor(`["s",1e400,${NOW},"${ID}"]`));
    await expectInvalidCursor(rawCursor(`["s",50,1e400,"${ID}"]`));
  });

  it('refuses a cursor longer than 200 characters before decoding it', async () => {
    // valid JSON of a valid key, padded with spaces JSON.parse would skip
    const padded = rawCursor(`["s",50,${NOW},"${ID}"${' '.repeat(150)}]`);
    expect(padded.length).toBeGreaterThan(200);
    expect(decodeCursor(LeadOrder.SCORE_DESC, padded)).toBeNull();
    await expectInvalidCursor(padded);
  });

  it('refuses characters outside base64url instead of skipping them', async () => {
    await expectInvalidCursor(`${cursor(['s', 50, NOW, ID])}!`);
    await expectInvalidCursor(`${cursor(['s', 50, NOW, ID]).slice(0, 8)}+/${cursor(['s', 50, NOW, ID]).slice(8)}`);
  });

  it('accepts the extremes of the range, and PostgreSQL takes them', async () => {
    const all = await page(cursor(['s', 100, LAST, 'ffffffff-ffff-ffff-ffff-ffffffffffff']));
    expect(all.errors).toBeUndefined();
    expect(all.data.leads.edges).toHaveLength(3);
    const none = await page(cursor(['s', 0, 0, '00000000-0000-0000-0000-000000000000']));
    expect(none.errors).toBeUndefined();
    expect(none.data.leads.edges).toEqual([]);
    const newest = await page(cursor(['c', LAST, 'ffffffff-ffff-ffff-ffff-ffffffffffff']), 'CREATED_DESC');
    expect(newest.data.leads.edges).toHaveLength(3);
    const oldest = await page(cursor(['c', 0, '00000000-0000-0000-0000-000000000000']), 'CREATED_DESC');
    expect(oldest.data.leads.edges).toEqual([]);
  });
});

const orders = fc.constantFrom(LeadOrder.SCORE_DESC, LeadOrder.CREATED_DESC);
const rows = fc.record({ score: fc.integer({ min: 0, max: 100 }), createdAt: fc.integer({ min: 0, max: LAST }).map((t) => new Date(t)), id: fc.uuid() });
// numbers of every kind, near the bounds and far from them, and other JSON values
const anyNumber = fc.oneof(fc.integer(), fc.integer({ min: -1, max: 101 }), fc.double(), fc.constantFrom(0, LAST, LAST + 1, -1, 8.64e15, 1e21, -0));
const anyValue = fc.oneof(anyNumber, fc.uuid(), fc.jsonValue());
const keys = fc.oneof(
  fc.array(fc.jsonValue(), { maxLength: 6 }),
  fc.tuple(fc.constantFrom('s', 'c', 'x'), anyValue, anyValue, anyValue),
  fc.tuple(fc.constantFrom('s', 'c'), anyNumber, anyNumber, fc.uuid()),
  fc.tuple(fc.constantFrom('c'), anyNumber, fc.uuid()),
);

/** What the decoder must accept, written out apart from it. */
function inRange(key: unknown[], order: LeadOrder): boolean {
  const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  const isId = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(v);
  if (order === LeadOrder.SCORE_DESC) return key.length === 4 && key[0] === 's' && isInt(key[1], 0, 100) && isInt(key[2], 0, LAST) && isId(key[3]);
  return key.length === 3 && key[0] === 'c' && isInt(key[1], 0, LAST) && isId(key[2]);
}

describe('cursor properties', () => {
  it('decodes every encoded in-range row back to the same key', () => {
    fc.assert(
      fc.property(orders, rows, (order, row) => {
        const decoded = decodeCursor(order, encodeCursor(order, row));
        const expected = order === LeadOrder.SCORE_DESC ? { order, score: row.score, createdAt: row.createdAt, id: row.id } : { order, createdAt: row.createdAt, id: row.id };
        expect(decoded).toEqual(expected);
        expect(encodeCursor(order, row).length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes the same text as the JSON of the key, so cursors handed out earlier stay valid', () => {
    fc.assert(
      fc.property(orders, rows, (order, row) => {
        const key = order === LeadOrder.SCORE_DESC ? ['s', row.score, row.createdAt.getTime(), row.id] : ['c', row.createdAt.getTime(), row.id];
        expect(encodeCursor(order, row)).toBe(Buffer.from(JSON.stringify(key)).toString('base64url'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws on a base64url JSON array: null, or exactly the in-range key it holds', () => {
    fc.assert(
      fc.property(orders, keys, (order, written) => {
        const decoded = decodeCursor(order, cursor(written));
        // what the cursor holds once through JSON (NaN becomes null, -0 becomes 0)
        const key: unknown[] = JSON.parse(JSON.stringify(written));
        if (!inRange(key, order)) return decoded === null;
        const [time, id] = order === LeadOrder.SCORE_DESC ? [key[2], key[3]] : [key[1], key[2]];
        expect(decoded?.createdAt.getTime()).toBe(time);
        expect(decoded?.id).toBe(id);
        if (order === LeadOrder.SCORE_DESC) expect(decoded).toMatchObject({ score: key[1] });
        return true;
      }),
      { numRuns: 5_000 },
    );
  });

  it('answers any well-formed cursor over HTTP with a page or INVALID_CURSOR, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(orders, keys, async (order, key) => {
        const res = await page(cursor(key), order);
        expect(res.status).toBe(200);
        if (inRange(JSON.parse(JSON.stringify(key)), order)) expect(res.errors).toBeUndefined();
        else expect(res.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'after', code: 'INVALID_CURSOR' })]);
      }),
      { numRuns: 150 },
    );
  });
});
