import { computed, inject, type ComputedRef, type InjectionKey } from 'vue';
import type { SessionUserFragment } from '../gql/graphql';

/** The signed-in user, provided by the app shell to every page in it. */
export const CurrentUserKey: InjectionKey<ComputedRef<SessionUserFragment>> = Symbol('currentUser');

/** The signed-in user (for "my" leads, "assign to me", what a role may do), or null outside the signed-in app. */
export function useCurrentUser(): ComputedRef<SessionUserFragment | null> {
  const user = inject(CurrentUserKey, null);
  return computed(() => user?.value ?? null);
}
