import { ApiKeyScope, PrincipalKind, UserRole } from './auth.enums.js';

/** Who is calling: a rep's session or a partner's API key, always of exactly one tenant. */
export interface Principal {
  kind: PrincipalKind;
  /** user id or API key id */
  id: string;
  name: string;
  tenantId: string;
  role?: UserRole;
  scope?: ApiKeyScope;
  /** set for sessions, so logout can end exactly this one */
  sessionTokenHash?: string;
  /** when the session ends by itself; open sockets are closed then (API keys do not expire) */
  expiresAt?: Date;
}

export function canWrite(principal: Principal): boolean {
  return principal.kind === PrincipalKind.USER || principal.scope === ApiKeyScope.WRITE;
}

/** Settings, team, API keys, the scoring model: a signed-in admin only (never a manager, a rep or an API key). */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === PrincipalKind.USER && principal.role === UserRole.ADMIN;
}

/** Admins and managers see everything in the tenant (every rep's queue, the dashboard). */
export function seesWholeTenant(principal: Principal): boolean {
  return principal.kind === PrincipalKind.USER && (principal.role === UserRole.ADMIN || principal.role === UserRole.MANAGER);
}
