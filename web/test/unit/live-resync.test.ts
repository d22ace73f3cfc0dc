import { describe, expect, it } from 'vitest';
import { defineComponent, h, provide } from 'vue';
import { RouterView } from 'vue-router';
import { createApollo } from '../../src/apollo';
import { LeadsQuery } from '../../src/components/leads/lead-list.documents';
import { PAGE_SIZE } from '../../src/composables/useLeadList';
import { useLiveLeads, type LiveLeads } from '../../src/composables/useLiveLeads';
import { ConnectionKey } from '../../src/injection';
import { LiveLeadsKey } from '../../src/composables/useLiveLeads';
import { leadChangeOf } from '../../src/lib/live-merge';
import { flush, leadNode, leadsResult, mockClient, mountAt, withScoringModel } from './support';

const settle = async () => {
  for (let i = 0; i < 5; i++) await flush();
};

let live: LiveLeads | undefined;
/** The signed-in app's live part: one subscription (as AppShell holds it) and the page of the address. */
const LiveList = defineComponent({
  setup() {
    live = useLiveLeads();
    provide(LiveLeadsKey, live);
    return () => h(RouterView);
  },
});

const leadScored = (event: { reason: string; lead: unknown }) => ({
  data: { leadScored: { __typename: 'LeadScoredEvent', previousScore: null, ...event } },
});

describe('leadChangeOf', () => {
  it('gives the event of a lead, and null for RESYNC', () => {
    const lead = { id: 'a' };
    const created = { reason: 'CREATED' as const, lead };
    expect(leadChangeOf(created)).toBe(created);
    expect(leadChangeOf({ reason: 'UPDATED' as const, lead })).toEqual({ reason: 'UPDATED', lead });
    expect(leadChangeOf({ reason: 'RESYNC' as const, lead: null })).toBeNull();
  });
});

describe('a RESYNC event', () => {
  it('refetches the loaded rows, as after a reconnect, and merges no lead', async () => {
    let server = [leadNode({ name: 'Anna Berger', score: 91, tier: 'HOT' }), leadNode({ name: 'Ben Kraus', score: 60, tier: 'WARM' })];
    let sendEvent!: (result: ReturnType<typeof leadScored>) => void;
    const { client, operations } = mockClient(
      withScoringModel((operation) => {
        if (operation.operationName === 'LeadScored') return new Promise((resolve) => (sendEvent = resolve));
        return leadsResult(server);
      }),
    );
    // the real connection of the app: RESYNC must reach the same listeners as a reconnect
    const { connection } = createApollo({ wsUrl: 'ws://127.0.0.1:9/graphql', httpUri: 'http://127.0.0.1:9/graphql' });
    let reconnectListenerCalls = 0;
    connection.onReconnected(() => reconnectListenerCalls++);
    const { wrapper, reports } = await mountAt('/', client, { view: LiveList, global: { provide: { [ConnectionKey as symbol]: connection } } });
    await settle();
    const leadQueries = () => operations.filter((o) => o.operationName === 'Leads');
    expect(leadQueries()).toHaveLength(1);
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('2 leads');

    // created while the server's LISTEN connection was away: no event for it, only RESYNC
    const missed = leadNode({ name: 'Missed Max', score: 100, tier: 'HOT' });
    server = [missed, ...server];
    sendEvent(leadScored({ reason: 'RESYNC', lead: null }));
    await settle();

    expect(reconnectListenerCalls).toBe(1);
    expect(leadQueries()).toHaveLength(2);
    expect(leadQueries()[1].variables).toMatchObject({ first: PAGE_SIZE });
    const loaded = client.readQuery({ query: LeadsQuery, variables: { first: PAGE_SIZE } })!.leads;
    expect(loaded.edges.map((edge) => edge.node.id)).toEqual(server.map((lead) => lead.id));
    expect(wrapper.find('[data-testid=lead-count]').text()).toBe('3 leads');
    // it came from the refetch, not from an event: nothing is marked new
    expect([...live!.newIds.value]).toEqual([]);
    expect(reports).toEqual([]);
    wrapper.unmount();
  });
});
