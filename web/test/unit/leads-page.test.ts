import { describe, expect, it } from 'vitest';
import LeadsPage from '../../src/components/leads/LeadsPage.vue';
import { flush, leadNode, leadsResult, mockClient, mountWithApp } from './support';

const settle = async () => {
  for (let i = 0; i < 5; i++) await flush();
};

describe('LeadsPage states', () => {
  it('shows skeleton rows while loading, not a spinner', async () => {
    const { client } = mockClient(() => new Promise(() => {}));
    const { wrapper } = mountWithApp(LeadsPage, client);
    await settle();
    expect(wrapper.find('[data-testid=lead-skeleton]').exists()).toBe(true);
    expect(wrapper.find('[role=table]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows an error with a Retry button that loads again', async () => {
    let calls = 0;
    const { client } = mockClient(() => (++calls === 1 ? new Error('Failed to fetch') : leadsResult([leadNode({ name: 'Anna Berger', score: 91, tier: 'HOT' })])));
    const { wrapper } = mountWithApp(LeadsPage, client);
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
    const { client } = mockClient(() => leadsResult([]));
    const { wrapper } = mountWithApp(LeadsPage, client);
    await settle();
    expect(wrapper.text()).toContain('No leads yet.');
    expect(wrapper.text()).toContain('Create the first one');
    expect(wrapper.findAll('button').map((b) => b.text())).toContain('New lead');
    wrapper.unmount();
  });

  it('offers to clear the filters when a filter matches nothing', async () => {
    const { client, operations } = mockClient((operation) => (operation.variables.filter ? leadsResult([]) : leadsResult([leadNode()])));
    const { wrapper } = mountWithApp(LeadsPage, client);
    await settle();
    await wrapper.find('#filter-industry').setValue('EDUCATION');
    await settle();
    expect(operations.at(-1)!.variables.filter).toEqual({ industries: ['EDUCATION'] });
    expect(wrapper.text()).toContain('No leads match these filters.');
    const clear = wrapper.findAll('button').find((b) => b.text() === 'Clear filters')!;
    await clear.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('1 lead');
    wrapper.unmount();
  });

  it('maps quick filters to tiers', async () => {
    const { client, operations } = mockClient(() => leadsResult([leadNode()]));
    const { wrapper } = mountWithApp(LeadsPage, client);
    await settle();
    await wrapper.find('input[value=KEY_ACCOUNTS]').setValue(true);
    await settle();
    expect(operations.at(-1)!.variables.filter).toEqual({ tiers: ['HOT', 'KEY_ACCOUNT'] });
    await wrapper.find('input[value=HOT]').setValue(true);
    await settle();
    expect(operations.at(-1)!.variables.filter).toEqual({ tiers: ['HOT'] });
    wrapper.unmount();
  });
});
