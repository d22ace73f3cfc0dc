import type { ApolloClient, Unmasked } from '@apollo/client/core';
import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { computed, inject, onBeforeUnmount, ref, type Ref } from 'vue';
import type { LeadFilter, LeadsQueryVariables } from '../gql/graphql';
import { LeadsQuery, unmaskListItem, type CachedLeadList } from '../components/leads/lead-list.documents';
import { LiveLeadsKey } from './useLiveLeads';
import { mergeLeadIntoPage } from '../lib/live-merge';
import { useLeadRules } from './useLeadRules';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

export const PAGE_SIZE = 50;
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * At least `count` rows of the list from the server, fetched in pages of up to `maxPageSize` (the
 * server's largest, `leadRules.maxPageSize`) and returned as one page, bypassing the cache (to be
 * written over the cached list): for refreshing a list without losing how far the rep had scrolled.
 */
export async function fetchLeadsUpTo(client: ApolloClient<unknown>, filter: LeadFilter | null | undefined, count: number, maxPageSize: number): Promise<CachedLeadList> {
  let leads: CachedLeadList['leads'] | undefined;
  do {
    const loaded = leads?.edges.length ?? 0;
    const first = Math.min(maxPageSize, Math.max(PAGE_SIZE, count - loaded));
    const { data } = await client.query({ query: LeadsQuery, variables: { first, after: leads?.pageInfo.endCursor, filter }, fetchPolicy: 'no-cache' });
    const edges = data.leads.edges.map((edge) => ({ ...edge, node: unmaskListItem(edge.node) }));
    leads = { ...data.leads, edges: [...(leads?.edges ?? []), ...edges] };
  } while (leads.edges.length < count && leads.pageInfo.hasNextPage);
  return { leads };
}

/**
 * The lead list for a filter (null: not known yet, the list waits): the first page, more pages as
 * the rep scrolls, live leads merged in at their sorted place, and every loaded row fetched again
 * after live events may have been missed.
 */
export function useLeadList(filter: Readonly<Ref<LeadFilter | undefined | null>>) {
  const live = inject(LiveLeadsKey, null);
  const { resolveClient } = useApolloClient();
  const { rules } = useLeadRules();
  const variables = computed<LeadsQueryVariables>(() => ({ first: PAGE_SIZE, filter: filter.value ?? undefined }));
  const { result, loading, error, refetch, fetchMore, updateQuery } = useQuery(LeadsQuery, variables, () => ({
    enabled: filter.value !== null,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    keepPreviousResult: true,
    notifyOnNetworkStatusChange: true,
  }));
  const page = computed(() => result.value?.leads);
  const nodes = computed(() => page.value?.edges.map((e) => e.node) ?? []);

  // a colleague's lead drops in at its sorted place, if it matches what the rep is looking at
  const stopLive = live?.onEvent((event) => {
    updateQuery((_, { complete, previousData }) => {
      if (!complete) return;
      const node = unmaskListItem(event.lead);
      const leads = mergeLeadIntoPage(previousData.leads, { __typename: 'LeadEdge', cursor: `live:${node.id}`, node }, variables.value.filter, event.reason);
      if (leads !== previousData.leads) return { ...previousData, leads };
    });
  });
  onBeforeUnmount(() => stopLive?.());

  const loadingMore = ref(false);
  async function loadMore() {
    const info = page.value?.pageInfo;
    if (!info?.hasNextPage || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await fetchMore({ variables: { after: info.endCursor } });
    } finally {
      loadingMore.value = false;
    }
  }

  // as many rows as were loaded, so a rep scrolled far down keeps their place
  let refetchRun = 0;
  async function refetchLoaded() {
    if (!page.value) return refetch();
    const run = ++refetchRun;
    const vars = variables.value;
    const client = resolveClient();
    // the server's largest page, or pages of the usual size should its rules not have arrived
    const data = await fetchLeadsUpTo(client, vars.filter, page.value.edges.length, rules.value?.maxPageSize ?? PAGE_SIZE).catch(() => null);
    // a later refetch (another gap meanwhile) has the newer rows
    if (data && run === refetchRun) client.cache.writeQuery({ query: LeadsQuery, variables: vars, data });
  }
  useRefetchOnReconnect(refetchLoaded);

  return {
    variables,
    page,
    nodes,
    loading,
    error,
    loadingMore,
    /** Leads that arrived a moment ago, shown as new */
    newIds: computed(() => live?.newIds.value ?? NO_IDS),
    retry: () => refetch(),
    loadMore,
  };
}
