import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LazyEntityManager } from '../../context.js';
import { badUserInput, FieldErrorCode, forbidden, type FieldError } from '../../errors.js';
import { isUuid } from '../../kernel/ids.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyScope, PrincipalKind, UserRole } from './auth.enums.js';
import { DUMMY_PASSWORD_HASH, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, randomToken, sha256, verifyPassword } from './password.js';
import { isAdmin, type Principal } from './principal.js';
import { AUTH_CHANGED_CHANNEL, type AuthChangedNotice, type PrincipalCache } from './principal-cache.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export const SESSION_COOKIE = 'lse_session';
/** Over HTTPS: the __Host- prefix makes browsers refuse it unless Secure, host-only and for path / */
export const SECURE_SESSION_COOKIE = '__Host-lse_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const API_KEY_PREFIX_LENGTH = 12; // "lse_" + 8 hex characters

export class LoginFailedError extends Error {}

/** An open socket's credential: still good, ended (close it), or good with another role than it was opened with (reconnect). */
export type CredentialState = 'valid' | 'ended' | 'roleChanged';

export interface Credentials {
  sessionToken?: string;
  /** the value after "Bearer " */
  apiKey?: string;
}

/**
 * Sign-in, sessions and API keys. The lookups that find a principal search all tenants, so they
 * run without the tenant filter; everything after them is scoped to the principal's tenant.
 */
export class AuthService {
  private readonly emOf: () => EntityManager;

  /** `em` may be made on first use: a credential found in the cache needs none. */
  constructor(
    em: EntityManager | LazyEntityManager,
    private readonly cache?: PrincipalCache,
  ) {
    this.emOf = typeof em === 'function' ? em : () => em;
  }

  private get em(): EntityManager {
    return this.emOf();
  }

  async login(email: string, password: string): Promise<{ user: User; token: string }> {
    const user = await this.em.findOne(User, { email: email.trim().toLowerCase() }, { filters: false, populate: ['tenant'] });
    // verify against a dummy hash for unknown emails too: same answer, same time, so nothing tells which part was wrong
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    // a deactivated user hears what a wrong password hears, after the same work
    if (!user || !ok || !user.active) throw new LoginFailedError();
    const token = randomToken();
    this.em.create(Session, { tokenHash: sha256(token), user, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
    await this.em.flush();
    // expired sessions are useless; each sign-in clears the user's, so the table cannot grow without bound
    await this.em.nativeDelete(Session, { user, expiresAt: { $lte: new Date() } });
    return { user, token };
  }

  async logout(principal: Principal): Promise<void> {
    const tokenHash = principal.sessionTokenHash;
    if (!tokenHash) return;
    await this.em.transactional(async (em) => {
      await em.nativeDelete(Session, { tokenHash });
      await notifyAuthChanged(em, { sessionTokenHash: tokenHash });
    });
    this.cache?.forget({ sessionTokenHash: tokenHash });
  }

  /**
   * At most one indexed query per request (none while the credential is cached); no entities are
   * loaded, so the request's identity map stays empty.
   */
  async authenticate(credentials: Credentials): Promise<Principal | null> {
    const secret = credentials.apiKey ?? credentials.sessionToken;
    if (!secret) return null;
    const cacheKey = `${credentials.apiKey ? 'k' : 's'}:${sha256(secret)}`;
    const cached = this.cache?.get(cacheKey);
    if (cached) return cached;
    // a revocation heard while the lookup was in flight may postdate what it read: answer, but do not cache
    const epoch = this.cache?.epoch;
    const found = await this.lookup(credentials);
    if (found && epoch !== undefined) this.cache?.setIfUnchanged(epoch, cacheKey, found.principal, found.principal.expiresAt?.getTime());
    return found?.principal ?? null;
  }

  /**
   * Where each of these principals stands now (a key not revoked, a session not ended or expired,
   * its user still active and of the same role), for re-checking open sockets after notices may
   * have been missed. Two indexed queries however many principals.
   */
  async credentialStates(principals: Iterable<Principal>): Promise<(principal: Principal) => CredentialState> {
    const keyIds = new Set<string>();
    const tokenHashes = new Set<string>();
    for (const principal of principals) {
      if (principal.sessionTokenHash) tokenHashes.add(principal.sessionTokenHash);
      else if (principal.kind === PrincipalKind.API_KEY) keyIds.add(principal.id);
    }
    const conn = this.em.getConnection();
    const validKeys = keyIds.size
      ? await conn.execute<{ id: string }[]>('select id from api_key where id in (?) and revoked_at is null', [[...keyIds]])
      : [];
    const validSessions = tokenHashes.size
      ? await conn.execute<{ token_hash: string; role: UserRole }[]>(
          `select s.token_hash, u.role from session s join app_user u on u.id = s.user_id
            where s.token_hash in (?) and s.expires_at > now() and u.active`,
          [[...tokenHashes]],
        )
      : [];
    const keys = new Set(validKeys.map((row) => row.id));
    const roles = new Map(validSessions.map((row) => [row.token_hash, row.role]));
    return (principal) => {
      if (!principal.sessionTokenHash) return keys.has(principal.id) ? 'valid' : 'ended';
      const role = roles.get(principal.sessionTokenHash);
      if (!role) return 'ended';
      return role === principal.role ? 'valid' : 'roleChanged';
    };
  }

  private async lookup(credentials: Credentials): Promise<{ principal: Principal } | null> {
    const conn = this.em.getConnection();
    if (credentials.apiKey) {
      const key = credentials.apiKey;
      if (!key.startsWith('lse_') || key[API_KEY_PREFIX_LENGTH] !== '_') return null;
      const [row] = await conn.execute<{ id: string; name: string; tenant_id: string; scope: ApiKeyScope; secret_hash: string }[]>(
        'select id, name, tenant_id, scope, secret_hash from api_key where prefix = ? and revoked_at is null',
        [key.slice(0, API_KEY_PREFIX_LENGTH)],
      );
      if (!row || !safeEqual(row.secret_hash, sha256(key))) return null;
      return { principal: { kind: PrincipalKind.API_KEY, id: row.id, name: row.name, tenantId: row.tenant_id, scope: row.scope } };
    }
    if (credentials.sessionToken) {
      const tokenHash = sha256(credentials.sessionToken);
      const [row] = await conn.execute<{ id: string; name: string; tenant_id: string; role: UserRole; expires_at: string }[]>(
        `select u.id, u.name, u.tenant_id, u.role, s.expires_at from session s join app_user u on u.id = s.user_id
          where s.token_hash = ? and s.expires_at > now() and u.active`,
        [tokenHash],
      );
      if (!row) return null;
      return {
        principal: {
          kind: PrincipalKind.USER,
          id: row.id,
          name: row.name,
          tenantId: row.tenant_id,
          role: row.role,
          sessionTokenHash: tokenHash,
          expiresAt: new Date(row.expires_at),
        },
      };
    }
    return null;
  }

  /** Returns the secret once; only its hash is kept. */
  async createApiKey(principal: Principal, name: string, scope: ApiKeyScope): Promise<{ apiKey: ApiKey; secret: string }> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) {
      throw badUserInput([{ field: 'name', code: trimmed ? 'TOO_LONG' : 'REQUIRED', message: 'Give the key a name of 1 to 200 characters.' }]);
    }
    const prefix = `lse_${randomBytes(4).toString('hex')}`;
    const secret = `${prefix}_${randomToken(32)}`;
    const apiKey = this.em.create(ApiKey, {
      tenant: principal.tenantId,
      name: trimmed,
      scope,
      prefix,
      secretHash: sha256(secret),
      createdBy: principal.kind === PrincipalKind.USER ? principal.id : null,
    });
    await this.em.flush();
    return { apiKey, secret };
  }

  async revokeApiKey(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const revoked = await this.em.transactional(async (em) => {
      // tenant filter applies: a key of another tenant is "not found", same as a missing one
      const apiKey = await em.findOne(ApiKey, { id, revokedAt: null });
      if (!apiKey) return false;
      apiKey.revokedAt = new Date();
      await em.flush();
      await notifyAuthChanged(em, { apiKeyId: apiKey.id });
      return true;
    });
    if (revoked) this.cache?.forget({ apiKeyId: id });
    return revoked;
  }

  async listApiKeys(): Promise<ApiKey[]> {
    return this.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
  }

  /**
   * A signed-in user's new password. The current one must be right (the caller counts the attempt
   * in the sign-in throttle first, so a stolen session cannot guess it freely); every other
   * session of the user ends at once, this one stays.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const problems = newPasswordProblems(newPassword);
    const user = await this.em.findOne(User, { id: principal.id, active: true });
    const ok = await verifyPassword(currentPassword, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok) {
      problems.unshift({ field: 'currentPassword', code: FieldErrorCode.WRONG_PASSWORD, message: 'The current password is not right.' });
    }
    if (problems.length) throw badUserInput(problems);
    const passwordHash = await hashPassword(newPassword);
    const keep = principal.sessionTokenHash;
    await this.em.transactional(async (em) => {
      await em.nativeUpdate(User, { id: user!.id }, { passwordHash, passwordChangedAt: new Date() });
      await endSessionsOf(em, user!.id, keep);
    });
    this.cache?.forget(keep ? { userId: user!.id, keepSessionTokenHash: keep } : { userId: user!.id });
  }
}

/** What is wrong with a new password: only its length (no composition rules; length is what makes guessing slow). */
export function newPasswordProblems(newPassword: string): FieldError[] {
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    return [{ field: 'newPassword', code: FieldErrorCode.TOO_SHORT, message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` }];
  }
  if (newPassword.length > MAX_PASSWORD_LENGTH) {
    return [{ field: 'newPassword', code: FieldErrorCode.TOO_LONG, message: `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.` }];
  }
  return [];
}

/**
 * Ends every session of the user except `keep`, inside the caller's transaction, and tells every
 * process to close their sockets once it commits. The caller forgets the cached principals after
 * the commit (`{ userId }` notice), so this process refuses them at once.
 */
export async function endSessionsOf(em: EntityManager, userId: string, keep?: string): Promise<void> {
  await em.nativeDelete(Session, keep ? { user: userId, tokenHash: { $ne: keep } } : { user: userId });
  await notifyAuthChanged(em, keep ? { userId, keepSessionTokenHash: keep } : { userId });
}

function safeEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function requireAdmin(principal: Principal | null, what = 'manage API keys'): Principal {
  if (!principal || !isAdmin(principal)) throw forbidden(`Only an admin of this tenant can ${what}; sign in as an admin.`);
  return principal;
}

/** Inside the writing transaction, so listeners hear only about committed changes. */
export async function notifyAuthChanged(em: EntityManager, notice: AuthChangedNotice): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [AUTH_CHANGED_CHANNEL, JSON.stringify(notice)]);
}
