import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable';
import type { ApolloError } from '@apollo/client/core';
import { computed } from 'vue';
import {
  DeleteScoringModelDraftMutation,
  PublishScoringModelMutation,
  RescoringJobFragment,
  SaveScoringModelDraftMutation,
  ScoringModelsQuery,
  ScoringModelVersionFragment,
} from '../components/scoring/scoring.documents';
import { useFragment } from '../gql';
import type { RescoringJobFieldsFragment, ScoringModelVersionFieldsFragment } from '../gql/graphql';
import { draftInput, placeServerErrors, type ModelDraft } from '../lib/scoring-model';
import { ScoringModelQuery } from './useScoringModel';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

export type ModelVersion = ScoringModelVersionFieldsFragment;
export type RescoringJob = RescoringJobFieldsFragment;

export type SaveOutcome =
  | { ok: true; version: ModelVersion }
  | { ok: false; placed: ReturnType<typeof placeServerErrors>; message: string };

function badInputItems(error: unknown): Array<{ field?: unknown; code?: unknown; message?: unknown }> | null {
  const graphQLErrors = (error as Partial<ApolloError> | null)?.graphQLErrors ?? [];
  const items = graphQLErrors.flatMap((e) => (e.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(e.extensions.fields) ? e.extensions.fields : []));
  return items.length ? items : null;
}

/** The message of a refused request: the server's (it says what to do), else the network's. */
export function failureMessage(error: unknown): string {
  const items = badInputItems(error);
  if (items) return items.map((item) => String(item.message ?? '')).filter(Boolean).join(' ');
  const e = error as Partial<ApolloError> | null;
  return e?.graphQLErrors?.[0]?.message ?? e?.message ?? String(error);
}

/**
 * The tenant's scoring-model versions (newest first), the active one, the rescoring job under way,
 * and what an admin does with them: save or delete a draft, publish a version (a draft, or an
 * earlier one to roll back). Publishing starts a job; follow it with `useRescoringJob`.
 */
export function useScoringModels() {
  const { resolveClient } = useApolloClient();
  const { result, loading, error, refetch } = useQuery(ScoringModelsQuery, null, { fetchPolicy: 'cache-and-network' });
  // another admin may have published while the socket was away
  useRefetchOnReconnect(() => refetch());

  const versions = computed<readonly ModelVersion[] | null>(() => (result.value ? useFragment(ScoringModelVersionFragment, result.value.scoringModels) : null));
  const active = computed(() => versions.value?.find((v) => v.status === 'ACTIVE') ?? null);
  const activeJob = computed<RescoringJob | null>(() => useFragment(RescoringJobFragment, result.value?.activeRescoringJob) ?? null);

  const saveMutation = useMutation(SaveScoringModelDraftMutation);
  const deleteMutation = useMutation(DeleteScoringModelDraftMutation);
  const publishMutation = useMutation(PublishScoringModelMutation);

  async function saveDraft(draft: ModelDraft): Promise<SaveOutcome> {
    try {
      const answer = await saveMutation.mutate({ input: draftInput(draft) });
      const saved = answer?.data?.saveScoringModelDraft;
      if (!saved) throw new Error('no answer');
      await refetch();
      return { ok: true, version: useFragment(ScoringModelVersionFragment, saved) };
    } catch (error) {
      const items = badInputItems(error);
      return { ok: false, placed: placeServerErrors(items ?? []), message: items ? '' : failureMessage(error) };
    }
  }

  async function deleteDraft(id: string): Promise<void> {
    await deleteMutation.mutate({ id });
    await refetch();
  }

  async function publish(id: string): Promise<RescoringJob> {
    const answer = await publishMutation.mutate({ id });
    const job = answer?.data?.publishScoringModel;
    if (!job) throw new Error('no answer');
    await refetch();
    return useFragment(RescoringJobFragment, job);
  }

  /** After a rescoring: the versions, and the active model every other screen labels tiers with. */
  async function reload(): Promise<void> {
    // fetched into the cache even when no screen watches it now, so the next one shows the new tiers
    await Promise.all([refetch(), resolveClient().query({ query: ScoringModelQuery, fetchPolicy: 'network-only' })]);
  }

  return {
    versions,
    active,
    activeJob,
    loading,
    error,
    refetch,
    reload,
    saveDraft,
    deleteDraft,
    publish,
    saving: saveMutation.loading,
    publishing: publishMutation.loading,
  };
}
