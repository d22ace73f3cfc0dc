import type { Industry, LeadSource } from '../gql/graphql';
import { INDUSTRY_OPTIONS, SOURCE_OPTIONS } from './options';
import type { QuickFilter } from './tiers';

/** What the rep narrowed the list to; kept in the address so a reload or a shared link restores it. */
export interface ListFilters {
  quick: QuickFilter;
  industry: Industry | '';
  source: LeadSource | '';
  search: string;
}

export function emptyListFilters(): ListFilters {
  return { quick: 'ALL', industry: '', source: '', search: '' };
}

// readable addresses: ?show=hot&industry=software&source=referral&q=anna
const SHOW: Record<Exclude<QuickFilter, 'ALL'>, string> = { KEY_ACCOUNTS: 'key-accounts', HOT: 'hot' };

function pick<T extends string>(options: readonly T[], value: string | null): T | '' {
  const upper = value?.trim().toUpperCase();
  return options.find((o) => o === upper) ?? '';
}

/** Filters from `location.search`; unknown or broken values are ignored, not fatal. */
export function filtersFromQuery(query: string): ListFilters {
  const params = new URLSearchParams(query);
  const show = params.get('show')?.toLowerCase();
  const quick = (Object.keys(SHOW) as Array<keyof typeof SHOW>).find((k) => SHOW[k] === show) ?? 'ALL';
  return {
    quick,
    industry: pick(INDUSTRY_OPTIONS, params.get('industry')),
    source: pick(SOURCE_OPTIONS, params.get('source')),
    search: params.get('q')?.trim() ?? '',
  };
}

/** "?show=hot&q=anna", or "" when nothing is filtered. */
export function queryFromFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.quick !== 'ALL') params.set('show', SHOW[filters.quick]);
  if (filters.industry) params.set('industry', filters.industry.toLowerCase());
  if (filters.source) params.set('source', filters.source.toLowerCase());
  if (filters.search.trim()) params.set('q', filters.search.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

let lastListQuery = '';

/** The list as the rep left it, for "Back to leads" from a detail page. */
export function listPath(query: string = lastListQuery): string {
  return `/${query}`;
}

export function rememberListQuery(query: string): void {
  lastListQuery = query;
}
