import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope, UserRole } from '../src/modules/auth/auth.enums.js';
import { verifyPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { CREATE_LEAD, createTestApp, leadInput, memoryLogger, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let tenant: TestTenant;
let other: TestTenant;
const log = memoryLogger();

const MEMBERS = `{ teamMembers { id name email role active createdAt deactivatedAt } }`;
const CREATE = `mutation($input: CreateTeamMemberInput!) { createTeamMember(input: $input) { initialPassword member { id name email role active } } }`;
const CHANGE_ROLE = `mutation($id: ID!, $role: UserRole!) { changeTeamMemberRole(id: $id, role: $role) { id role active } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateTeamMember(id: $id) { id active deactivatedAt } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateTeamMember(id: $id) { id active deactivatedAt } }`;

beforeAll(async () => {
  app = await createTestApp({ logger: log.logger });
  tenant = await app.createTenant('Team GmbH');
  other = await app.createTenant('Other AG');
});
afterAll(() => app?.stop());

let serial = 0;
/** A new member of `owner`'s tenant, created through the API by its admin. */
async function createMember(owner: TestTenant, role: 'ADMIN' | 'MANAGER' | 'REP', name = `Member ${++serial}`) {
  const email = `member-${serial}-${Date.now()}@team.example`;
  const res = await app.gql(CREATE, { input: { name, email, role } }, { cookie: owner.adminCookie });
  expect(res.errors).toBeUndefined();
  const { member, initialPassword } = res.data.createTeamMember;
  return { ...member, password: initialPassword as string, cookie: await app.login(email, initialPassword) };
}

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
const fieldsOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.fields;

describe('teamMembers', () => {
  it('lists the users of the caller\'s tenant to admins, reps and API keys, never another tenant\'s', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const keyMembers = `{ teamMembers { id name role active createdAt deactivatedAt } }`;
    for (const [caller, query] of [[{ cookie: tenant.adminCookie }, MEMBERS], [{ cookie: tenant.repCookie }, MEMBERS], [{ apiKey: key }, keyMembers]] as const) {
      const res = await app.gql(query, {}, caller);
      expect(res.errors).toBeUndefined();
      const ids = res.data.teamMembers.map((m: { id: string }) => m.id);
      expect(ids).toEqual(expect.arrayContaining([tenant.admin.id, tenant.rep.id]));
      expect(ids).not.toContain(other.admin.id);
      expect(ids).not.toContain(other.rep.id);
    }
    const otherIds = (await app.gql(MEMBERS, {}, { cookie: other.repCookie })).data.teamMembers.map((m: { id: string }) => m.id);
    expect(otherIds.sort()).toEqual([other.admin.id, other.rep.id].sort());
  });

  it('asks for a signed-in caller', async () => {
    expect(codeOf(await app.gql(MEMBERS))).toBe('UNAUTHENTICATED');
  });

  it('gives members\' e-mail addresses to signed-in users only: an API key that asks gets FORBIDDEN and no member', async () => {
    for (const scope of [ApiKeyScope.READ, ApiKeyScope.WRITE]) {
      const res = await app.gql(MEMBERS, {}, { apiKey: await app.createApiKey(tenant, scope) });
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message).toMatch(/without their e-mail addresses/);
      expect(res.errors![0].path).toEqual(['teamMembers', 0, 'email']);
      expect(res.data).toBeNull();
    }
    const rep = await app.gql(MEMBERS, {}, { cookie: tenant.repCookie });
    expect(rep.data.teamMembers.map((m: { email: string }) => m.email)).toEqual(expect.arrayContaining([tenant.rep.email]));
  });
});

describe('createTeamMember', () => {
  it('creates a member whose generated first password signs in, stored only as a hash and never logged', async () => {
    const res = await app.gql(CREATE, { input: { name: '  Grace Rep ', email: ' Grace.Rep@Team.Example ', role: 'REP' } }, { cookie: tenant.adminCookie });
    expect(res.errors).toBeUndefined();
    const { member, initialPassword } = res.data.createTeamMember;
    expect(member).toMatchObject({ name: 'Grace Rep', email: 'grace.rep@team.example', role: 'REP', active: true });
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const stored = await app.em(tenant.id).findOneOrFail(User, { id: member.id });
    expect(stored.passwordHash).not.toContain(initialPassword);
    expect(await verifyPassword(initialPassword, stored.passwordHash)).toBe(true);
    const cookie = await app.login('grace.rep@team.example', initialPassword);
    expect((await app.gql(`{ me { id role tenant { id } } }`, {}, { cookie })).data.me).toEqual({ id: member.id, role: 'REP', tenant: { id: tenant.id } });
    expect(log.lines.some((line) => line.includes(initialPassword))).toBe(false);
  });

  it('refuses an e-mail address that has an account already, in this tenant or another, whatever its case; nothing stored', async () => {
    for (const email of [tenant.rep.email, other.admin.email.toUpperCase()]) {
      const res = await app.gql(CREATE, { input: { name: 'Copy', email, role: 'REP' } }, { cookie: tenant.adminCookie });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([{ field: 'input.email', code: 'ALREADY_TAKEN', message: expect.stringMatching(/exists already/) }]);
    }
    expect(await app.em(tenant.id).count(User, { name: 'Copy' })).toBe(0);
  });

  it('refuses a blank name and a malformed e-mail address, field by field', async () => {
    const res = await app.gql(CREATE, { input: { name: ' ', email: 'not-an-address', role: 'REP' } }, { cookie: tenant.adminCookie });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res).map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['input.name', 'REQUIRED'],
      ['input.email', 'INVALID_EMAIL'],
    ]);
  });

  it('stores one member when the same address is sent twice at once', async () => {
    const input = { name: 'Twice', email: `twice-${Date.now()}@team.example`, role: 'REP' };
    const answers = await Promise.all([1, 2].map(() => app.gql(CREATE, { input }, { cookie: tenant.adminCookie })));
    expect(answers.filter((res) => !res.errors)).toHaveLength(1);
    expect(answers.filter((res) => fieldsOf(res)?.[0]?.code === 'ALREADY_TAKEN')).toHaveLength(1);
    expect(await app.em(tenant.id).count(User, { email: input.email })).toBe(1);
  });
});

describe('who may manage the team and API keys', () => {
  it('refuses reps, managers and API keys with FORBIDDEN, changing nothing', async () => {
    const manager = await createMember(tenant, 'MANAGER');
    const writeKey = await app.createApiKey(tenant, ApiKeyScope.WRITE);
    const operations: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: { name: 'Sneaky', email: `sneaky-${Date.now()}@team.example`, role: 'ADMIN' } }],
      [CHANGE_ROLE, { id: tenant.rep.id, role: 'ADMIN' }],
      [DEACTIVATE, { id: tenant.admin.id }],
      [REACTIVATE, { id: tenant.rep.id }],
      [`{ apiKeys { id } }`, {}],
      [`mutation { createApiKey(name: "mine", scope: WRITE) { secret } }`, {}],
    ];
    for (const caller of [{ cookie: tenant.repCookie }, { cookie: manager.cookie }, { apiKey: writeKey }]) {
      for (const [query, variables] of operations) {
        expect(codeOf(await app.gql(query, variables, caller)), `${query} by ${JSON.stringify(caller)}`).toBe('FORBIDDEN');
      }
    }
    const rep = await app.em(tenant.id).findOneOrFail(User, { id: tenant.rep.id });
    expect(rep.role).toBe('REP');
    expect(await app.em(tenant.id).count(User, { name: 'Sneaky' })).toBe(0);
  });

  it('lets a manager do what a rep does: read the team, create and read leads', async () => {
    const manager = await createMember(tenant, 'MANAGER');
    expect((await app.gql(`{ me { role } }`, {}, { cookie: manager.cookie })).data.me.role).toBe('MANAGER');
    const created = await app.gql(CREATE_LEAD, { input: leadInput({ name: 'By the manager' }) }, { cookie: manager.cookie });
    expect(created.errors).toBeUndefined();
    const listed = await app.gql(`{ leads(first: 50) { edges { node { name } } } }`, {}, { cookie: manager.cookie });
    expect(listed.data.leads.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('By the manager');
    expect((await app.gql(MEMBERS, {}, { cookie: manager.cookie })).data.teamMembers.length).toBeGreaterThan(2);
  });
});

describe('roles', () => {
  it('changes a member\'s role, in effect on their very next request', async () => {
    const member = await createMember(tenant, 'REP');
    // cached as a rep
    expect(codeOf(await app.gql(`{ apiKeys { id } }`, {}, { cookie: member.cookie }))).toBe('FORBIDDEN');
    const res = await app.gql(CHANGE_ROLE, { id: member.id, role: 'ADMIN' }, { cookie: tenant.adminCookie });
    expect(res.data.changeTeamMemberRole).toEqual({ id: member.id, role: 'ADMIN', active: true });
    expect((await app.gql(`{ apiKeys { id } }`, {}, { cookie: member.cookie })).errors).toBeUndefined();
    await app.gql(CHANGE_ROLE, { id: member.id, role: 'MANAGER' }, { cookie: tenant.adminCookie });
    expect(codeOf(await app.gql(`{ apiKeys { id } }`, {}, { cookie: member.cookie }))).toBe('FORBIDDEN');
  });

  it('never demotes the last active admin (LAST_ADMIN); a deactivated admin does not count, a reactivated one does', async () => {
    const own = await app.createTenant('Lone Admin KG');
    for (const [query, variables] of [
      [CHANGE_ROLE, { id: own.admin.id, role: 'MANAGER' }],
      [CHANGE_ROLE, { id: own.admin.id, role: 'REP' }],
    ] as const) {
      const res = await app.gql(query, variables, { cookie: own.adminCookie });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([{ field: 'id', code: 'LAST_ADMIN', message: expect.stringMatching(/last active admin.*Make another member an admin first/) }]);
    }
    // a second admin deactivates the first and is then the last one
    const second = await createMember(own, 'ADMIN');
    const deactivated = await app.gql(DEACTIVATE, { id: own.admin.id }, { cookie: second.cookie });
    expect(deactivated.data.deactivateTeamMember).toMatchObject({ id: own.admin.id, active: false });
    expect(fieldsOf(await app.gql(CHANGE_ROLE, { id: second.id, role: 'REP' }, { cookie: second.cookie }))[0].code).toBe('LAST_ADMIN');
    // a deactivated admin does not count: reactivated, they count again
    expect((await app.gql(REACTIVATE, { id: own.admin.id }, { cookie: second.cookie })).data.reactivateTeamMember.active).toBe(true);
    expect((await app.gql(CHANGE_ROLE, { id: second.id, role: 'REP' }, { cookie: second.cookie })).data.changeTeamMemberRole.role).toBe('REP');
    const roles = await app.em(own.id).find(User, { role: UserRole.ADMIN, active: true });
    expect(roles.map((u) => u.id)).toEqual([own.admin.id]);
  });

  it('leaves one admin when two admins demote each other at the same moment', async () => {
    const own = await app.createTenant('Race OHG');
    const second = await createMember(own, 'ADMIN');
    const [a, b] = await Promise.all([
      app.gql(CHANGE_ROLE, { id: second.id, role: 'REP' }, { cookie: own.adminCookie }),
      app.gql(CHANGE_ROLE, { id: own.admin.id, role: 'REP' }, { cookie: second.cookie }),
    ]);
    const outcomes = [a, b].map((res) => (res.errors ? fieldsOf(res)?.[0]?.code ?? codeOf(res) : 'ok')).sort();
    // the loser either saw the last admin or had lost its own rights first
    expect(outcomes[1]).toBe('ok');
    expect(['LAST_ADMIN', 'FORBIDDEN']).toContain(outcomes[0]);
    expect(await app.em(own.id).count(User, { role: UserRole.ADMIN, active: true })).toBe(1);
  });

  it('refuses to let an admin deactivate themselves', async () => {
    const own = await app.createTenant('Self KG');
    await createMember(own, 'ADMIN');
    const res = await app.gql(DEACTIVATE, { id: own.admin.id }, { cookie: own.adminCookie });
    expect(fieldsOf(res)).toEqual([{ field: 'id', code: 'NOT_REMOVABLE', message: expect.stringMatching(/another admin can/) }]);
  });
});

describe('tenancy', () => {
  it('never lets an admin change, deactivate or reactivate a member of another tenant: NOT_FOUND, nothing changed', async () => {
    for (const [query, variables] of [
      [CHANGE_ROLE, { id: tenant.rep.id, role: 'ADMIN' }],
      [DEACTIVATE, { id: tenant.rep.id }],
      [REACTIVATE, { id: tenant.rep.id }],
      [DEACTIVATE, { id: 'not-a-uuid' }],
    ] as const) {
      const res = await app.gql(query, variables, { cookie: other.adminCookie });
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
    const rep = await app.em(tenant.id).findOneOrFail(User, { id: tenant.rep.id });
    expect([rep.role, rep.active]).toEqual(['REP', true]);
    expect((await app.gql(`{ me { id } }`, {}, { cookie: tenant.repCookie })).data.me.id).toBe(tenant.rep.id);
  });
});
