import { isUuid } from '../../kernel/ids.js';
import { PrincipalKind } from './auth.enums.js';
import type { Principal } from './principal.js';

export const AUTH_CHANGED_CHANNEL = 'auth_changed';

/** Sent (transactionally) when a credential stops being valid, so every process forgets it. */
export type AuthChangedNotice = { apiKeyId: string } | { sessionTokenHash: string };

/** The notice, or null when the payload is not one (not JSON, or not exactly one id of the right kind). */
export function parseAuthChangedNotice(payload: string): AuthChangedNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { apiKeyId, sessionTokenHash } = value as Record<string, unknown>;
  if (typeof apiKeyId === 'string' && isUuid(apiKeyId) && sessionTokenHash === undefined) return { apiKeyId };
  if (typeof sessionTokenHash === 'string' && /^[0-9a-f]{64}$/.test(sessionTokenHash) && apiKeyId === undefined) return { sessionTokenHash };
  return null;
}

/** Whether the notice ends this principal's credential. */
export function isRevokedBy(principal: Principal, notice: AuthChangedNotice): boolean {
  return 'apiKeyId' in notice ? principal.kind === PrincipalKind.API_KEY && principal.id === notice.apiKeyId : principal.sessionTokenHash === notice.sessionTokenHash;
}

/**
 * Recently verified credentials, so a busy client does not cost a database round trip per
 * request. Entries are dropped on logout and key revocation in every process (through
 * `auth_changed` notifications), when the notification connection was interrupted, and after
 * `ttlMs` at the latest. Unknown credentials are never cached.
 *
 * `epoch` moves on every forget() and clear(): a lookup that was in flight meanwhile may have read
 * the credential before it was revoked, so its answer must not be cached (see AuthService).
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();
  private generation = 0;

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

  get epoch(): number {
    return this.generation;
  }

  /** Caches only when nothing was forgotten since `epoch` was read; returns whether it did. */
  setIfUnchanged(epoch: number, key: string, principal: Principal, validUntil = Infinity): boolean {
    if (epoch !== this.generation) return false;
    this.set(key, principal, validUntil);
    return true;
  }

  set(key: string, principal: Principal, validUntil = Infinity): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, expiresAt: Math.min(Date.now() + this.ttlMs, validUntil) });
  }

  forget(notice: AuthChangedNotice): void {
    this.generation++;
    for (const [key, { principal }] of this.entries) {
      if (isRevokedBy(principal, notice)) this.entries.delete(key);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
