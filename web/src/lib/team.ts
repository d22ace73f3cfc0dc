import type { UserRole } from '../gql/graphql';
import type { Translate } from './preview';
import { formFieldErrors, type GraphQLErrorLike } from './validation';

// Rules the settings screens show before the server would refuse: the server decides, these only
// explain why a control is disabled.

export const ROLES: readonly UserRole[] = ['ADMIN', 'MANAGER', 'REP'];

export interface MemberLike {
  id: string;
  role: UserRole;
  active: boolean;
}

/** Why an admin may not take this member's admin rights or access away (null: they may). */
export type MemberLock = 'lastAdmin' | 'self' | null;

function isLastActiveAdmin(member: MemberLike, members: readonly MemberLike[]): boolean {
  if (!member.active || member.role !== 'ADMIN') return false;
  return !members.some((other) => other.id !== member.id && other.active && other.role === 'ADMIN');
}

/** Whether the member's role may be changed away from what it is: never the tenant's last active admin. */
export function roleLock(member: MemberLike, members: readonly MemberLike[]): MemberLock {
  return isLastActiveAdmin(member, members) ? 'lastAdmin' : null;
}

/** Whether the member may be deactivated: not the last active admin, and not oneself (another admin can). */
export function deactivateLock(member: MemberLike, members: readonly MemberLike[], selfId: string): MemberLock {
  if (isLastActiveAdmin(member, members)) return 'lastAdmin';
  if (member.id === selfId) return 'self';
  return null;
}

/**
 * A refused settings form's errors by field (`input.email` → `email`), translated by code where
 * `settings.error.<CODE>` exists, else the server's English message; anything else is `general`.
 */
export function formErrors(
  errors: readonly GraphQLErrorLike[] | undefined,
  fields: readonly string[],
  t: Translate,
  known: (key: string) => boolean,
): { fields: Record<string, string>; general: string[] } {
  const textOf = (code: unknown, fallback: string) => (known(`settings.error.${String(code)}`) ? t(`settings.error.${String(code)}`) : fallback);
  const sorted = formFieldErrors(
    errors,
    fields,
    (item, error) => textOf(item.code, typeof item.message === 'string' && item.message ? item.message : error.message),
    (error) => (typeof error.extensions?.code === 'string' && error.extensions.code ? textOf(error.extensions.code, error.message) : error.message),
  );
  return { fields: sorted.fields as Record<string, string>, general: sorted.general };
}
