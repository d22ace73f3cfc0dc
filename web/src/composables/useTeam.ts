import type { ApolloError } from '@apollo/client/core';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import {
  ChangeTeamMemberRoleMutation,
  CreateTeamMemberMutation,
  DeactivateTeamMemberMutation,
  ReactivateTeamMemberMutation,
  TeamMemberFragment,
  TeamMembersQuery,
} from '../components/settings/settings.documents';
import { useFragment } from '../gql';
import type { CreateTeamMemberInput, TeamMemberFieldsFragment, UserRole } from '../gql/graphql';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

export type TeamMember = TeamMemberFieldsFragment;

/** What the server answered: done, or refused with its errors (shown by the form that asked). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: ApolloError['graphQLErrors']; message: string };

export async function outcomeOf<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const e = error as Partial<ApolloError>;
    // FORBIDDEN (403) and RATE_LIMITED (429) come with an HTTP error status: Apollo reports them as a network error with the body
    const answered = (e.networkError as { result?: { errors?: ApolloError['graphQLErrors'] } } | null | undefined)?.result?.errors;
    const errors = e.graphQLErrors?.length ? e.graphQLErrors : Array.isArray(answered) ? answered : [];
    return { ok: false, errors, message: errors[0]?.message ?? e.message ?? String(error) };
  }
}

/**
 * The tenant's team and what an admin does with it. Role changes and (de)activations answer with
 * the member, which updates the cached list in place; a new member is appended to it.
 */
export function useTeam() {
  const { result, loading, error, refetch } = useQuery(TeamMembersQuery, null, { fetchPolicy: 'cache-and-network' });
  // another admin may have changed the team while the socket was away
  useRefetchOnReconnect(() => refetch());
  const members = computed<readonly TeamMember[] | null>(() => (result.value ? useFragment(TeamMemberFragment, result.value.teamMembers) : null));
  /** ids of members with a change under way, so their controls wait */
  const busy = ref(new Set<string>());

  const createMutation = useMutation(CreateTeamMemberMutation, {
    update(cache, { data }) {
      const created = data?.createTeamMember.member;
      if (!created) return;
      cache.updateQuery({ query: TeamMembersQuery }, (list) => (list ? { teamMembers: [...list.teamMembers, created] } : list));
    },
  });
  const roleMutation = useMutation(ChangeTeamMemberRoleMutation);
  const deactivateMutation = useMutation(DeactivateTeamMemberMutation);
  const reactivateMutation = useMutation(ReactivateTeamMemberMutation);

  async function tracked<T>(id: string, work: () => Promise<T>): Promise<Outcome<T>> {
    busy.value = new Set([...busy.value, id]);
    try {
      return await outcomeOf(work);
    } finally {
      const next = new Set(busy.value);
      next.delete(id);
      busy.value = next;
    }
  }

  /** The new member and their first password, which the server shows only this once. */
  function create(input: CreateTeamMemberInput) {
    return outcomeOf(async () => {
      const answer = (await createMutation.mutate({ input }))?.data?.createTeamMember;
      if (!answer) throw new Error('no answer');
      return { member: useFragment(TeamMemberFragment, answer.member), initialPassword: answer.initialPassword };
    });
  }

  const changeRole = (id: string, role: UserRole) => tracked(id, () => roleMutation.mutate({ id, role }));
  const deactivate = (id: string) => tracked(id, () => deactivateMutation.mutate({ id }));
  const reactivate = (id: string) => tracked(id, () => reactivateMutation.mutate({ id }));

  return { members, loading, error, refetch, busy, create, creating: createMutation.loading, changeRole, deactivate, reactivate };
}
