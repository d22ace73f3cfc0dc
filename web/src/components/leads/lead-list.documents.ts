import type { Unmasked } from '@apollo/client/core';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { LeadCard_LeadFragmentDoc, LeadRow_LeadFragmentDoc, type LeadsQuery as LeadsQueryResult } from '../../gql/graphql';

// The lead list's documents, next to the table and the cards that show them; the list, the live stream and the
// new-lead draft all read rows through these.

/**
 * What the list needs of every row: the fields it sorts and filters on (so a live lead can be put at
 * its place without a reload) plus what the row itself shows.
 */
export const LeadListItemFragment = graphql(`
  fragment LeadListItem on Lead {
    id
    score
    tier
    createdAt
    industry
    source
    name
    company
    email
    status
    owner {
      id
      name
    }
    slaBreached
    ...LeadRow_lead
    ...LeadCard_lead
  }
`);

export const LeadsQuery = graphql(`
  query Leads($first: Int!, $after: String, $filter: LeadFilter) {
    leads(first: $first, after: $after, filter: $filter, orderBy: SCORE_DESC) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...LeadListItem
        }
      }
    }
  }
`);

/** The list as Apollo's cache holds it: every field of every row, none hidden behind a fragment. */
export type CachedLeadList = Unmasked<LeadsQueryResult>;

/**
 * A row with all its fields, as the cache holds it, from the masked row an operation returns: read
 * through every fragment a row is made of (the table's row and the phone's card).
 */
export function unmaskListItem(row: FragmentType<typeof LeadListItemFragment>) {
  const item = useFragment(LeadListItemFragment, row);
  return { ...item, ...useFragment(LeadRow_LeadFragmentDoc, item), ...useFragment(LeadCard_LeadFragmentDoc, item) };
}

