import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory } from 'vue-router';
import AppShell from '../../src/components/app/AppShell.vue';
import type { UserRole } from '../../src/gql/graphql';
import { decideAccess } from '../../src/lib/access';
import { createAppRouter } from '../../src/router';
import { flush, leadsResult, mockClient, mountAt, withScoringModel } from './support';

const settle = async () => {
  for (let i = 0; i < 5; i++) await flush();
};

describe('routes', () => {
  it('maps addresses to pages and back', () => {
    const router = createAppRouter({ history: createMemoryHistory(), role: () => null });
    expect(router.resolve('/').name).toBe('leads');
    expect(router.resolve('/leads').name).toBe('leads');
    expect(router.resolve('/leads/new').name).toBe('newLead');
    expect(router.resolve('/leads/abc-1/')).toMatchObject({ name: 'lead', params: { id: 'abc-1' } });
    expect(router.resolve('/signin').name).toBe('signIn');
    expect(router.resolve('/nope/x').name).toBe('notFound');
    expect(router.resolve({ name: 'lead', params: { id: 'a b' } }).href).toBe('/leads/a%20b');
    expect(router.resolve('/?show=hot&q=anna+berger').query).toEqual({ show: 'hot', q: 'anna berger' });
  });
});

describe('decideAccess', () => {
  it('lets everyone through to a page without a role, and nobody in particular while no one is signed in', () => {
    expect(decideAccess({}, 'REP')).toBe('allow');
    expect(decideAccess({ requiresRole: ['ADMIN'] }, null)).toBe('allow');
    expect(decideAccess({ signIn: true }, null)).toBe('allow');
  });
  it('refuses a role the page does not name, and sends the signed-in away from the sign-in address', () => {
    expect(decideAccess({ requiresRole: ['ADMIN'] }, 'REP')).toBe('forbidden');
    expect(decideAccess({ requiresRole: ['ADMIN'] }, 'ADMIN')).toBe('allow');
    expect(decideAccess({ signIn: true }, 'ADMIN')).toBe('home');
  });
});

// a page for admins only, as the settings and the scoring-model editor will be
const AdminOnly = defineComponent({ setup: () => () => h('p', { 'data-testid': 'admin-page' }, 'for admins') });
const adminRoute = { path: '/test-admin', name: 'testAdmin', component: AdminOnly, meta: { requiresRole: ['ADMIN'] as UserRole[] } };

describe('the role guard', () => {
  const user = (role: UserRole) => ({ __typename: 'User' as const, id: 'u1', name: 'Rita Rep', email: 'rita@demo.test', role, tenant: { __typename: 'Tenant' as const, id: 't1', name: 'Demo' } });
  // the list answers; the live subscription stays open
  const appClient = () => mockClient(withScoringModel((operation) => (operation.operationName === 'Leads' ? leadsResult([]) : new Promise(() => {})))).client;
  const notice = 'That page is not open to your role, so here is the lead list.';

  it('lets an admin open an admin page', async () => {
    const { wrapper, router } = await mountAt('/test-admin', appClient(), { view: AppShell, props: { user: user('ADMIN') }, role: 'ADMIN', routes: [adminRoute] });
    await settle();
    expect(router.currentRoute.value.name).toBe('testAdmin');
    expect(wrapper.find('[data-testid=admin-page]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=route-notice]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('sends a rep to the lead list instead, with a notice that says why', async () => {
    const { wrapper, router } = await mountAt('/', appClient(), { view: AppShell, props: { user: user('REP') }, routes: [adminRoute] });
    await settle();
    expect(wrapper.find('[data-testid=route-notice]').exists()).toBe(false);

    await router.push('/test-admin');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(location.pathname).toBe('/');
    expect(wrapper.find('[data-testid=admin-page]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=route-notice]').text()).toBe(notice);
    expect(wrapper.find('h1').text()).toBe('Leads');

    // the notice belongs to that visit: going on to another page drops it
    await router.push('/leads/new');
    await settle();
    expect(wrapper.find('[data-testid=route-notice]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('checks an address opened before anyone signed in once a rep has, without showing the page', async () => {
    // nobody signed in yet: the guard lets the address through, the sign-in page stands in for it
    const { wrapper, router } = await mountAt('/test-admin', appClient(), { view: AppShell, props: { user: user('REP') }, role: null, routes: [adminRoute] });
    expect(wrapper.find('[data-testid=admin-page]').exists()).toBe(false);
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(wrapper.find('[data-testid=admin-page]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=route-notice]').text()).toBe(notice);
    wrapper.unmount();
  });

  it('leads a signed-in user from the sign-in address to the list', async () => {
    const { wrapper, router } = await mountAt('/signin', appClient(), { view: AppShell, props: { user: user('REP') }, role: null });
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(wrapper.find('[data-testid=route-notice]').exists()).toBe(false);
    wrapper.unmount();
  });
});
