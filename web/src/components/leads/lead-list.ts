import type { ApolloClient } from '@apollo/client/core';
import { graphql } from '../../gql';
import type { LeadFilter, LeadsQuery as LeadsQueryResult } from '../../gql/graphql';

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
    ...LeadRow_lead
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

export const PAGE_SIZE = 50;

/** The server's largest page (`leads(first:)` is 1–200). */
export const MAX_PAGE_SIZE = 200;

/**
 * At least `count` rows of the list from the server, fetched in pages of up to MAX_PAGE_SIZE and
 * returned as one page, bypassing the cache: for refreshing a list without losing how far the rep
 * had scrolled.
 */
export async function fetchLeadsUpTo(client: ApolloClient<unknown>, filter: LeadFilter | null | undefined, count: number): Promise<LeadsQueryResult> {
  let result: LeadsQueryResult | undefined;
  let after: string | null | undefined;
  do {
    const loaded = result?.leads.edges.length ?? 0;
    const first = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, count - loaded));
    const { data } = await client.query({ query: LeadsQuery, variables: { first, after, filter }, fetchPolicy: 'no-cache' });
    result = result ? { ...data, leads: { ...data.leads, edges: [...result.leads.edges, ...data.leads.edges] } } : data;
    after = data.leads.pageInfo.endCursor;
  } while (result.leads.edges.length < count && result.leads.pageInfo.hasNextPage);
  return result;
}
