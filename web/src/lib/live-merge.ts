import type { Industry, LeadFilter, LeadScoredReason, LeadSource, LeadStatus, LeadTier } from '../gql/graphql';

/** The fields a list row needs to be sorted and filtered on the client. */
export interface ListLead {
  id: string;
  score: number;
  tier: LeadTier;
  createdAt: string;
  industry: Industry;
  source: LeadSource;
  name: string;
  company: string;
  email?: string | null;
  status: LeadStatus;
  owner?: { id: string } | null;
  slaBreached: boolean;
}

export interface ListEdge<L extends ListLead = ListLead> {
  cursor: string;
  node: L;
}

export interface ListPage<E extends ListEdge = ListEdge> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

/** A live event that carries its lead (every reason but RESYNC). */
export type LeadChange<E extends { reason: LeadScoredReason; lead?: unknown }> = E & { lead: NonNullable<E['lead']> };

/**
 * The event as a change of one lead, or null for RESYNC: the server may have missed events and
 * there is nothing to merge; the loaded rows must be fetched again instead.
 */
export function leadChangeOf<E extends { reason: LeadScoredReason; lead?: unknown }>(event: E): LeadChange<E> | null {
  return event.reason === 'RESYNC' || event.lead == null ? null : (event as LeadChange<E>);
}

/** The server's SCORE_DESC order: highest score first, newest first within a score, then id. */
export function compareLeads(a: ListLead, b: ListLead): number {
  if (a.score !== b.score) return b.score - a.score;
  const time = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (time !== 0) return time;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Same semantics as the server's LeadFilter, so a live lead shows up only where a reload would show it. */
export function matchesFilter(lead: ListLead, filter: LeadFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.minScore != null && lead.score < filter.minScore) return false;
  if (filter.tiers?.length && !filter.tiers.includes(lead.tier)) return false;
  if (filter.industries?.length && !filter.industries.includes(lead.industry)) return false;
  if (filter.sources?.length && !filter.sources.includes(lead.source)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(lead.status)) return false;
  if (!matchesOwner(lead, filter)) return false;
  if (filter.slaBreached != null && lead.slaBreached !== filter.slaBreached) return false;
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    const haystack = [lead.name, lead.company, lead.email ?? ''].map((s) => s.toLowerCase());
    if (!haystack.some((s) => s.includes(search))) return false;
  }
  return true;
}

/** Owners: any of `ownerIds`, or nobody when `unassigned` (either one when both are given); `unassigned: false` means somebody. */
function matchesOwner(lead: ListLead, filter: LeadFilter): boolean {
  const owner = lead.owner?.id ?? null;
  const ids = filter.ownerIds?.length ? filter.ownerIds : null;
  if (ids || filter.unassigned) return (!!owner && !!ids?.includes(owner)) || (filter.unassigned === true && owner === null);
  if (filter.unassigned === false) return owner !== null;
  return true;
}

/**
 * Puts a new or changed lead at its sorted place in a loaded page, or takes it out when it no longer
 * matches the filter. Returns the same page object when nothing changes; otherwise a page of the
 * same type (a cached query's page stays one).
 *
 * A lead that sorts after the last loaded row while more pages exist is left out: the next page
 * (fetched after the server's endCursor) brings it, so it is never shown twice or skipped.
 */
export function mergeLeadIntoPage<P extends ListPage>(
  page: P,
  edge: P['edges'][number],
  filter: LeadFilter | null | undefined,
  reason: LeadScoredReason = 'CREATED',
): P {
  const lead = edge.node;
  const at = page.edges.findIndex((e) => e.node.id === lead.id);
  const wasLoaded = at >= 0;
  const matches = matchesFilter(lead, filter);
  const edges = wasLoaded ? page.edges.filter((_, i) => i !== at) : page.edges.slice();

  // the count changes when we know for sure: a new lead that matches, a loaded lead that stops matching,
  // or a changed one that starts to (with every page loaded, a lead not among them did not match before)
  let totalCount = page.totalCount;
  if (!wasLoaded && matches && (reason === 'CREATED' || !page.pageInfo.hasNextPage)) totalCount += 1;
  if (wasLoaded && !matches) totalCount -= 1;

  if (matches) {
    const index = sortedIndex(edges, lead);
    const beyondLoaded = index === edges.length && page.pageInfo.hasNextPage;
    if (!beyondLoaded) edges.splice(index, 0, edge);
  }
  if (!wasLoaded && edges.length === page.edges.length && totalCount === page.totalCount) return page;
  return { ...page, edges, totalCount: Math.max(0, totalCount) };
}

/** Binary search for the first row that sorts after `lead`. */
function sortedIndex(edges: readonly ListEdge[], lead: ListLead): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareLeads(edges[mid].node, lead) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
