import { PrincipalKind } from './auth.enums.js';
import type { Principal } from './principal.js';

export const AUTH_CHANGED_CHANNEL = 'auth_changed';

/** Sent (transactionally) when a credential stops being valid, so every process forgets it. */
export type AuthChangedNotice = { apiKeyId: string } | { sessionTokenHash: string };

/** Whether the notice ends this principal's credential. */
export function isRevokedBy(principal: Principal, notice: AuthChangedNotice): boolean {
  return 'apiKeyId' in notice ? principal.kind === PrincipalKind.API_KEY && principal.id === notice.apiKeyId : principal.sessionTokenHash === notice.sessionTokenHash;
}

/**
 * Recently verified credentials, so a busy client does not cost a database round trip per
 * request. Entries are dropped on logout and key revocation in every process (through
 * `auth_changed` notifications), when the notification connection was interrupted, and after
 * `ttlMs` at the latest. Unknown credentials are never cached.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  set(key: string, principal: Principal, validUntil = Infinity): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, expiresAt: Math.min(Date.now() + this.ttlMs, validUntil) });
  }

  forget(notice: AuthChangedNotice): void {
    for (const [key, { principal }] of this.entries) {
      if (isRevokedBy(principal, notice)) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
