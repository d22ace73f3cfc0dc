import type { UserRole } from '../gql/graphql';

/** What a page asks of its visitor. */
export interface PageAccess {
  /** The sign-in address: nothing to show there once someone is signed in */
  signIn?: boolean;
  /** Only these roles may open the page */
  requiresRole?: readonly UserRole[];
}

/** Let the navigation through, send the visitor away for lack of a role, or send them home (already signed in). */
export type AccessDecision = 'allow' | 'forbidden' | 'home';

/**
 * Whether the visitor may open a page. Nobody signed in (or not known yet): allow, because the
 * sign-in page stands in for every page until someone signs in; the page is checked again then.
 */
export function decideAccess(page: PageAccess, role: UserRole | null): AccessDecision {
  if (role === null) return 'allow';
  if (page.signIn) return 'home';
  if (page.requiresRole?.length && !page.requiresRole.includes(role)) return 'forbidden';
  return 'allow';
}
