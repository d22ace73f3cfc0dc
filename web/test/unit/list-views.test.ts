import { describe, expect, it } from 'vitest';
import { emptyListFilters } from '../../src/lib/list-url';
import { filtersInView, isFixed, leadFilterOf, ownFilters } from '../../src/lib/list-views';
import type { TierInfo } from '../../src/lib/tiers';

// thresholds other than the defaults: which tiers are key accounts comes from the model
const TIERS: TierInfo[] = [
  { tier: 'HOT', minScore: 90, isKeyAccount: true },
  { tier: 'KEY_ACCOUNT', minScore: 75, isKeyAccount: true },
  { tier: 'WARM', minScore: 45, isKeyAccount: false },
  { tier: 'COLD', minScore: 0, isKeyAccount: false },
];
const context = { userId: 'u-ann', tiers: TIERS };

describe('the lead filter of a list view', () => {
  it('filters nothing on the full list without filters', () => {
    expect(leadFilterOf(filtersInView('all', emptyListFilters()), context)).toBeUndefined();
  });

  it("makes My leads the signed-in rep's open leads, narrowed further by the rep's own filters", () => {
    const mine = filtersInView('mine', { ...emptyListFilters(), industry: 'FINANCE', owner: 'unassigned', status: 'WON' });
    expect(leadFilterOf(mine, context)).toEqual({ industries: ['FINANCE'], ownerIds: ['u-ann'], statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] });
  });

  it('makes Breached key accounts the NEW key accounts past their deadline', () => {
    expect(leadFilterOf(filtersInView('breachedKeyAccounts', emptyListFilters()), context)).toEqual({
      tiers: ['HOT', 'KEY_ACCOUNT'],
      statuses: ['NEW'],
      slaBreached: true,
    });
  });

  it('waits (null) while "me" or the key-account tiers are not known yet', () => {
    expect(leadFilterOf(filtersInView('mine', emptyListFilters()), { ...context, userId: null })).toBeNull();
    expect(leadFilterOf(filtersInView('breachedKeyAccounts', emptyListFilters()), { ...context, tiers: null })).toBeNull();
  });

  it('maps owner and status choices of the full list', () => {
    expect(leadFilterOf({ ...emptyListFilters(), owner: 'unassigned', status: 'OPEN' }, context)).toEqual({ unassigned: true, statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] });
    expect(leadFilterOf({ ...emptyListFilters(), owner: 'u-bob', status: 'LOST', slaBreached: true }, context)).toEqual({ ownerIds: ['u-bob'], statuses: ['LOST'], slaBreached: true });
  });

  it("keeps a view's own filters out of its address", () => {
    const chosen = { ...emptyListFilters(), owner: 'u-bob', status: 'NEW', quick: 'HOT', search: 'anna' } as const;
    expect(ownFilters('mine', chosen, emptyListFilters())).toEqual({ ...chosen, owner: '', status: '' });
    expect(ownFilters('breachedKeyAccounts', chosen, emptyListFilters())).toEqual({ ...chosen, quick: 'ALL', status: '' });
    expect(isFixed('mine', 'owner')).toBe(true);
    expect(isFixed('mine', 'industry')).toBe(false);
  });
});
