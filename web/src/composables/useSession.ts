import type { ApolloClient } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql, useFragment } from '../gql';
import type { UserRole } from '../gql/graphql';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

/** What the app knows of the signed-in user; sign-in writes the same shape into the cache. */
export const SessionUserFragment = graphql(`
  fragment SessionUser on User {
    id
    name
    email
    role
    tenant {
      id
      name
    }
  }
`);

export const MeQueryDocument = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

/** The signed-in user, or null; `loading` only on the very first check. */
export function useSession() {
  const { result, loading, error, refetch } = useQuery(MeQueryDocument, null, { fetchPolicy: 'cache-first' });
  // a session that ended while the socket was away shows the sign-in page
  useRefetchOnReconnect(() => refetch());
  const user = computed(() => useFragment(SessionUserFragment, result.value?.me) ?? null);
  const checking = computed(() => loading.value && result.value === undefined);
  return { user, checking, error, refetch };
}

/** The signed-in user's role as the cache knows it; null before the first answer and when nobody is signed in. */
export function sessionRole(client: ApolloClient<unknown>): UserRole | null {
  return client.cache.readQuery({ query: MeQueryDocument })?.me?.role ?? null;
}

/**
 * Forgets everything of the session (cached leads included) and asks the server who we are now;
 * `me` becomes null, which shows the sign-in page and unmounts the app, closing the live socket.
 */
export async function endSession(client: ApolloClient<unknown>): Promise<void> {
  await client.clearStore();
  await client.refetchQueries({ include: [MeQueryDocument] });
}
