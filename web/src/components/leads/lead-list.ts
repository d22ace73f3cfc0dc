import { graphql } from '../../gql';

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
