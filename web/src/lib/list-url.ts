import type { Industry, LeadSource, LeadStatus } from '../gql/graphql';
import { ALL_STATUSES } from './lifecycle';
import { INDUSTRY_OPTIONS, SOURCE_OPTIONS } from './options';
import type { QuickFilter } from './tiers';

/** One status, or every open one (NEW, CONTACTED, QUALIFIED). */
export type StatusFilter = LeadStatus | 'OPEN';
/** Whose leads: the signed-in user's ("me", whoever opens the link), nobody's, or one member's (their id). */
export type OwnerFilter = 'me' | 'unassigned' | string;

/** What the rep narrowed the list to; kept in the address so a reload or a shared link restores it. */
export interface ListFilters {
  quick: QuickFilter;
  industry: Industry | '';
  source: LeadSource | '';
  status: StatusFilter | '';
  owner: OwnerFilter | '';
  /** Only leads past their speed-to-lead deadline */
  slaBreached: boolean;
  search: string;
}

export function emptyListFilters(): ListFilters {
  return { quick: 'ALL', industry: '', source: '', status: '', owner: '', slaBreached: false, search: '' };
}

const STATUS_FILTERS: readonly StatusFilter[] = ['OPEN', ...ALL_STATUSES];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An owner from the address: 'unassigned', a member's id, and 'me' where `me` is allowed; else ''. */
export function ownerOf(value: string | null, me = true): OwnerFilter | '' {
  const owner = value?.trim().toLowerCase() ?? '';
  return (me && owner === 'me') || owner === 'unassigned' || UUID.test(owner) ? owner : '';
}

// readable addresses: ?show=hot&industry=software&source=referral&status=open&owner=me&sla=breached&q=anna
const SHOW: Record<Exclude<QuickFilter, 'ALL'>, string> = { KEY_ACCOUNTS: 'key-accounts', HOT: 'hot' };

/** A query as the router gives it: a key may be missing, empty (null) or repeated. */
export type QueryValues = Record<string, string | null | ReadonlyArray<string | null> | undefined>;

/** The first value of a query key that may be missing, empty or repeated. */
export function first(value: QueryValues[string]): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The option a query value names, in any case; '' when it names none. */
export function pick<T extends string>(options: readonly T[], value: string | null): T | '' {
  const upper = value?.trim().toUpperCase();
  return options.find((o) => o === upper) ?? '';
}

/** Filters from the query of the address; unknown or broken values are ignored, not fatal. */
export function filtersFromParams(query: QueryValues): ListFilters {
  const show = first(query.show)?.toLowerCase();
  const quick = (Object.keys(SHOW) as Array<keyof typeof SHOW>).find((k) => SHOW[k] === show) ?? 'ALL';
  return {
    quick,
    industry: pick(INDUSTRY_OPTIONS, first(query.industry)),
    source: pick(SOURCE_OPTIONS, first(query.source)),
    status: pick(STATUS_FILTERS, first(query.status)),
    owner: ownerOf(first(query.owner)),
    slaBreached: first(query.sla)?.trim().toLowerCase() === 'breached',
    search: first(query.q)?.trim() ?? '',
  };
}

/** The query for these filters, in a stable order, without the ones that filter nothing. */
export function paramsFromFilters(filters: ListFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.quick !== 'ALL') params.show = SHOW[filters.quick];
  if (filters.industry) params.industry = filters.industry.toLowerCase();
  if (filters.source) params.source = filters.source.toLowerCase();
  if (filters.status) params.status = filters.status.toLowerCase();
  if (filters.owner) params.owner = filters.owner;
  if (filters.slaBreached) params.sla = 'breached';
  if (filters.search.trim()) params.q = filters.search.trim();
  return params;
}

/** Filters from `location.search`. */
export function filtersFromQuery(query: string): ListFilters {
  const params = new URLSearchParams(query);
  return filtersFromParams(Object.fromEntries([...params.keys()].map((key) => [key, params.get(key)])));
}

/** "?show=hot&q=anna", or "" when nothing is filtered. */
export function queryFromFilters(filters: ListFilters): string {
  const query = new URLSearchParams(paramsFromFilters(filters)).toString();
  return query ? `?${query}` : '';
}

let lastListQuery = '';
let lastListPath = '/';

/** The list as the rep left it (all leads or a view such as /my-leads), for "Back to leads" from a detail page. */
export function listPath(query: string = lastListQuery, path: string = lastListPath): string {
  return `${path}${query}`;
}

/** The same, as a router location. */
export function listLocation(): { path: string; query: Record<string, string> } {
  return { path: lastListPath, query: Object.fromEntries(new URLSearchParams(lastListQuery)) };
}

export function rememberListQuery(query: string, path = '/'): void {
  lastListQuery = query;
  lastListPath = path;
}
