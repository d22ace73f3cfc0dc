import { useQuery } from '@vue/apollo-composable';
import { computed, inject, onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import { LeadKpisQuery } from '../components/dashboard/dashboard.documents';
import { LeadListItemFragment } from '../components/leads/lead-list.documents';
import { useFragment } from '../gql';
import type { KpiFilter } from '../gql/graphql';
import { browserTimeZone, createThrottle, inRange, rangeInput, type DayRange, type LeadKpis } from '../lib/kpis';
import { LiveLeadsKey } from './useLiveLeads';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

/** Live events refresh the numbers at most this often: a rescoring of every lead is one event per lead. */
export const LIVE_REFRESH_MS = 3_000;

/**
 * The dashboard's numbers for a range of days and a filter, kept current: new leads, status
 * changes and rescoring of leads in the range refetch them (throttled), and so does a reconnect
 * after live events may have been missed.
 */
export function useLeadKpis(range: Readonly<Ref<DayRange>>, filter: Readonly<Ref<KpiFilter>>) {
  const timeZone = browserTimeZone();
  const variables = computed(() => ({ range: rangeInput(range.value, timeZone), filter: filter.value }));
  const { result, loading, error, refetch } = useQuery(LeadKpisQuery, variables, () => ({
    fetchPolicy: 'cache-and-network',
    // the numbers stay on screen while newer ones load
    keepPreviousResult: true,
  }));
  // the fragments' fields are all in the result; the page reads them unmasked
  const kpis = computed(() => result.value?.leadKpis as LeadKpis | undefined);
  const updatedAt = shallowRef<Date | null>(null);
  watch(kpis, (value) => value && (updatedAt.value = new Date()));

  const throttle = createThrottle(() => void refetch()?.catch(() => {}), LIVE_REFRESH_MS);
  // new variables fetch by themselves; a live refresh right after would repeat that fetch
  watch(variables, () => throttle.ran());
  const live = inject(LiveLeadsKey, null);
  const stopLive = live?.onEvent((event) => {
    const lead = useFragment(LeadListItemFragment, event.lead);
    if (inRange(lead.createdAt, variables.value.range)) throttle.call();
  });
  useRefetchOnReconnect(() => refetch());
  onScopeDispose(() => {
    stopLive?.();
    throttle.cancel();
  });

  return { kpis, loading, error, updatedAt, variables, refetch: () => refetch() };
}
