import { isUuid } from '../../kernel/ids.js';
import { PrincipalKind } from './auth.enums.js';
import type { Principal } from './principal.js';

export const AUTH_CHANGED_CHANNEL = 'auth_changed';

/**
 * Sent (transactionally) when a credential stops being valid or a user's rights change, so every
 * process forgets what it cached and closes the sockets concerned.
 */
export type AuthChangedNotice =
  | { apiKeyId: string }
  | { sessionTokenHash: string }
  /** the user's sessions ended (deactivated, or a new password: all but the one that set it) */
  | { userId: string; keepSessionTokenHash?: string }
  /** the user's role changed: their sessions stay, but what was cached, and each open socket, holds the old role */
  | { roleChangedUserId: string };

const TOKEN_HASH = /^[0-9a-f]{64}$/;

/** The notice, or null when the payload is not one (not JSON, or not exactly the fields of one kind, with ids of the right form). */
export function parseAuthChangedNotice(payload: string): AuthChangedNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields).sort().join(',');
  const { apiKeyId, sessionTokenHash, userId, keepSessionTokenHash, roleChangedUserId } = fields;
  const uuid = (v: unknown): v is string => typeof v === 'string' && isUuid(v);
  const tokenHash = (v: unknown): v is string => typeof v === 'string' && TOKEN_HASH.test(v);
  if (keys === 'apiKeyId' && uuid(apiKeyId)) return { apiKeyId };
  if (keys === 'sessionTokenHash' && tokenHash(sessionTokenHash)) return { sessionTokenHash };
  if (keys === 'userId' && uuid(userId)) return { userId };
  if (keys === 'keepSessionTokenHash,userId' && uuid(userId) && tokenHash(keepSessionTokenHash)) return { userId, keepSessionTokenHash };
  if (keys === 'roleChangedUserId' && uuid(roleChangedUserId)) return { roleChangedUserId };
  return null;
}

/** Whether the notice makes what is known of this principal stale (for the cache). */
export function isRevokedBy(principal: Principal, notice: AuthChangedNotice): boolean {
  if ('apiKeyId' in notice) return principal.kind === PrincipalKind.API_KEY && principal.id === notice.apiKeyId;
  if ('sessionTokenHash' in notice) return principal.sessionTokenHash === notice.sessionTokenHash;
  if ('userId' in notice) return principal.kind === PrincipalKind.USER && principal.id === notice.userId && principal.sessionTokenHash !== notice.keepSessionTokenHash;
  return principal.kind === PrincipalKind.USER && principal.id === notice.roleChangedUserId;
}

/** Whether the notice ends this principal's credential (its sockets close with 4403), rather than only changing its rights. */
export function endsCredential(notice: AuthChangedNotice): boolean {
  return !('roleChangedUserId' in notice);
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
