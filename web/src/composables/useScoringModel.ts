import { useQuery } from '@vue/apollo-composable';
import { computed, inject, onScopeDispose } from 'vue';
import { graphql } from '../gql';
import type { TierInfo } from '../lib/tiers';
import { LiveLeadsKey } from './useLiveLeads';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

/** Rescoring events of one publish arrive over minutes for a large tenant; the model is fetched at most this often meanwhile. */
const REFETCH_AFTER_RESCORE_MS = 10_000;

export const ScoringModelQuery = graphql(`
  query ScoringModel {
    scoringModel {
      version
      tiers {
        tier
        minScore
        isKeyAccount
      }
      criteria {
        criterion
        maxPoints
        options {
          value
          points
        }
      }
    }
  }
`);

/**
 * The tenant's active scoring model: its tiers (where each starts, which are key accounts) and points
 * per option, for filters, labels and legends. Every caller shares one cached answer; it is fetched
 * once per sign-in (sign-out clears the cache). `tiers` is null until it has loaded, so nothing
 * shows numbers the server did not give.
 */
export function useScoringModel() {
  const { result, error, refetch } = useQuery(ScoringModelQuery, null, { fetchPolicy: 'cache-first' });
  // an admin may have changed the model while the socket was away
  useRefetchOnReconnect(() => refetch());
  // or just now: a published model reaches everyone as a stream of RESCORED events; one fetch per stream
  const live = inject(LiveLeadsKey, null);
  let fetchedAt = 0;
  const stop = live?.onEvent((event) => {
    if (event.reason !== 'RESCORED' || Date.now() - fetchedAt < REFETCH_AFTER_RESCORE_MS) return;
    fetchedAt = Date.now();
    void refetch()?.catch(() => {});
  });
  onScopeDispose(() => stop?.());
  const model = computed(() => result.value?.scoringModel ?? null);
  const tiers = computed<readonly TierInfo[] | null>(() => model.value?.tiers ?? null);
  const criteria = computed(() => model.value?.criteria ?? null);
  return { model, tiers, criteria, error };
}
