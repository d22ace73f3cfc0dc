import { describe, expect, it } from 'vitest';
import { PrincipalKind, UserRole } from '../src/modules/auth/auth.enums.js';
import { generateInitialPassword, MIN_PASSWORD_LENGTH } from '../src/modules/auth/password.js';
import type { Principal } from '../src/modules/auth/principal.js';
import { endsCredential, isRevokedBy, parseAuthChangedNotice, PrincipalCache } from '../src/modules/auth/principal-cache.js';
import { isAdmin, seesWholeTenant } from '../src/modules/auth/principal.js';

const USER_ID = '3b9a1f2e-6c1d-4f55-8a0e-0d7f2b1c9e44';
const OTHER_USER = '9f0e4c2a-1b3d-4e5f-8a6b-7c8d9e0f1a2b';
const session = (tokenHash: string, id = USER_ID, role = UserRole.REP): Principal => ({ kind: PrincipalKind.USER, id, name: 'Rita', tenantId: 't', role, sessionTokenHash: tokenHash });
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('auth_changed notices of team changes', () => {
  it('reads the notices for a deactivation, a new password and a role change', () => {
    expect(parseAuthChangedNotice(JSON.stringify({ userId: USER_ID }))).toEqual({ userId: USER_ID });
    expect(parseAuthChangedNotice(JSON.stringify({ userId: USER_ID, keepSessionTokenHash: A }))).toEqual({ userId: USER_ID, keepSessionTokenHash: A });
    expect(parseAuthChangedNotice(JSON.stringify({ roleChangedUserId: USER_ID }))).toEqual({ roleChangedUserId: USER_ID });
  });

  it.each([
    ['a user id that is no UUID', { userId: 'rita' }],
    ['a kept session that is no SHA-256', { userId: USER_ID, keepSessionTokenHash: 'abc' }],
    ['a kept session without a user', { keepSessionTokenHash: A }],
    ['two kinds at once', { userId: USER_ID, roleChangedUserId: USER_ID }],
    ['an unknown field besides', { roleChangedUserId: USER_ID, extra: 1 }],
  ])('refuses %s', (_, payload) => {
    expect(parseAuthChangedNotice(JSON.stringify(payload))).toBeNull();
  });

  it('ends every session of the user but the kept one, and no one else\'s', () => {
    expect(isRevokedBy(session(A), { userId: USER_ID })).toBe(true);
    expect(isRevokedBy(session(B), { userId: USER_ID, keepSessionTokenHash: A })).toBe(true);
    expect(isRevokedBy(session(A), { userId: USER_ID, keepSessionTokenHash: A })).toBe(false);
    expect(isRevokedBy(session(A, OTHER_USER), { userId: USER_ID })).toBe(false);
    // an API key with the same id is no user
    expect(isRevokedBy({ kind: PrincipalKind.API_KEY, id: USER_ID, name: 'k', tenantId: 't' }, { userId: USER_ID })).toBe(false);
  });

  it('treats a role change as stale, not ended: the cache forgets it, sockets reconnect instead of signing out', () => {
    const notice = { roleChangedUserId: USER_ID };
    expect(endsCredential(notice)).toBe(false);
    expect(endsCredential({ userId: USER_ID })).toBe(true);
    const cache = new PrincipalCache();
    cache.set('s:a', session(A));
    cache.set('s:other', session(B, OTHER_USER));
    cache.forget(notice);
    expect(cache.get('s:a')).toBeUndefined();
    expect(cache.get('s:other')).toBeDefined();
  });
});

describe('roles', () => {
  it('keeps admin-only operations to admins: a manager sees the whole tenant but is no admin', () => {
    const manager = session(A, USER_ID, UserRole.MANAGER);
    expect(isAdmin(manager)).toBe(false);
    expect(seesWholeTenant(manager)).toBe(true);
    expect(seesWholeTenant(session(A, USER_ID, UserRole.REP))).toBe(false);
    expect([isAdmin(session(A, USER_ID, UserRole.ADMIN)), seesWholeTenant(session(A, USER_ID, UserRole.ADMIN))]).toEqual([true, true]);
    expect(seesWholeTenant({ kind: PrincipalKind.API_KEY, id: USER_ID, name: 'k', tenantId: 't' })).toBe(false);
  });
});

describe('generateInitialPassword', () => {
  it('makes long, readable, different passwords from the whole alphabet', () => {
    const passwords = Array.from({ length: 2_000 }, generateInitialPassword);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
      expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    }
    // 32,000 characters over 56 symbols: each appears, none is much more frequent than the rest
    const counts = new Map<string, number>();
    for (const char of passwords.join('').replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(56);
    expect(Math.max(...counts.values()) / Math.min(...counts.values())).toBeLessThan(1.6);
  });
});
