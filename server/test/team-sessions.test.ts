import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { Session } from '../src/modules/auth/session.entity.js';
import { limitKey } from '../src/modules/rate-limit/rate-limiter.js';
import { CREATE_LEAD, createProbe, createTestApp, leadInput, subscribe, type Probe, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let tenant: TestTenant;
let probe: Probe;

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const CREATE = `mutation($input: CreateTeamMemberInput!) { createTeamMember(input: $input) { initialPassword member { id email } } }`;
const CHANGE_ROLE = `mutation($id: ID!, $role: UserRole!) { changeTeamMemberRole(id: $id, role: $role) { id role } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateTeamMember(id: $id) { id active } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateTeamMember(id: $id) { id active } }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const LEAD_SCORED = `subscription { leadScored { reason lead { id name } } }`;
const ME = `{ me { id role } }`;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Sessions GmbH');
  probe = await createProbe(app, tenant.adminCookie);
});
afterAll(() => app?.stop());

let serial = 0;
async function createMember(role: 'ADMIN' | 'MANAGER' | 'REP') {
  const email = `session-member-${++serial}-${Date.now()}@team.example`;
  const res = await app.gql(CREATE, { input: { name: `Member ${serial}`, email, role } }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  const { member, initialPassword } = res.data.createTeamMember;
  return { id: member.id as string, email, password: initialPassword as string, cookie: await app.login(email, initialPassword) };
}

/** A subscription of `cookie`'s session that is live (the probe's events arrive), and how its socket ends. */
async function liveSocket(cookie: string) {
  const client = app.wsClient({ cookie });
  const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
  const sub = subscribe(client, LEAD_SCORED, undefined, probe);
  await sub.live(probe.touch, probe);
  return { sub, closed };
}

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
const fieldsOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.fields;

describe('deactivateTeamMember', () => {
  it('ends the member\'s sessions at once and closes their open subscription socket with 4403; other sockets keep streaming', async () => {
    const member = await createMember('REP');
    const secondSession = await app.login(member.email, member.password);
    const theirs = await liveSocket(member.cookie);
    const admins = await liveSocket(tenant.adminCookie);
    expect((await app.gql(ME, {}, { cookie: member.cookie })).data.me.id).toBe(member.id);

    const res = await app.gql(DEACTIVATE, { id: member.id }, { cookie: tenant.adminCookie });
    expect(res.data.deactivateTeamMember).toEqual({ id: member.id, active: false });
    expect(await theirs.closed).toBe(4403);
    for (const cookie of [member.cookie, secondSession]) {
      expect(codeOf(await app.gql(`{ leads(first: 1) { totalCount } }`, {}, { cookie }))).toBe('UNAUTHENTICATED');
    }
    expect(await app.em(tenant.id).count(Session, { user: member.id })).toBe(0);

    const later = (await app.gql(CREATE_LEAD, { input: leadInput({ name: 'After the deactivation' }) }, { cookie: tenant.repCookie })).data.createLead;
    await admins.sub.waitFor(1);
    expect(admins.sub.results.map((e) => e.data!.leadScored.lead.id)).toEqual([later.id]);
    expect(theirs.sub.results.map((e) => e.data!.leadScored.lead.id)).not.toContain(later.id);
  });

  it('refuses a deactivated member\'s sign-in exactly like a wrong password, counted by the throttle; reactivated, the old password works again', async () => {
    const member = await createMember('REP');
    await app.gql(DEACTIVATE, { id: member.id }, { cookie: tenant.adminCookie });
    const refused = await app.gql(LOGIN, { e: member.email, p: member.password });
    const wrong = await app.gql(LOGIN, { e: member.email, p: 'not the password' });
    expect(refused.errors).toEqual(wrong.errors);
    expect(refused.errors![0]).toMatchObject({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(refused.headers.get('set-cookie')).toBeNull();
    for (let i = 2; i < 10; i++) await app.gql(LOGIN, { e: member.email, p: member.password });
    expect(codeOf(await app.gql(LOGIN, { e: member.email, p: member.password }))).toBe('RATE_LIMITED');

    const reactivated = await app.gql(REACTIVATE, { id: member.id }, { cookie: tenant.adminCookie });
    expect(reactivated.data.reactivateTeamMember).toEqual({ id: member.id, active: true });
    // still throttled: the failures were counted, reactivation does not wipe them
    expect(codeOf(await app.gql(LOGIN, { e: member.email, p: member.password }))).toBe('RATE_LIMITED');
    await app.em().getConnection().execute('delete from rate_limit where key = ?', [limitKey(`email:${member.email}`)]);
    expect((await app.gql(LOGIN, { e: member.email, p: member.password })).errors).toBeUndefined();
  });

  it('closes a deactivated member\'s socket even when the notice was never sent (the credential sweep)', async () => {
    const own = await createTestApp({ databaseUrl: app.databaseUrl, live: { credentialSweepMs: 200 } });
    try {
      const member = await createMember('REP');
      const client = own.wsClient({ cookie: member.cookie });
      const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
      const ownProbe = await createProbe(own, tenant.adminCookie);
      const sub = subscribe(client, LEAD_SCORED, undefined, ownProbe);
      await sub.live(ownProbe.touch, ownProbe);
      // behind the app's back: no session deleted, no notice
      await own.em().getConnection().execute(`update app_user set active = false where id = ?`, [member.id]);
      expect(await closed).toBe(4403);
    } finally {
      await own.stop();
    }
  });
});

describe('changeTeamMemberRole', () => {
  it('reconnects the member\'s open socket (4000, not 4403) so it carries the new role; the session stays', async () => {
    const member = await createMember('REP');
    const theirs = await liveSocket(member.cookie);
    await app.gql(CHANGE_ROLE, { id: member.id, role: 'MANAGER' }, { cookie: tenant.adminCookie });
    expect(await theirs.closed).toBe(4000);
    expect((await app.gql(ME, {}, { cookie: member.cookie })).data.me).toEqual({ id: member.id, role: 'MANAGER' });
    const again = await liveSocket(member.cookie);
    expect(again.sub.closed).toBeNull();
  });
});

describe('changePassword', () => {
  it('sets a new password, ends the user\'s other sessions and their sockets, and keeps this one', async () => {
    const member = await createMember('REP');
    const other = await app.login(member.email, member.password);
    const othersSocket = await liveSocket(other);
    const ownSocket = await liveSocket(member.cookie);

    const res = await app.gql(CHANGE_PASSWORD, { c: member.password, n: 'a much better secret' }, { cookie: member.cookie });
    expect(res.data).toEqual({ changePassword: true });
    expect(await othersSocket.closed).toBe(4403);
    expect(codeOf(await app.gql(`{ leads(first: 1) { totalCount } }`, {}, { cookie: other }))).toBe('UNAUTHENTICATED');
    expect((await app.gql(ME, {}, { cookie: member.cookie })).data.me.id).toBe(member.id);
    expect(codeOf(await app.gql(LOGIN, { e: member.email, p: member.password }))).toBe('UNAUTHENTICATED');
    expect((await app.gql(LOGIN, { e: member.email, p: 'a much better secret' })).errors).toBeUndefined();

    const later = (await app.gql(CREATE_LEAD, { input: leadInput({ name: 'After the new password' }) }, { cookie: member.cookie })).data.createLead;
    await ownSocket.sub.waitFor(1);
    expect(ownSocket.sub.results.map((e) => e.data!.leadScored.lead.id)).toEqual([later.id]);
    expect(ownSocket.sub.closed).toBeNull();
  });

  it('refuses a wrong current password and a short new one, field by field, changing nothing', async () => {
    const member = await createMember('REP');
    const wrong = await app.gql(CHANGE_PASSWORD, { c: 'wrong', n: 'short' }, { cookie: member.cookie });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong).map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['currentPassword', 'WRONG_PASSWORD'],
      ['newPassword', 'TOO_SHORT'],
    ]);
    const short = await app.gql(CHANGE_PASSWORD, { c: member.password, n: '1234567' }, { cookie: member.cookie });
    expect(fieldsOf(short)).toEqual([{ field: 'newPassword', code: 'TOO_SHORT', message: 'Choose a password of at least 8 characters.' }]);
    expect((await app.gql(LOGIN, { e: member.email, p: member.password })).errors).toBeUndefined();
  });

  it('counts wrong current passwords like failed sign-ins, so a stolen session cannot guess freely', async () => {
    const member = await createMember('REP');
    for (let i = 0; i < 10; i++) {
      expect(fieldsOf(await app.gql(CHANGE_PASSWORD, { c: `guess ${i}`, n: 'new password 1' }, { cookie: member.cookie }))[0].code).toBe('WRONG_PASSWORD');
    }
    expect(codeOf(await app.gql(CHANGE_PASSWORD, { c: member.password, n: 'new password 1' }, { cookie: member.cookie }))).toBe('RATE_LIMITED');
  });

  it('is refused to API keys with FORBIDDEN', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.WRITE);
    expect(codeOf(await app.gql(CHANGE_PASSWORD, { c: 'x', n: 'yyyyyyyyyy' }, { apiKey: key }))).toBe('FORBIDDEN');
  });
});
