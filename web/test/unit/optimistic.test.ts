import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLeadOptimistically } from '../../src/composables/useLeadDraft';
import { LeadsQuery } from '../../src/components/leads/lead-list.documents';
import type { CreateLeadInput, LeadsQueryVariables } from '../../src/gql/graphql';
import { optimisticLead } from '../../src/lib/optimistic';
import { leadNode, leadsResult, mockClient } from './support';

const input: CreateLeadInput = {
  name: ' Anna Berger ',
  company: 'Isar Software',
  email: '',
  budget: 'OVER_100K',
  companySize: 'SIZE_201_1000',
  industry: 'SOFTWARE',
  urgency: 'IMMEDIATELY',
  source: 'REFERRAL',
};
const preview = { score: 95, tier: 'HOT' as const, isKeyAccount: true };
const variables: LeadsQueryVariables = { first: 50 };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A client with one cached page of leads; createLead waits until the test answers. */
function setup() {
  const answer = deferred<unknown>();
  const { client } = mockClient((operation) => (operation.operationName === 'CreateLead' ? (answer.promise as never) : new Error('unexpected')));
  client.writeQuery({ query: LeadsQuery, variables, data: leadsResult([leadNode({ score: 98, tier: 'HOT' }), leadNode({ score: 60 })]).data as never });
  const rows = () => {
    const data = client.readQuery({ query: LeadsQuery, variables }, true)!;
    return { names: data.leads.edges.map((e) => e.node.name), ids: data.leads.edges.map((e) => e.node.id), total: data.leads.totalCount };
  };
  return { client, answer, rows };
}

describe('optimisticLead', () => {
  it('is the typed values with the previewed score and a temporary id', () => {
    const lead = optimisticLead(input, preview, 'EVENT', new Date('2026-01-01T00:00:00Z'));
    expect(lead).toMatchObject({ name: 'Anna Berger', email: null, source: 'REFERRAL', score: 95, tier: 'HOT', isKeyAccount: true, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(lead.id).toMatch(/^optimistic-/);
    // without a chosen source, the one the server will store
    expect(optimisticLead({ ...input, source: undefined }, preview, 'EVENT').source).toBe('EVENT');
  });
});

describe('createLeadOptimistically', () => {
  it('shows the row at once at its sorted place and replaces it with the server answer', async () => {
    const { client, answer, rows } = setup();
    const saving = createLeadOptimistically(client, variables, input, preview);
    expect(rows().names).toEqual([expect.any(String), 'Anna Berger', expect.any(String)]);
    expect(rows().ids[1]).toMatch(/^optimistic-/);
    expect(rows().total).toBe(3);

    const saved = leadNode({ name: 'Anna Berger', score: 95, tier: 'HOT', isKeyAccount: true, createdAt: new Date().toISOString() });
    answer.resolve({ data: { createLead: saved } });
    await saving;
    expect(rows().ids[1]).toBe(saved.id);
    expect(rows().ids.some((id) => id.startsWith('optimistic-'))).toBe(false);
    expect(rows().total).toBe(3);
  });

  it('rolls the row back when the server refuses, and reports the field errors', async () => {
    const { client, answer, rows } = setup();
    const before = rows();
    const saving = createLeadOptimistically(client, variables, input, preview);
    expect(rows().names).toContain('Anna Berger');

    answer.resolve({
      errors: [new GraphQLError('Invalid input.', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'phone', message: 'Phone may contain digits only.' }] } })],
    });
    await expect(saving).rejects.toMatchObject({ graphQLErrors: [{ extensions: { fields: [{ field: 'phone' }] } }] });
    expect(rows()).toEqual(before);
  });
});
