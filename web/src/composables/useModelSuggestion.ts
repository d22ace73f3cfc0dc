import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { SaveSuggestionMutation, SuggestScoringModelQuery } from '../components/learning/learning.documents';
import type { SuggestScoringModelQuery as SuggestionData } from '../gql/graphql';
import { monthsAgo, startOfDay, suggestionDraftInput } from '../lib/experiments';
import { outcomeOf, type Outcome } from './useTeam';

export type ModelSuggestion = SuggestionData['suggestScoringModel'];

/**
 * A scoring model learned from the tenant's closed leads since `since` (a date field's value; a year
 * back to begin with), recomputed when the period or the outcome window changes, and saving it as a
 * draft of the scoring model (which then has its impact preview and can be A/B-tested).
 */
export function useModelSuggestion() {
  const since = ref(monthsAgo(12));
  const outcomeWindowDays = ref(60);
  const { result, loading, error, refetch } = useQuery(
    SuggestScoringModelQuery,
    () => ({ input: { since: startOfDay(since.value), outcomeWindowDays: outcomeWindowDays.value } }),
    () => ({ enabled: /^\d{4}-\d{2}-\d{2}$/.test(since.value) && outcomeWindowDays.value >= 7 && outcomeWindowDays.value <= 365, fetchPolicy: 'network-only' }),
  );
  const suggestion = computed<ModelSuggestion | null>(() => result.value?.suggestScoringModel ?? null);
  const saveMutation = useMutation(SaveSuggestionMutation);

  async function saveAsDraft(comment: string): Promise<Outcome<{ id: string; version: number }>> {
    const current = suggestion.value;
    return outcomeOf(async () => {
      if (!current?.enoughData) throw new Error('There is no suggested model to save.');
      const answer = await saveMutation.mutate({ input: suggestionDraftInput(current, comment) });
      if (!answer?.data) throw new Error('no answer');
      return answer.data.saveScoringModelDraft;
    });
  }

  return { since, outcomeWindowDays, suggestion, loading, error, refetch, saveAsDraft, saving: saveMutation.loading };
}
