import { afterEach, describe, expect, it, vi } from 'vitest';
import { computed, shallowRef } from 'vue';
import { CurrentUserKey } from '../../src/composables/useCurrentUser';
import { LeadsQuery } from '../../src/components/leads/lead-list.documents';
import { PAGE_SIZE } from '../../src/composables/useLeadList';
import { ConnectionKey } from '../../src/injection';
import { initialConnectionState } from '../../src/lib/connection';
import { flush, leadNode, leadsResult, mockClient, mountAt, scoringModelResult, withScoringModel, type Responder } from './support';

const settle = async () => {
  for (let i = 0; i < 5; i++) await flush();
};

const leadsOnly = (respond: Responder) => mockClient(withScoringModel(respond));
const leadOperations = (operations: Array<{ operationName: string; variables: Record<string, unknown> }>) => operations.filter((o) => o.operationName === 'Leads');

afterEach(() => history.replaceState(null, '', '/'));

describe('LeadsPage states', () => {
  it('shows skeleton rows while loading, not a spinner', async () => {
    const { client } = leadsOnly(() => new Promise(() => {}));
    const { wrapper } = await mountAt('/', client);
    await settle();
    expect(wrapper.find('[data-testid=lead-skeleton]').exists()).toBe(true);
    expect(wrapper.find('[role=table]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows an error with a Retry button that loads again', async () => {
    let calls = 0;
    const { client } = leadsOnly(() => (++calls === 1 ? new Error('Failed to fetch') : leadsResult([leadNode({ name: 'Anna Berger', score: 91, tier: 'HOT' })])));
    const { wrapper } = await mountAt('/', client);
    await settle();
    expect(wrapper.find('[role=alert]').text()).toContain('The leads could not be loaded.');
    const retry = wrapper.findAll('button').find((b) => b.text() === 'Retry')!;
    await retry.trigger('click');
    await settle();
    expect(wrapper.find('[role=alert]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('1 lead');
    wrapper.unmount();
  });

  it('says what to do when there are no leads', async () => {
    const { client } = leadsOnly(() => leadsResult([]));
    const { wrapper } = await mountAt('/', client);
    await settle();
    expect(wrapper.text()).toContain('No leads yet.');
    expect(wrapper.text()).toContain('Create the first one');
    expect(wrapper.findAll('button').map((b) => b.text())).toContain('New lead');
    wrapper.unmount();
  });

  it('offers to clear the filters when a filter matches nothing', async () => {
    const { client, operations } = leadsOnly((operation) => (operation.variables.filter ? leadsResult([]) : leadsResult([leadNode()])));
    const { wrapper } = await mountAt('/', client);
    await settle();
    await wrapper.find('#filter-industry').setValue('EDUCATION');
    await settle();
    expect(leadOperations(operations).at(-1)!.variables.filter).toEqual({ industries: ['EDUCATION'] });
    expect(wrapper.text()).toContain('No leads match these filters.');
    const clear = wrapper.findAll('button').find((b) => b.text() === 'Clear filters')!;
    await clear.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('1 lead');
    wrapper.unmount();
  });

  it('maps quick filters to tiers', async () => {
    const { client, operations } = leadsOnly(() => leadsResult([leadNode()]));
    const { wrapper } = await mountAt('/', client);
    await settle();
    await wrapper.find('input[value=KEY_ACCOUNTS]').setValue(true);
    await settle();
    expect(leadOperations(operations).at(-1)!.variables.filter).toEqual({ tiers: ['HOT', 'KEY_ACCOUNT'] });
    await wrapper.find('input[value=HOT]').setValue(true);
    await settle();
    expect(leadOperations(operations).at(-1)!.variables.filter).toEqual({ tiers: ['HOT'] });
    wrapper.unmount();
  });

  it('labels the quick filters with the thresholds of the server, without numbers until they arrive', async () => {
    let answerModel!: () => void;
    const model = new Promise<ReturnType<typeof scoringModelResult>>((resolve) => (answerModel = () => resolve(scoringModelResult({ hot: 90, keyAccount: 75, warm: 45 }))));
    const { client, operations } = mockClient(withScoringModel(() => leadsResult([leadNode()]), () => model));
    const { wrapper } = await mountAt('/', client);
    await settle();
    const labels = () => wrapper.findAll('fieldset label').map((l) => l.text());
    expect(labels()).toEqual(['All', 'Key accounts', 'Hot']);
    answerModel();
    await settle();
    expect(labels()).toEqual(['All', 'Key accounts ≥ 75', 'Hot ≥ 90']);
    expect(operations.filter((o) => o.operationName === 'ScoringModel')).toHaveLength(1);
    wrapper.unmount();
  });

  it('starts from the filters in the address and keeps them there', async () => {
    const { client, operations } = leadsOnly(() => leadsResult([leadNode()]));
    const { wrapper } = await mountAt('/?show=hot&industry=software&q=anna', client);
    await settle();
    expect(leadOperations(operations)[0].variables.filter).toEqual({ tiers: ['HOT'], industries: ['SOFTWARE'], search: 'anna' });
    expect((wrapper.find('input[value=HOT]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.find('#filter-search').element as HTMLInputElement).value).toBe('anna');

    await wrapper.find('#filter-source').setValue('REFERRAL');
    await settle();
    expect(location.search).toBe('?show=hot&industry=software&source=referral&q=anna');
    await wrapper.find('input[value=ALL]').setValue(true);
    await settle();
    expect(location.search).toBe('?industry=software&source=referral&q=anna');
    wrapper.unmount();
  });

  it('follows the address: a link to the list clears the filters, Back brings them back', async () => {
    const { client, operations } = leadsOnly(() => leadsResult([leadNode()]));
    const { wrapper, router } = await mountAt('/?show=hot&q=anna', client);
    await settle();
    const quick = () => wrapper.findAll<HTMLInputElement>('input[name=quick-filter]').find((input) => input.element.checked)!.element.value;
    expect(quick()).toBe('HOT');

    await router.push('/');
    await settle();
    expect(quick()).toBe('ALL');
    expect((wrapper.find('#filter-search').element as HTMLInputElement).value).toBe('');
    expect(leadOperations(operations).at(-1)!.variables.filter).toBeUndefined();

    router.back();
    await vi.waitFor(() => expect(location.search).toBe('?show=hot&q=anna'));
    await settle();
    expect(quick()).toBe('HOT');
    expect((wrapper.find('#filter-search').element as HTMLInputElement).value).toBe('anna');
    expect(leadOperations(operations).at(-1)!.variables.filter).toEqual({ tiers: ['HOT'], search: 'anna' });
    wrapper.unmount();
  });

  it('opens the new-lead form over the same list, with the filters in its address', async () => {
    const { client, operations } = leadsOnly(() => leadsResult([leadNode()]));
    const { wrapper, router } = await mountAt('/?industry=finance', client);
    await settle();
    const lists = leadOperations(operations).length;
    await wrapper.find('[data-testid=new-lead]').trigger('click');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/leads/new?industry=finance');
    await vi.waitFor(() => expect(wrapper.find('dialog').exists()).toBe(true));
    // the list stayed as it was: not mounted again, not fetched again
    expect(leadOperations(operations)).toHaveLength(lists);
    expect((wrapper.find('#filter-industry').element as HTMLSelectElement).value).toBe('FINANCE');
    wrapper.unmount();
  });

  it("asks for the signed-in rep's open leads in My leads, and keeps the view's own filters out of the address", async () => {
    const { client, operations } = leadsOnly(() => leadsResult([leadNode({ owner: { __typename: 'LeadOwner', id: 'u-ann', name: 'Ann' }, status: 'CONTACTED' })]));
    const user = computed(() => ({ __typename: 'User' as const, id: 'u-ann', name: 'Ann', email: 'ann@example.com', role: 'REP' as const, tenant: { __typename: 'Tenant' as const, id: 't', name: 'T' } }));
    const { wrapper } = await mountAt('/my-leads?industry=finance&owner=unassigned', client, { global: { provide: { [CurrentUserKey as symbol]: user } } });
    await settle();
    expect(leadOperations(operations).at(-1)!.variables.filter).toEqual({ industries: ['FINANCE'], ownerIds: ['u-ann'], statuses: ['NEW', 'CONTACTED', 'QUALIFIED'] });
    expect(wrapper.find('h1').text()).toBe('My leads');
    // the view fixes owner and status: no controls for them, and not in its address
    expect(wrapper.find('#filter-owner').exists()).toBe(false);
    expect(wrapper.find('#filter-status').exists()).toBe(false);
    expect(location.pathname + location.search).toBe('/my-leads?industry=finance');
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('1 lead');
    wrapper.unmount();
  });

  it('filters by status, owner and deadline from the filter bar, into the address', async () => {
    const { client, operations } = leadsOnly((operation) => (operation.operationName === 'OwnerCandidates'
      ? { data: { teamMembers: [{ __typename: 'TeamMember', id: '0f8fad5b-d9cb-469f-a165-70867728950e', name: 'Bob', active: true }] } }
      : leadsResult([leadNode()])));
    const { wrapper } = await mountAt('/', client);
    await settle();
    await wrapper.find('#filter-status').setValue('OPEN');
    await wrapper.find('#filter-owner').setValue('0f8fad5b-d9cb-469f-a165-70867728950e');
    await wrapper.find('[data-testid=filter-breached]').setValue(true);
    await settle();
    expect(leadOperations(operations).at(-1)!.variables.filter).toEqual({
      statuses: ['NEW', 'CONTACTED', 'QUALIFIED'],
      ownerIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
      slaBreached: true,
    });
    expect(location.search).toBe('?status=open&owner=0f8fad5b-d9cb-469f-a165-70867728950e&sla=breached');
    wrapper.unmount();
  });

  it('after a reconnect refetches as many rows as were loaded, not only the first page', async () => {
    const reconnected = new Set<() => void>();
    const connection = { state: shallowRef(initialConnectionState()), onReconnected: (fn: () => void) => (reconnected.add(fn), () => reconnected.delete(fn)), reset: () => {} };
    let all = Array.from({ length: 300 }, (_, i) => leadNode({ score: 99 - Math.floor(i / 4) }));
    let calls = 0;
    const { client, operations } = leadsOnly((operation) => {
      const { first, after } = operation.variables as { first: number; after?: string };
      const from = after ? all.findIndex((n) => `c-${n.id}` === after) + 1 : 0;
      // the rep has scrolled: the first answer stands for the 250 rows loaded so far
      const size = ++calls === 1 ? 250 : first;
      return leadsResult(all.slice(from, from + size), { hasNextPage: from + size < all.length, totalCount: all.length });
    });
    const { wrapper } = await mountAt('/', client, { global: { provide: { [ConnectionKey as symbol]: connection } } });
    await settle();
    const loaded = () => client.readQuery({ query: LeadsQuery, variables: { first: PAGE_SIZE } })!.leads;
    expect(loaded().edges).toHaveLength(250);

    // created while the socket was away: sorts to the top
    const missed = leadNode({ name: 'Missed Max', score: 100, tier: 'HOT' });
    all = [missed, ...all];
    reconnected.forEach((fn) => fn());
    await settle();
    expect(leadOperations(operations).slice(1).map((o) => [o.variables.first, !!o.variables.after])).toEqual([[200, false], [50, true]]);
    expect(loaded().edges).toHaveLength(250);
    expect(loaded().edges[0].node).toMatchObject({ id: missed.id });
    expect(loaded().totalCount).toBe(301);
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('301 leads');
    wrapper.unmount();
  });
});
