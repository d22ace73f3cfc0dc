import { describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { ConnectionKey } from '../../src/injection';
import { initialConnectionState } from '../../src/lib/connection';
import { flush, leadNode, mockClient, mountAt, withScoringModel } from './support';

const settle = async () => {
  for (let i = 0; i < 5; i++) await flush();
};

/** A connection whose "events may have been missed" the test fires itself. */
function controlledConnection() {
  const listeners = new Set<() => void>();
  return {
    connection: { state: shallowRef(initialConnectionState()), onReconnected: (fn: () => void) => (listeners.add(fn), () => listeners.delete(fn)), resync: () => listeners.forEach((fn) => fn()), reset: () => {} },
    missed: () => listeners.forEach((fn) => fn()),
    listening: () => listeners.size,
  };
}

function leadDetailResult(id: string) {
  const { __typename, ...lead } = leadNode({ id, phone: null, modelVersion: 1, updatedAt: '2026-01-10T10:00:00.000Z' });
  return {
    data: {
      lead: {
        __typename,
        ...lead,
        createdBy: { __typename: 'Creator', kind: 'USER', id: 'u1', name: 'Rita Rep' },
        scoreBreakdown: [{ __typename: 'ScoreComponent', criterion: 'BUDGET', points: 30, maxPoints: 30 }],
        contactedAt: null,
        closedAt: null,
        dealValue: null,
        lostReason: null,
        activities: [],
        myFeedback: null,
        feedback: { __typename: 'ScoreFeedbackSummary', accurate: 0, tooHigh: 0, tooLow: 0 },
      },
    },
  };
}

describe('refetch after missed live events', () => {
  it('fetches the open lead and the model again, each page its own data, and stops with the page', async () => {
    const id = '00000000-0000-4000-8000-000000009999';
    const { connection, missed, listening } = controlledConnection();
    const answer = leadDetailResult(id);
    const { client, operations } = mockClient(withScoringModel((operation) => (operation.operationName === 'LeadDetail' ? answer : new Promise(() => {}))));
    const { wrapper, router } = await mountAt(`/leads/${id}`, client, { global: { provide: { [ConnectionKey as symbol]: connection } } });
    await settle();
    expect(wrapper.find('h1').text()).toBe(answer.data.lead.name);
    const count = (name: string) => operations.filter((o) => o.operationName === name).length;
    expect([count('LeadDetail'), count('ScoringModel')]).toEqual([1, 1]);

    missed();
    await settle();
    expect([count('LeadDetail'), count('ScoringModel'), count('Leads')]).toEqual([2, 2, 0]);

    // the page is gone: nothing of it is fetched any more
    await router.push('/nowhere');
    await settle();
    expect(listening()).toBe(0);
    missed();
    await settle();
    expect(count('LeadDetail')).toBe(2);
    wrapper.unmount();
  });
});
