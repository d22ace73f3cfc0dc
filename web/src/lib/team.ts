import type { UserRole } from '../gql/graphql';

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

export interface FieldErrorItem {
  field?: unknown;
  code?: unknown;
  message?: unknown;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

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
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors ?? []) {
    const list = error.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(error.extensions.fields) ? (error.extensions.fields as FieldErrorItem[]) : null;
    if (!list) {
      const code = typeof error.extensions?.code === 'string' ? error.extensions.code : '';
      general.push(code && known(`settings.error.${code}`) ? t(`settings.error.${code}`) : error.message);
      continue;
    }
    for (const item of list) {
      const field = String(item.field ?? '').replace(/^input\./, '');
      const key = `settings.error.${String(item.code)}`;
      const text = known(key) ? t(key) : typeof item.message === 'string' && item.message ? item.message : error.message;
      if (fields.includes(field)) byField[field] ??= text;
      else general.push(text);
    }
  }
  return { fields: byField, general };
}
