import type { ApolloClient } from '@apollo/client/core';
import { graphql } from '../../gql';
import type { CreateLeadInput, CreateLeadMutation, LeadsQueryVariables } from '../../gql/graphql';
import { mergeLeadIntoPage, type ListPage } from '../../lib/live-merge';
import { optimisticLead, type PreviewScore } from '../../lib/optimistic';
import type { LeadFormValues } from '../../lib/validation';
import { LeadsQuery } from './lead-list';

export const CreateLeadMutationDocument = graphql(`
  mutation CreateLead($input: CreateLeadInput!, $idempotencyKey: String) {
    createLead(input: $input, idempotencyKey: $idempotencyKey) {
      ...LeadListItem
    }
  }
`);

/** Form values as the mutation's input; empty optional fields are left out. Call after `validateLeadForm` passed. */
export function toCreateLeadInput(values: LeadFormValues): CreateLeadInput {
  const { budget, companySize, industry, urgency, source } = values;
  if (!budget || !companySize || !industry || !urgency || !source) throw new Error('toCreateLeadInput: the form is incomplete');
  return {
    name: values.name.trim(),
    company: values.company.trim(),
    email: values.email.trim() || undefined,
    phone: values.phone.trim() || undefined,
    budget,
    companySize,
    industry,
    urgency,
    source,
  };
}

/**
 * Saves a lead with an optimistic row in the visible list. Apollo keeps the optimistic row in a
 * separate layer: the server's answer replaces it, and an error drops the layer (the rollback).
 * With an idempotency key (one per submission, see `createSubmissionKeys`) a network failure is
 * retried without storing the lead twice; without one it is not retried. Rejects with the
 * ApolloError when the server refuses or the retries ran out.
 */
export async function createLeadOptimistically(
  client: ApolloClient<unknown>,
  listVariables: LeadsQueryVariables,
  input: CreateLeadInput,
  preview: PreviewScore | null,
  idempotencyKey?: string,
) {
  // masked fragment types hide the fields; the object carries every field the selection asks for
  const optimisticResponse = { createLead: optimisticLead(input, preview) } as unknown as CreateLeadMutation;
  const result = await client.mutate({
    mutation: CreateLeadMutationDocument,
    variables: { input, idempotencyKey },
    optimisticResponse,
    update(cache, { data }) {
      const lead = data?.createLead as unknown as ListPage['edges'][number]['node'] | undefined;
      if (!lead) return;
      cache.updateQuery({ query: LeadsQuery, variables: listVariables }, (current) => {
        if (!current) return current;
        const page = current.leads as unknown as ListPage;
        const merged = mergeLeadIntoPage(page, { __typename: 'LeadEdge', cursor: `new:${lead.id}`, node: lead } as ListPage['edges'][number], listVariables.filter);
        return merged === page ? current : { ...current, leads: merged as unknown as typeof current.leads };
      });
    },
  });
  return result.data?.createLead as unknown as { id: string } | undefined;
}
