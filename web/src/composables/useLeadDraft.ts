import type { ApolloClient } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { inject, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { graphql, useFragment } from '../gql';
import type { CreateLeadInput, LeadsQueryVariables } from '../gql/graphql';
import { LiveLeadsKey } from './useLiveLeads';
import { createSubmissionKeys } from '../lib/idempotency';
import { mergeLeadIntoPage } from '../lib/live-merge';
import { optimisticLead, type PreviewScore } from '../lib/optimistic';
import { emptyLeadForm, serverFieldErrors, type FieldErrors, type LeadFormValues } from '../lib/validation';
import { LeadListItemFragment, LeadsQuery } from '../components/leads/lead-list.documents';
import { LeadRulesQuery } from './useLeadRules';
import { previewFor } from './useScorePreview';

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
  // without a source and without the server's rules nobody knows the row's source: no early row then
  const defaultSource = input.source ?? client.readQuery({ query: LeadRulesQuery })?.leadRules.defaultSource;
  const result = await client.mutate({
    mutation: CreateLeadMutationDocument,
    variables: { input, idempotencyKey },
    // typed as the cache holds it: the compiler checks the row has every field the list and its rows ask for
    optimisticResponse: defaultSource ? { createLead: optimisticLead(input, preview, defaultSource) } : undefined,
    update(cache, { data }) {
      const node = data?.createLead;
      if (!node) return;
      cache.updateQuery({ query: LeadsQuery, variables: listVariables }, (current) => {
        if (!current) return;
        const leads = mergeLeadIntoPage(current.leads, { __typename: 'LeadEdge', cursor: `new:${node.id}`, node }, listVariables.filter);
        if (leads !== current.leads) return { ...current, leads };
      });
    },
  });
  return useFragment(LeadListItemFragment, result.data?.createLead);
}

export interface LeadDraftOptions {
  /** The list the new row shows up in at once */
  listVariables(): LeadsQueryVariables;
  /** Close the form while the lead is saved */
  close(): void;
  /** Open the form again after the server refused the lead */
  reopen(): void;
}

/**
 * The new lead the rep is writing. The draft outlives the form, so a refused save reopens it with
 * everything the rep typed and the server's reasons next to the fields.
 */
export function useLeadDraft(options: LeadDraftOptions) {
  const { t } = useI18n();
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params ?? {});
  const { resolveClient } = useApolloClient();
  const live = inject(LiveLeadsKey, null);
  const draft = ref(emptyLeadForm());
  const errors = ref<FieldErrors>({});
  const refusal = ref<string | null>(null);
  // saving the same values again after a failure reuses the key: the lead is stored at most once
  const submissionKeys = createSubmissionKeys();

  async function save() {
    const client = resolveClient();
    const input = toCreateLeadInput(draft.value);
    const idempotencyKey = submissionKeys.keyFor(input);
    const preview = await previewFor(client, draft.value);
    options.close();
    try {
      const created = await createLeadOptimistically(client, options.listVariables(), input, preview, idempotencyKey);
      submissionKeys.settled();
      if (created) live?.markNew(created.id);
      draft.value = emptyLeadForm();
      errors.value = {};
      refusal.value = null;
    } catch (failure) {
      const graphQLErrors = (failure as { graphQLErrors?: [] }).graphQLErrors;
      // refused: nothing was stored. Otherwise (the network failed) it may have been: keep the key
      if (graphQLErrors?.length) submissionKeys.settled();
      const { fields, general } = serverFieldErrors(graphQLErrors, translate);
      errors.value = fields;
      refusal.value = general.length ? general.join(' ') : t('form.refusedHint');
      options.reopen();
    }
  }

  return { draft, errors, refusal, save };
}
