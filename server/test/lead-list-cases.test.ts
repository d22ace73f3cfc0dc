import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrincipalKind } from '../src/modules/auth/auth.enums.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import type { LeadSource, LeadTier } from '../src/modules/leads/lead.enums.js';
import type { LeadStatus } from '../src/modules/lifecycle/lifecycle.enums.js';
import { BudgetRange, CompanySize, type Industry, Urgency } from '../src/modules/scoring/scoring.enums.js';
import { createTestApp, type GraphQLResponse, type TestApp, type TestTenant } from './utils.js';

// The cases the web app's live merge is checked against too (web/test/unit/lead-list-cases.test.ts):
// what a reload shows is what a live update shows.
interface CaseLead {
  id: string;
  name: string;
  company: string;
  email: string | null;
  score: number;
  tier: LeadTier;
  industry: Industry;
  source: LeadSource;
  createdAt: string;
  status?: LeadStatus;
  owner?: { id: string; name: string } | null;
  /** what the server derives; checked through the filter only */
  slaBreached?: boolean;
}
interface ListCase {
  name: string;
  orderBy: 'SCORE_DESC' | 'CREATED_DESC';
  filter: Record<string, unknown> | null;
  leads: Array<Partial<CaseLead> & Pick<CaseLead, 'id' | 'score' | 'tier'>>;
  expected: string[];
}
const table: { defaults: Omit<CaseLead, 'id' | 'score' | 'tier'>; cases: ListCase[] } = JSON.parse(
  readFileSync(new URL('../../test/cases/lead-list.json', import.meta.url), 'utf8'),
);

/** A UUID that sorts like the label: its bytes as hex, padded with zeros (PostgreSQL compares UUIDs bytewise). */
function uuidOf(label: string): string {
  const hex = Buffer.from(label, 'latin1').toString('hex');
  if (hex.length > 12 || label !== Buffer.from(hex, 'hex').toString('latin1')) throw new Error(`label ${label} must be at most 6 ASCII characters`);
  return `00000000-0000-4000-8000-${hex.padEnd(12, '0')}`;
}
const labelOf = (id: string) => Buffer.from(id.slice(-12).replace(/(00)+$/, ''), 'hex').toString('latin1');

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type Page = { leads: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('List Cases');
});
afterAll(() => app?.stop());

/** The user of an owner label. */
const ownerId = (label: string) => ({ rep: tenant.rep.id, admin: tenant.admin.id })[label] ?? label;

async function store(leads: ListCase['leads']): Promise<void> {
  const em = app.em(tenant.id);
  await em.nativeDelete(Lead, {});
  for (const given of leads) {
    const { owner, slaBreached: _derived, ...lead } = { ...table.defaults, ...given };
    em.create(Lead, {
      ...lead,
      ownerId: owner ? ownerId(owner.id) : null,
      ownerName: owner?.name ?? null,
      id: uuidOf(lead.id),
      tenant: tenant.id,
      // not listed or filtered on
      budget: BudgetRange.UNDER_10K,
      companySize: CompanySize.SIZE_1_10,
      urgency: Urgency.NO_TIMELINE,
      scoreBreakdown: [],
      modelVersion: 1,
      createdByKind: PrincipalKind.USER,
      createdById: tenant.admin.id,
      createdByName: 'Admin',
      createdAt: new Date(lead.createdAt),
      updatedAt: new Date(lead.createdAt),
    });
  }
  await em.flush();
}

async function list(listCase: ListCase, first: number): Promise<{ labels: string[]; totalCount: number }> {
  const labels: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 50; pages++) {
    const filter = listCase.filter?.ownerIds ? { ...listCase.filter, ownerIds: (listCase.filter.ownerIds as string[]).map(ownerId) } : listCase.filter;
    const res: GraphQLResponse<Page> = await app.gql<Page>(PAGE, { first, after, filter, orderBy: listCase.orderBy }, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    const { leads } = res.data!;
    totalCount = leads.totalCount;
    labels.push(...leads.edges.map((edge) => labelOf(edge.node.id)));
    if (!leads.pageInfo.hasNextPage) return { labels, totalCount };
    after = leads.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

describe('the leads list (test/cases/lead-list.json)', () => {
  it('turns labels into UUIDs that sort like them', () => {
    const labels = ['a', 'ab', 'b', 'ba', 'z1'];
    expect(labels.map(uuidOf).sort()).toEqual(labels.map(uuidOf));
    expect(labels.map((label) => labelOf(uuidOf(label)))).toEqual(labels);
  });

  for (const listCase of table.cases) {
    it(`${listCase.name} (one page, and page by page)`, async () => {
      await store(listCase.leads);
      const whole = await list(listCase, 200);
      expect(whole.labels).toEqual(listCase.expected);
      expect(whole.totalCount).toBe(listCase.expected.length);
      // the keyset condition must agree with the order
      expect((await list(listCase, 1)).labels).toEqual(listCase.expected);
    });
  }
});
