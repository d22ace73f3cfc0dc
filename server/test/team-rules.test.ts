import { describe, expect, it } from 'vitest';
import { UserRole } from '../src/modules/auth/auth.enums.js';
import { checkNewMember, removesLastAdmin } from '../src/modules/team/team.rules.js';

describe('checkNewMember', () => {
  it('trims the name and stores the e-mail address trimmed and lower-case', () => {
    expect(checkNewMember({ name: '  Ada  ', email: ' Ada@Example.COM ', role: UserRole.MANAGER })).toEqual({
      member: { name: 'Ada', email: 'ada@example.com', role: UserRole.MANAGER },
      problems: [],
    });
  });

  it.each([
    ['a blank name', { name: '  ', email: 'a@b.example' }, [['input.name', 'REQUIRED']]],
    ['a name of 201 characters', { name: 'x'.repeat(201), email: 'a@b.example' }, [['input.name', 'TOO_LONG']]],
    ['no e-mail address', { name: 'Ada', email: '' }, [['input.email', 'REQUIRED']]],
    ['an address without a domain', { name: 'Ada', email: 'ada@' }, [['input.email', 'INVALID_EMAIL']]],
    ['an address of 321 characters', { name: 'Ada', email: `${'a'.repeat(309)}@example.com` }, [['input.email', 'INVALID_EMAIL']]],
  ])('refuses %s', (_, input, expected) => {
    const { problems } = checkNewMember({ ...input, role: UserRole.REP });
    expect(problems.map((p) => [p.field, p.code])).toEqual(expected);
  });
});

describe('removesLastAdmin', () => {
  it.each([
    [{ isActiveAdmin: true, staysActiveAdmin: false, otherActiveAdmins: 0 }, true],
    [{ isActiveAdmin: true, staysActiveAdmin: false, otherActiveAdmins: 1 }, false],
    [{ isActiveAdmin: true, staysActiveAdmin: true, otherActiveAdmins: 0 }, false],
    [{ isActiveAdmin: false, staysActiveAdmin: false, otherActiveAdmins: 0 }, false],
  ])('%o → %s', (change, expected) => {
    expect(removesLastAdmin(change)).toBe(expected);
  });
});
