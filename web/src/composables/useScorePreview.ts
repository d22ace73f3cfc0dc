import type { ApolloClient } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { graphql } from '../gql';
import type { LeadScoreInput } from '../gql/graphql';
import type { LeadFormValues } from '../lib/validation';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

export const ScorePreviewQuery = graphql(`
  query ScorePreview($input: LeadScoreInput!) {
    scorePreview(input: $input) {
      score
      tier
      isKeyAccount
      missing
      modelVersion
      breakdown {
        criterion
        points
        maxPoints
      }
    }
  }
`);

export function scoreInput(values: LeadFormValues): LeadScoreInput {
  return {
    budget: values.budget || undefined,
    companySize: values.companySize || undefined,
    industry: values.industry || undefined,
    urgency: values.urgency || undefined,
    // counts only when the active model scores the source; otherwise the server ignores it
    source: values.source || undefined,
  };
}

/**
 * The preview for exactly these values, for the optimistic row: from the cache when the live preview
 * has caught up (the usual case), else one quick request. Null if the server cannot answer.
 */
export async function previewFor(client: ApolloClient<unknown>, values: LeadFormValues) {
  try {
    const { data } = await client.query({ query: ScorePreviewQuery, variables: { input: scoreInput(values) } });
    return data.scorePreview;
  } catch {
    return null;
  }
}

/** The server scores the form as the rep fills it in, so the preview and the saved score never differ. */
export function useScorePreview(values: Ref<LeadFormValues>) {
  const input = computed(() => scoreInput(values.value));
  const { result, loading, error, refetch } = useQuery(ScorePreviewQuery, () => ({ input: input.value }), {
    debounce: 80,
    keepPreviousResult: true,
  });
  // scored by the model as it is now, should it have changed while the socket was away
  useRefetchOnReconnect(() => refetch());
  return { preview: computed(() => result.value?.scorePreview ?? null), loading, error };
}
