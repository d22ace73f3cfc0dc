/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      name\n      role\n      tenantName\n    }\n  }\n": typeof types.DemoAccountsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionUser\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment LeadDetail_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    budget\n    companySize\n    industry\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    modelVersion\n    createdAt\n    updatedAt\n    createdBy {\n      kind\n      id\n      name\n    }\n    ...ScoreBreakdown_lead\n  }\n": typeof types.LeadDetail_LeadFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n": typeof types.LeadDetailDocument,
    "\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    industry\n    budget\n    companySize\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    createdAt\n  }\n": typeof types.LeadRow_LeadFragmentDoc,
    "\n  fragment ScoreBreakdown_lead on Lead {\n    scoreBreakdown {\n      criterion\n      points\n      maxPoints\n    }\n  }\n": typeof types.ScoreBreakdown_LeadFragmentDoc,
    "\n  fragment LeadListItem on Lead {\n    id\n    score\n    tier\n    createdAt\n    industry\n    source\n    name\n    company\n    email\n    ...LeadRow_lead\n  }\n": typeof types.LeadListItemFragmentDoc,
    "\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: SCORE_DESC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadListItem\n        }\n      }\n    }\n  }\n": typeof types.LeadsDocument,
    "\n  mutation ReportClientError($input: ClientErrorInput!) {\n    reportClientError(input: $input)\n  }\n": typeof types.ReportClientErrorDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    createLead(input: $input, idempotencyKey: $idempotencyKey) {\n      ...LeadListItem\n    }\n  }\n": typeof types.CreateLeadDocument,
    "\n  query LeadRules {\n    leadRules {\n      maxTextLength\n      emailPattern\n      phonePattern\n      maxPageSize\n      defaultSource\n      fieldErrorCodes\n    }\n  }\n": typeof types.LeadRulesDocument,
    "\n  subscription LeadScored {\n    leadScored {\n      reason\n      previousScore\n      lead {\n        ...LeadListItem\n      }\n    }\n  }\n": typeof types.LeadScoredDocument,
    "\n  query ScorePreview($input: LeadScoreInput!) {\n    scorePreview(input: $input) {\n      score\n      tier\n      isKeyAccount\n      missing\n      modelVersion\n      breakdown {\n        criterion\n        points\n        maxPoints\n      }\n    }\n  }\n": typeof types.ScorePreviewDocument,
    "\n  query ScoringModel {\n    scoringModel {\n      version\n      tiers {\n        tier\n        minScore\n        isKeyAccount\n      }\n      criteria {\n        criterion\n        maxPoints\n        options {\n          value\n          points\n        }\n      }\n    }\n  }\n": typeof types.ScoringModelDocument,
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    tenant {\n      id\n      name\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      name\n      role\n      tenantName\n    }\n  }\n": types.DemoAccountsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionUser\n    }\n  }\n": types.LoginDocument,
    "\n  fragment LeadDetail_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    budget\n    companySize\n    industry\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    modelVersion\n    createdAt\n    updatedAt\n    createdBy {\n      kind\n      id\n      name\n    }\n    ...ScoreBreakdown_lead\n  }\n": types.LeadDetail_LeadFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n": types.LeadDetailDocument,
    "\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    industry\n    budget\n    companySize\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    createdAt\n  }\n": types.LeadRow_LeadFragmentDoc,
    "\n  fragment ScoreBreakdown_lead on Lead {\n    scoreBreakdown {\n      criterion\n      points\n      maxPoints\n    }\n  }\n": types.ScoreBreakdown_LeadFragmentDoc,
    "\n  fragment LeadListItem on Lead {\n    id\n    score\n    tier\n    createdAt\n    industry\n    source\n    name\n    company\n    email\n    ...LeadRow_lead\n  }\n": types.LeadListItemFragmentDoc,
    "\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: SCORE_DESC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadListItem\n        }\n      }\n    }\n  }\n": types.LeadsDocument,
    "\n  mutation ReportClientError($input: ClientErrorInput!) {\n    reportClientError(input: $input)\n  }\n": types.ReportClientErrorDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    createLead(input: $input, idempotencyKey: $idempotencyKey) {\n      ...LeadListItem\n    }\n  }\n": types.CreateLeadDocument,
    "\n  query LeadRules {\n    leadRules {\n      maxTextLength\n      emailPattern\n      phonePattern\n      maxPageSize\n      defaultSource\n      fieldErrorCodes\n    }\n  }\n": types.LeadRulesDocument,
    "\n  subscription LeadScored {\n    leadScored {\n      reason\n      previousScore\n      lead {\n        ...LeadListItem\n      }\n    }\n  }\n": types.LeadScoredDocument,
    "\n  query ScorePreview($input: LeadScoreInput!) {\n    scorePreview(input: $input) {\n      score\n      tier\n      isKeyAccount\n      missing\n      modelVersion\n      breakdown {\n        criterion\n        points\n        maxPoints\n      }\n    }\n  }\n": types.ScorePreviewDocument,
    "\n  query ScoringModel {\n    scoringModel {\n      version\n      tiers {\n        tier\n        minScore\n        isKeyAccount\n      }\n      criteria {\n        criterion\n        maxPoints\n        options {\n          value\n          points\n        }\n      }\n    }\n  }\n": types.ScoringModelDocument,
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    tenant {\n      id\n      name\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      name\n      role\n      tenantName\n    }\n  }\n"): (typeof documents)["\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      name\n      role\n      tenantName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadDetail_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    budget\n    companySize\n    industry\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    modelVersion\n    createdAt\n    updatedAt\n    createdBy {\n      kind\n      id\n      name\n    }\n    ...ScoreBreakdown_lead\n  }\n"): (typeof documents)["\n  fragment LeadDetail_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    budget\n    companySize\n    industry\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    modelVersion\n    createdAt\n    updatedAt\n    createdBy {\n      kind\n      id\n      name\n    }\n    ...ScoreBreakdown_lead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n"): (typeof documents)["\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    industry\n    budget\n    companySize\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    createdAt\n  }\n"): (typeof documents)["\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    industry\n    budget\n    companySize\n    urgency\n    source\n    score\n    tier\n    isKeyAccount\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoreBreakdown_lead on Lead {\n    scoreBreakdown {\n      criterion\n      points\n      maxPoints\n    }\n  }\n"): (typeof documents)["\n  fragment ScoreBreakdown_lead on Lead {\n    scoreBreakdown {\n      criterion\n      points\n      maxPoints\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadListItem on Lead {\n    id\n    score\n    tier\n    createdAt\n    industry\n    source\n    name\n    company\n    email\n    ...LeadRow_lead\n  }\n"): (typeof documents)["\n  fragment LeadListItem on Lead {\n    id\n    score\n    tier\n    createdAt\n    industry\n    source\n    name\n    company\n    email\n    ...LeadRow_lead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: SCORE_DESC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadListItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: SCORE_DESC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadListItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportClientError($input: ClientErrorInput!) {\n    reportClientError(input: $input)\n  }\n"): (typeof documents)["\n  mutation ReportClientError($input: ClientErrorInput!) {\n    reportClientError(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    createLead(input: $input, idempotencyKey: $idempotencyKey) {\n      ...LeadListItem\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    createLead(input: $input, idempotencyKey: $idempotencyKey) {\n      ...LeadListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadRules {\n    leadRules {\n      maxTextLength\n      emailPattern\n      phonePattern\n      maxPageSize\n      defaultSource\n      fieldErrorCodes\n    }\n  }\n"): (typeof documents)["\n  query LeadRules {\n    leadRules {\n      maxTextLength\n      emailPattern\n      phonePattern\n      maxPageSize\n      defaultSource\n      fieldErrorCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeadScored {\n    leadScored {\n      reason\n      previousScore\n      lead {\n        ...LeadListItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LeadScored {\n    leadScored {\n      reason\n      previousScore\n      lead {\n        ...LeadListItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScorePreview($input: LeadScoreInput!) {\n    scorePreview(input: $input) {\n      score\n      tier\n      isKeyAccount\n      missing\n      modelVersion\n      breakdown {\n        criterion\n        points\n        maxPoints\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScorePreview($input: LeadScoreInput!) {\n    scorePreview(input: $input) {\n      score\n      tier\n      isKeyAccount\n      missing\n      modelVersion\n      breakdown {\n        criterion\n        points\n        maxPoints\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScoringModel {\n    scoringModel {\n      version\n      tiers {\n        tier\n        minScore\n        isKeyAccount\n      }\n      criteria {\n        criterion\n        maxPoints\n        options {\n          value\n          points\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScoringModel {\n    scoringModel {\n      version\n      tiers {\n        tier\n        minScore\n        isKeyAccount\n      }\n      criteria {\n        criterion\n        maxPoints\n        options {\n          value\n          points\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    tenant {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    tenant {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;