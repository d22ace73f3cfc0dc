import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { LeadFilter } from '../gql/graphql';
import { emptyListFilters, filtersFromParams, paramsFromFilters, queryFromFilters, rememberListQuery, type ListFilters } from '../lib/list-url';
import { filtersInView, leadFilterOf, LIST_VIEWS, ownFilters, type ListView } from '../lib/list-views';
import { useCurrentUser } from './useCurrentUser';
import { useScoringModel } from './useScoringModel';

const SEARCH_DEBOUNCE_MS = 250;
// the addresses that show the list (with or without the new-lead form over it)
const LIST_ROUTES: ReadonlySet<unknown> = new Set(['leads', 'newLead', 'myLeads', 'breachedKeyAccounts']);

/**
 * The list's filters, kept in the address both ways: they start from it (a reload or a shared link
 * shows the same list), every change is written back, and Back, Forward or a link to the list sets
 * them again. The search box is applied a moment after the rep stops typing. A view (My leads,
 * Breached key accounts) fixes some filters; only the others are in its address.
 */
export function useLeadFilters(view: Readonly<Ref<ListView>> = ref('all')) {
  const route = useRoute();
  const router = useRouter();
  const { tiers: modelTiers } = useScoringModel();
  const user = useCurrentUser();
  const initial = filtersFromParams(route.query);
  const quick = ref(initial.quick);
  const industry = ref(initial.industry);
  const source = ref(initial.source);
  const status = ref(initial.status);
  const owner = ref(initial.owner);
  const slaBreached = ref(initial.slaBreached);
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
    status.value = filters.status;
    owner.value = filters.owner;
    slaBreached.value = filters.slaBreached;
    // only a changed search: text typed but not applied yet stays in the box
    if (filters.search !== search.value) {
      clearTimeout(searchTimer);
      search.value = filters.search;
      searchText.value = filters.search;
    }
  }

  /** What the rep chose, without what the view fixes */
  const current = computed<ListFilters>(() =>
    ownFilters(
      view.value,
      { quick: quick.value, industry: industry.value, source: source.value, status: status.value, owner: owner.value, slaBreached: slaBreached.value, search: search.value },
      emptyListFilters(),
    ),
  );
  /** "?show=hot&q=anna", or "" */
  const listQuery = computed(() => queryFromFilters(current.value));

  // the address follows the filters; replace, not push: Back leaves the list instead of stepping through every change
  watch(
    [current, view],
    ([filters, shown]) => {
      rememberListQuery(queryFromFilters(filters), LIST_VIEWS[shown].path);
      void router.replace({ path: route.path, query: paramsFromFilters(filters) });
    },
    { immediate: true },
  );
  // and the filters follow the address, as long as it is the list's (leaving it is no change of filters)
  watch(
    () => route.query,
    (query) => LIST_ROUTES.has(route.name) && apply(filtersFromParams(query)),
  );

  /** The list's filter; null while it cannot be known yet (key accounts before the model has loaded, "mine" before the user) */
  const filter = computed<LeadFilter | undefined | null>(() =>
    leadFilterOf(filtersInView(view.value, current.value), { userId: user.value?.id ?? null, tiers: modelTiers.value }),
  );

  return {
    quick,
    industry,
    source,
    status,
    owner,
    slaBreached,
    searchText,
    filter,
    /** Whether the rep narrowed the list (a view's own filters do not count) */
    hasFilters: computed(() => queryFromFilters(current.value) !== ''),
    listQuery,
    clear() {
      searchText.value = '';
      apply(emptyListFilters());
    },
  };
}
