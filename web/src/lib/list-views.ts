import type { LeadFilter } from '../gql/graphql';
import { OPEN_STATUSES } from './lifecycle';
import type { ListFilters } from './list-url';
import { tiersForQuickFilter, type TierInfo } from './tiers';

/**
 * The lead list's views: all leads, the signed-in rep's queue, and the breached key accounts a
 * manager watches. A view fixes some filters (hidden in its filter bar, left out of its address);
 * the rep narrows the rest as on the full list.
 */
export type ListView = 'all' | 'mine' | 'breachedKeyAccounts';

export const LIST_VIEWS: Record<ListView, { path: string; fixed: Partial<ListFilters> }> = {
  all: { path: '/', fixed: {} },
  // their open leads; the list's order is score, then age
  mine: { path: '/my-leads', fixed: { owner: 'me', status: 'OPEN' } },
  // key accounts nobody has called yet although their deadline has passed
  breachedKeyAccounts: { path: '/breached-key-accounts', fixed: { quick: 'KEY_ACCOUNTS', status: 'NEW', slaBreached: true } },
};

/** The filters in effect in a view: the rep's, with the view's own on top. */
export function filtersInView(view: ListView, filters: ListFilters): ListFilters {
  return { ...filters, ...LIST_VIEWS[view].fixed };
}

/** The filters the rep chose themselves (what goes into the view's address). */
export function ownFilters(view: ListView, filters: ListFilters, empty: ListFilters): ListFilters {
  const own = { ...filters };
  for (const key of Object.keys(LIST_VIEWS[view].fixed) as Array<keyof ListFilters>) (own as Record<string, unknown>)[key] = empty[key];
  return own;
}

export function isFixed(view: ListView, key: keyof ListFilters): boolean {
  return key in LIST_VIEWS[view].fixed;
}

export interface FilterContext {
  /** The signed-in user's id, for "my" leads; null while unknown */
  userId: string | null;
  /** The scoring model's tiers; null while loading */
  tiers: readonly TierInfo[] | null;
}

/**
 * The server's LeadFilter for these filters: undefined when nothing is filtered, null while it
 * cannot be known yet (key accounts before the model has loaded, "mine" before we know who is
 * signed in) — the list waits rather than showing the wrong leads.
 */
export function leadFilterOf(filters: ListFilters, context: FilterContext): LeadFilter | undefined | null {
  const f: LeadFilter = {};
  const tiers = tiersForQuickFilter(filters.quick, context.tiers);
  if (tiers === null) return null;
  if (tiers) f.tiers = tiers;
  if (filters.industry) f.industries = [filters.industry];
  if (filters.source) f.sources = [filters.source];
  if (filters.status === 'OPEN') f.statuses = [...OPEN_STATUSES];
  else if (filters.status) f.statuses = [filters.status];
  if (filters.owner === 'unassigned') f.unassigned = true;
  else if (filters.owner === 'me') {
    if (!context.userId) return null;
    f.ownerIds = [context.userId];
  } else if (filters.owner) f.ownerIds = [filters.owner];
  if (filters.slaBreached) f.slaBreached = true;
  if (filters.search) f.search = filters.search;
  return Object.keys(f).length ? f : undefined;
}
