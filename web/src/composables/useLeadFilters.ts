import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { LeadFilter } from '../gql/graphql';
import { emptyListFilters, filtersFromParams, paramsFromFilters, queryFromFilters, rememberListQuery, type ListFilters } from '../lib/list-url';
import { tiersForQuickFilter } from '../lib/tiers';
import { useScoringModel } from './useScoringModel';

const SEARCH_DEBOUNCE_MS = 250;
// the addresses that show the list (with or without the new-lead form over it)
const LIST_ROUTES: ReadonlySet<unknown> = new Set(['leads', 'newLead']);

/**
 * The list's filters, kept in the address both ways: they start from it (a reload or a shared link
 * shows the same list), every change is written back, and Back, Forward or a link to the list sets
 * them again. The search box is applied a moment after the rep stops typing.
 */
export function useLeadFilters() {
  const route = useRoute();
  const router = useRouter();
  const { tiers: modelTiers } = useScoringModel();
  const initial = filtersFromParams(route.query);
  const quick = ref(initial.quick);
  const industry = ref(initial.industry);
  const source = ref(initial.source);
  /** What is in the search box */
  const searchText = ref(initial.search);
  /** What the list is searched for */
  const search = ref(initial.search);

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  watch(searchText, (text) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => (search.value = text.trim()), SEARCH_DEBOUNCE_MS);
  });
  onBeforeUnmount(() => clearTimeout(searchTimer));

  function apply(filters: ListFilters) {
    quick.value = filters.quick;
    industry.value = filters.industry;
    source.value = filters.source;
    // only a changed search: text typed but not applied yet stays in the box
    if (filters.search !== search.value) {
      clearTimeout(searchTimer);
      search.value = filters.search;
      searchText.value = filters.search;
    }
  }

  const current = computed<ListFilters>(() => ({ quick: quick.value, industry: industry.value, source: source.value, search: search.value }));
  /** "?show=hot&q=anna", or "" */
  const listQuery = computed(() => queryFromFilters(current.value));

  // the address follows the filters; replace, not push: Back leaves the list instead of stepping through every change
  watch(
    current,
    (filters) => {
      rememberListQuery(queryFromFilters(filters));
      void router.replace({ path: route.path, query: paramsFromFilters(filters) });
    },
    { immediate: true },
  );
  // and the filters follow the address, as long as it is the list's (leaving it is no change of filters)
  watch(
    () => route.query,
    (query) => LIST_ROUTES.has(route.name) && apply(filtersFromParams(query)),
  );

  /** The list's filter; null while it cannot be known yet (key accounts, before the model has loaded) */
  const filter = computed<LeadFilter | undefined | null>(() => {
    const f: LeadFilter = {};
    const tiers = tiersForQuickFilter(quick.value, modelTiers.value);
    if (tiers === null) return null;
    if (tiers) f.tiers = tiers;
    if (industry.value) f.industries = [industry.value];
    if (source.value) f.sources = [source.value];
    if (search.value) f.search = search.value;
    return Object.keys(f).length ? f : undefined;
  });

  return {
    quick,
    industry,
    source,
    searchText,
    filter,
    hasFilters: computed(() => !!filter.value),
    listQuery,
    clear() {
      searchText.value = '';
      apply(emptyListFilters());
    },
  };
}
