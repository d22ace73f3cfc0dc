import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { ApiKeyFragment, ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from '../components/settings/settings.documents';
import { useFragment } from '../gql';
import type { ApiKeyFieldsFragment, ApiKeyScope } from '../gql/graphql';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';
import { outcomeOf } from './useTeam';

export type ApiKey = ApiKeyFieldsFragment;

/** The tenant's API keys (newest first, revoked ones too), and creating and revoking them. */
export function useApiKeys() {
  const { result, loading, error, refetch } = useQuery(ApiKeysQuery, null, { fetchPolicy: 'cache-and-network' });
  useRefetchOnReconnect(() => refetch());
  const keys = computed<readonly ApiKey[] | null>(() => (result.value ? useFragment(ApiKeyFragment, result.value.apiKeys) : null));
  const revoking = ref<string | null>(null);

  const createMutation = useMutation(CreateApiKeyMutation, {
    update(cache, { data }) {
      const created = data?.createApiKey.apiKey;
      if (!created) return;
      cache.updateQuery({ query: ApiKeysQuery }, (list) => (list ? { apiKeys: [created, ...list.apiKeys] } : list));
    },
  });
  const revokeMutation = useMutation(RevokeApiKeyMutation);

  /** The new key and its secret, which the server shows only this once. */
  function create(name: string, scope: ApiKeyScope) {
    return outcomeOf(async () => {
      const answer = (await createMutation.mutate({ name, scope }))?.data?.createApiKey;
      if (!answer) throw new Error('no answer');
      return { apiKey: useFragment(ApiKeyFragment, answer.apiKey), secret: answer.secret };
    });
  }

  /** Revokes at once; the list is fetched again, since the answer is only true or false. */
  async function revoke(id: string) {
    revoking.value = id;
    try {
      return await outcomeOf(async () => {
        await revokeMutation.mutate({ id });
        await refetch();
      });
    } finally {
      revoking.value = null;
    }
  }

  return { keys, loading, error, refetch, create, creating: createMutation.loading, revoke, revoking };
}
