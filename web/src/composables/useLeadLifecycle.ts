import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { graphql } from '../gql';
import type { LeadStatusInput, ScoreFeedback } from '../gql/graphql';
import { errorText } from '../lib/validation';

// Every change answers with the lead as stored: the list row, the status panel, the verdicts and
// the timeline all read it from the cache, so one answer updates every view of the lead.
const ChangeLeadStatusMutation = graphql(`
  mutation ChangeLeadStatus($id: ID!, $input: LeadStatusInput!) {
    changeLeadStatus(id: $id, input: $input) {
      id
      ...LeadListItem
      ...LeadWork_lead
      ...LeadTimeline_lead
    }
  }
`);

const AssignLeadMutation = graphql(`
  mutation AssignLead($id: ID!, $ownerId: ID) {
    assignLead(id: $id, ownerId: $ownerId) {
      id
      ...LeadListItem
      ...LeadWork_lead
      ...LeadTimeline_lead
    }
  }
`);

const RateLeadScoreMutation = graphql(`
  mutation RateLeadScore($id: ID!, $input: ScoreFeedbackInput!) {
    rateLeadScore(id: $id, input: $input) {
      id
      ...LeadFeedback_lead
      ...LeadTimeline_lead
    }
  }
`);

const OwnerCandidatesQuery = graphql(`
  query OwnerCandidates {
    teamMembers {
      id
      name
      active
    }
  }
`);

/**
 * Working a lead: move its status, give it an owner, rate its score. Each returns whether the server
 * took it; `error` says why not, in the rep's language.
 */
export function useLeadLifecycle(leadId: () => string) {
  const { t } = useI18n();
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params ?? {});
  const error = ref<string | null>(null);
  const status = useMutation(ChangeLeadStatusMutation);
  const assign = useMutation(AssignLeadMutation);
  const rate = useMutation(RateLeadScoreMutation);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    error.value = null;
    try {
      await action();
      return true;
    } catch (failure) {
      error.value = errorText(failure as Error, translate);
      return false;
    }
  }

  return {
    error,
    busy: computed(() => status.loading.value || assign.loading.value || rate.loading.value),
    changeStatus: (input: LeadStatusInput) => run(() => status.mutate({ id: leadId(), input })),
    assign: (ownerId: string | null) => run(() => assign.mutate({ id: leadId(), ownerId })),
    rate: (verdict: ScoreFeedback, comment?: string) => run(() => rate.mutate({ id: leadId(), input: { verdict, comment: comment?.trim() || undefined } })),
  };
}

/** Who a lead can be given to: the active members of the team, by name. */
export function useOwnerCandidates() {
  const { result, loading, error } = useQuery(OwnerCandidatesQuery, null, { fetchPolicy: 'cache-and-network' });
  const members = computed(() =>
    (result.value?.teamMembers ?? []).filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name)),
  );
  return { members, loading, error };
}
