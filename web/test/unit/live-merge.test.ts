import { describe, expect, it } from 'vitest';
import type { LeadStatus } from '../../src/gql/graphql';
import { compareLeads, matchesFilter, mergeLeadIntoPage, type ListLead, type ListPage } from '../../src/lib/live-merge';

let n = 0;
function lead(score: number, overrides: Partial<ListLead> = {}): ListLead {
  n += 1;
  return {
    id: `id-${String(n).padStart(4, '0')}`,
    score,
    tier: score >= 85 ? 'HOT' : score >= 70 ? 'KEY_ACCOUNT' : score >= 40 ? 'WARM' : 'COLD',
    createdAt: `2026-01-${String(10 + (n % 10)).padStart(2, '0')}T10:00:00.000Z`,
    industry: 'SOFTWARE',
    source: 'WEBSITE',
    name: `Lead ${n}`,
    company: `Company ${n}`,
    email: `lead${n}@example.com`,
    status: 'NEW',
    owner: null,
    slaBreached: false,
    ...overrides,
  };
}

function page(leads: ListLead[], hasNextPage = false, totalCount = leads.length): ListPage {
  const edges = [...leads].sort(compareLeads).map((node) => ({ cursor: `c-${node.id}`, node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor }, totalCount };
}

const scores = (p: ListPage) => p.edges.map((e) => e.node.score);
const edge = (node: ListLead) => ({ cursor: `live-${node.id}`, node });

describe('compareLeads', () => {
  it('orders by score, then newest first, like the server', () => {
    const older = lead(80, { createdAt: '2026-01-01T00:00:00.000Z' });
    const newer = lead(80, { createdAt: '2026-01-02T00:00:00.000Z' });
    const top = lead(90);
    expect([older, top, newer].sort(compareLeads)).toEqual([top, newer, older]);
  });
});

describe('matchesFilter', () => {
  const l = lead(72, { industry: 'FINANCE', source: 'REFERRAL', name: 'Anna Berger', company: 'Isar Finanz', email: 'anna@isar.example' });

  it('accepts everything without a filter', () => expect(matchesFilter(l, undefined)).toBe(true));
  it('checks tiers, industries and sources', () => {
    expect(matchesFilter(l, { tiers: ['HOT', 'KEY_ACCOUNT'] })).toBe(true);
    expect(matchesFilter(l, { tiers: ['HOT'] })).toBe(false);
    expect(matchesFilter(l, { industries: ['SOFTWARE'] })).toBe(false);
    expect(matchesFilter(l, { sources: ['REFERRAL'], industries: ['FINANCE'] })).toBe(true);
  });
  it('checks the minimum score', () => {
    expect(matchesFilter(l, { minScore: 70 })).toBe(true);
    expect(matchesFilter(l, { minScore: 73 })).toBe(false);
  });
  it('checks statuses, owners and the deadline like the server', () => {
    const ann = { id: 'u-ann' };
    const mine = lead(60, { status: 'CONTACTED', owner: ann });
    const nobodys = lead(60, { status: 'NEW', owner: null, slaBreached: true });
    expect(matchesFilter(mine, { statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] })).toBe(true);
    expect(matchesFilter(mine, { statuses: ['WON'] })).toBe(false);
    expect(matchesFilter(mine, { ownerIds: ['u-ann'] })).toBe(true);
    expect(matchesFilter(mine, { ownerIds: ['u-bob'] })).toBe(false);
    expect(matchesFilter(nobodys, { ownerIds: ['u-ann'] })).toBe(false);
    // "mine or nobody's"
    expect(matchesFilter(nobodys, { ownerIds: ['u-ann'], unassigned: true })).toBe(true);
    expect(matchesFilter(mine, { ownerIds: ['u-ann'], unassigned: true })).toBe(true);
    expect(matchesFilter(mine, { unassigned: true })).toBe(false);
    expect(matchesFilter(nobodys, { unassigned: true })).toBe(true);
    // false: somebody's
    expect(matchesFilter(mine, { unassigned: false })).toBe(true);
    expect(matchesFilter(nobodys, { unassigned: false })).toBe(false);
    expect(matchesFilter(nobodys, { slaBreached: true })).toBe(true);
    expect(matchesFilter(mine, { slaBreached: true })).toBe(false);
    expect(matchesFilter(mine, { slaBreached: false })).toBe(true);
    expect(matchesFilter(nobodys, { slaBreached: false })).toBe(false);
  });

  it('searches name, company and email ignoring case', () => {
    expect(matchesFilter(l, { search: 'BERGER' })).toBe(true);
    expect(matchesFilter(l, { search: ' isar ' })).toBe(true);
    expect(matchesFilter(l, { search: '@isar.example' })).toBe(true);
    expect(matchesFilter(l, { search: 'nowak' })).toBe(false);
  });
});

describe('mergeLeadIntoPage', () => {
  it('puts a new lead at its sorted place and counts it', () => {
    const p = page([lead(90), lead(75), lead(60), lead(30)]);
    const merged = mergeLeadIntoPage(p, edge(lead(80)), undefined, 'CREATED');
    expect(scores(merged)).toEqual([90, 80, 75, 60, 30]);
    expect(merged.totalCount).toBe(5);
  });

  it('puts a new lead above older leads with the same score', () => {
    const old = lead(75, { createdAt: '2025-12-01T00:00:00.000Z' });
    const fresh = lead(75, { createdAt: '2026-02-01T00:00:00.000Z' });
    const top = lead(90);
    const merged = mergeLeadIntoPage(page([top, old]), edge(fresh), undefined);
    expect(merged.edges.map((e) => e.node.id)).toEqual([top.id, fresh.id, old.id]);
  });

  it('ignores a lead that does not match the active filter', () => {
    const p = page([lead(90), lead(88)]);
    const merged = mergeLeadIntoPage(p, edge(lead(70)), { tiers: ['HOT'] });
    expect(merged).toBe(p);
  });

  it('leaves a lead beyond the loaded rows to the next page, but counts it', () => {
    const p = page([lead(90), lead(80)], true, 10);
    const merged = mergeLeadIntoPage(p, edge(lead(20)), undefined);
    expect(scores(merged)).toEqual([90, 80]);
    expect(merged.totalCount).toBe(11);
  });

  it('appends a low lead when every page is loaded', () => {
    const merged = mergeLeadIntoPage(page([lead(90), lead(80)]), edge(lead(20)), undefined);
    expect(scores(merged)).toEqual([90, 80, 20]);
  });

  it('never shows a lead twice (own save and the live event of it)', () => {
    const mine = lead(77);
    const once = mergeLeadIntoPage(page([lead(90), lead(50)]), edge(mine), undefined);
    const twice = mergeLeadIntoPage(once, edge({ ...mine }), undefined);
    expect(twice.edges.filter((e) => e.node.id === mine.id)).toHaveLength(1);
    expect(twice.totalCount).toBe(3);
  });

  it('moves a re-scored lead to its new place', () => {
    const moving = lead(50);
    const p = page([lead(90), lead(70), moving, lead(30)]);
    const merged = mergeLeadIntoPage(p, edge({ ...moving, score: 95, tier: 'HOT' }), undefined, 'RESCORED');
    expect(scores(merged)).toEqual([95, 90, 70, 30]);
    expect(merged.totalCount).toBe(4);
  });

  it('takes out a loaded lead that no longer matches the filter', () => {
    const falling = lead(88);
    const p = page([lead(95), falling]);
    const merged = mergeLeadIntoPage(p, edge({ ...falling, score: 60, tier: 'WARM' }), { tiers: ['HOT'] }, 'UPDATED');
    expect(scores(merged)).toEqual([95]);
    expect(merged.totalCount).toBe(1);
  });

  it('takes a lead out of a queue when it is closed or given to someone else, and counts it', () => {
    const queue = { ownerIds: ['u-ann'], statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] as LeadStatus[] };
    const won = lead(80, { owner: { id: 'u-ann' }, status: 'QUALIFIED' });
    const handedOver = lead(70, { owner: { id: 'u-ann' }, status: 'CONTACTED' });
    const p = page([lead(90, { owner: { id: 'u-ann' } }), won, handedOver], true, 12);
    const afterWin = mergeLeadIntoPage(p, edge({ ...won, status: 'WON' }), queue, 'STATUS_CHANGED');
    expect(afterWin.edges.map((e) => e.node.id)).not.toContain(won.id);
    expect(afterWin.totalCount).toBe(11);
    const afterHandover = mergeLeadIntoPage(afterWin, edge({ ...handedOver, owner: { id: 'u-bob' } }), queue, 'ASSIGNED');
    expect(afterHandover.edges.map((e) => e.node.id)).not.toContain(handedOver.id);
    expect(afterHandover.totalCount).toBe(10);
  });

  it('puts a lead assigned to the rep into their queue, counted once every page is loaded', () => {
    const queue = { ownerIds: ['u-ann'] };
    const assigned = lead(75, { owner: { id: 'u-ann' } });
    const complete = mergeLeadIntoPage(page([lead(90, { owner: { id: 'u-ann' } }), lead(60, { owner: { id: 'u-ann' } })]), edge(assigned), queue, 'ASSIGNED');
    expect(scores(complete)).toEqual([90, 75, 60]);
    expect(complete.totalCount).toBe(3);
    // with pages still to load it might have been there already, further down: shown, not counted
    const partial = mergeLeadIntoPage(page([lead(90, { owner: { id: 'u-ann' } }), lead(60, { owner: { id: 'u-ann' } })], true, 40), edge(assigned), queue, 'ASSIGNED');
    expect(scores(partial)).toEqual([90, 75, 60]);
    expect(partial.totalCount).toBe(40);
  });

  it('keeps 10,000 rows sorted and fast', () => {
    const big = page(Array.from({ length: 10_000 }, (_, i) => lead(i % 101)));
    const started = performance.now();
    const added = lead(64);
    const merged = mergeLeadIntoPage(big, edge(added), undefined);
    expect(performance.now() - started).toBeLessThan(50);
    const s = scores(merged);
    // sorted, and with the new lead in it: an unchanged page would be sorted too
    expect(s.every((v, i) => i === 0 || s[i - 1] >= v)).toBe(true);
    expect(merged.edges).toHaveLength(10_001);
    expect(merged.edges.filter((e) => e.node.id === added.id)).toHaveLength(1);
    expect(merged.totalCount).toBe(10_001);
  });
});
