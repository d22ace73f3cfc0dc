import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '../gql';

export const LeadRulesQuery = graphql(`
  query LeadRules {
    leadRules {
      maxTextLength
      emailPattern
      phonePattern
      maxPageSize
      defaultSource
      fieldErrorCodes
    }
  }
`);

/**
 * The rules the server checks leads and lists by, so the form can say what is wrong before sending
 * and a list is fetched in pages the server accepts; the web app keeps no copy of them. Every caller
 * shares one cached answer, fetched once per sign-in; `rules` is null until it has loaded.
 */
export function useLeadRules() {
  const { result } = useQuery(LeadRulesQuery, null, { fetchPolicy: 'cache-first' });
  return { rules: computed(() => result.value?.leadRules ?? null) };
}
