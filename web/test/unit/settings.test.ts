import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src/i18n';
import { ApolloError } from '@apollo/client/core';
import { outcomeOf } from '../../src/composables/useTeam';
import { deactivateLock, formErrors, roleLock, type MemberLike } from '../../src/lib/team';

const i18nFor = (locale: 'en' | 'de') => createAppI18n(locale).global;
const translate = (locale: 'en' | 'de') => {
  const g = i18nFor(locale);
  return { t: (key: string, params?: Record<string, unknown>) => g.t(key, params ?? {}), te: (key: string) => g.te(key) };
};

const admin: MemberLike = { id: 'a', role: 'ADMIN', active: true };
const rep: MemberLike = { id: 'r', role: 'REP', active: true };
const manager: MemberLike = { id: 'm', role: 'MANAGER', active: true };
const formerAdmin: MemberLike = { id: 'f', role: 'ADMIN', active: false };

describe('which member controls are locked', () => {
  it('locks the role and the deactivation of the only active admin', () => {
    const team = [admin, rep, manager, formerAdmin];
    expect(roleLock(admin, team)).toBe('lastAdmin');
    expect(deactivateLock(admin, team, 'someone-else')).toBe('lastAdmin');
    // a deactivated admin does not count as a second one
    expect(roleLock(formerAdmin, team)).toBeNull();
  });

  it('frees both once a second admin is active', () => {
    const second = { id: 'b', role: 'ADMIN', active: true } as const;
    const team = [admin, second, rep];
    expect(roleLock(admin, team)).toBeNull();
    expect(deactivateLock(admin, team, 'b')).toBeNull();
  });

  it('never lets an admin deactivate themselves, but lets them change other members', () => {
    const team = [admin, { id: 'b', role: 'ADMIN', active: true } as const, rep];
    expect(deactivateLock(admin, team, 'a')).toBe('self');
    expect(deactivateLock(rep, team, 'a')).toBeNull();
    expect(roleLock(rep, team)).toBeNull();
  });

  it('has an explanation for every lock in both languages', () => {
    for (const locale of ['en', 'de'] as const) {
      const { te } = translate(locale);
      expect(te('settings.team.lastAdmin')).toBe(true);
      expect(te('settings.team.self')).toBe(true);
    }
  });
});

describe('errors of a refused settings form', () => {
  const refused = (fields: Array<{ field: string; code: string; message: string }>) => [
    { message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields } },
  ];

  it('places field errors on their fields, translated by code', () => {
    const { t, te } = translate('de');
    const placed = formErrors(
      refused([
        { field: 'input.email', code: 'ALREADY_TAKEN', message: 'An account with this e-mail address exists already.' },
        { field: 'currentPassword', code: 'WRONG_PASSWORD', message: 'The current password is not right.' },
      ]),
      ['email', 'currentPassword'],
      t,
      te,
    );
    expect(placed).toEqual({
      fields: { email: 'Ein Konto mit dieser E-Mail-Adresse gibt es schon.', currentPassword: 'Das aktuelle Passwort stimmt nicht.' },
      general: [],
    });
  });

  it('puts errors of fields the form does not have, and other refusals, in general; an unknown code keeps the server text', () => {
    const { t, te } = translate('en');
    const placed = formErrors(
      [
        ...refused([
          { field: 'id', code: 'LAST_ADMIN', message: 'server text' },
          { field: 'input.name', code: 'SOMETHING_NEW', message: 'A newer server says so.' },
        ]),
        { message: 'Only an admin of this tenant can manage the team.', extensions: { code: 'FORBIDDEN' } },
        { message: 'Boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
      ['name'],
      t,
      te,
    );
    expect(placed.fields).toEqual({ name: 'A newer server says so.' });
    expect(placed.general).toEqual([
      'The only active admin cannot lose the admin role or be deactivated. Make another member an admin first.',
      'Only an admin can do this.',
      'Boom',
    ]);
  });

  it('translates every field error code the server can send on these forms, in both languages', () => {
    const codes = ['REQUIRED', 'TOO_LONG', 'TOO_SHORT', 'INVALID_EMAIL', 'ALREADY_TAKEN', 'WRONG_PASSWORD', 'LAST_ADMIN', 'NOT_REMOVABLE'];
    for (const locale of ['en', 'de'] as const) {
      const { te } = translate(locale);
      expect(codes.filter((code) => !te(`settings.error.${code}`))).toEqual([]);
    }
  });
});

describe('outcomeOf', () => {
  it('reads the errors of an answer with an HTTP error status (FORBIDDEN, RATE_LIMITED), which Apollo reports as a network error', async () => {
    const limited = { message: 'Too many wrong passwords. Try again in 15 minutes.', extensions: { code: 'RATE_LIMITED' } };
    const networkError = Object.assign(new Error('Response not successful: Received status code 429'), { result: { errors: [limited] }, statusCode: 429 });
    const outcome = await outcomeOf(() => Promise.reject(new ApolloError({ networkError })));
    expect(outcome).toEqual({ ok: false, errors: [limited], message: limited.message });
    const { t, te } = translate('en');
    expect(formErrors(outcome.ok ? [] : outcome.errors, [], t, te).general).toEqual(['Too many wrong passwords. Try again in a few minutes.']);
  });

  it('passes GraphQL errors and answers through', async () => {
    const refused = { message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields: [] } };
    expect(await outcomeOf(() => Promise.reject(new ApolloError({ graphQLErrors: [refused] })))).toMatchObject({ ok: false, errors: [refused] });
    expect(await outcomeOf(() => Promise.resolve(7))).toEqual({ ok: true, value: 7 });
  });
});
