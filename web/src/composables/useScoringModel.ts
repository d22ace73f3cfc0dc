import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '../gql';
import type { TierThresholds } from '../lib/tiers';

export const ScoringModelQuery = graphql(`
  query ScoringModel {
    scoringModel {
      version
      thresholds {
        hot
        keyAccount
        warm
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
 * The tenant's active scoring model: tier thresholds and points per option, for labels and legends.
 * Every caller shares one cached answer; it is fetched once per sign-in (sign-out clears the cache).
 * `thresholds` is null until it has loaded, so nothing shows numbers the server did not give.
 */
export function useScoringModel() {
  const { result, error } = useQuery(ScoringModelQuery, null, { fetchPolicy: 'cache-first' });
  const model = computed(() => result.value?.scoringModel ?? null);
  const thresholds = computed<TierThresholds | null>(() => model.value?.thresholds ?? null);
  const criteria = computed(() => model.value?.criteria ?? null);
  return { model, thresholds, criteria, error };
}
