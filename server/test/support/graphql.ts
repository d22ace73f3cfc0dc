export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  headers: Headers;
}

export interface Caller {
  cookie?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller) => Promise<GraphQLResponse<T>>;

/** One GraphQL request over HTTP to the server at `url`; a body that is not JSON becomes an error. */
export async function gqlAt<T = any>(url: string, query: string, variables?: Record<string, unknown>, caller: Caller = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...caller.headers };
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.apiKey) headers.authorization = `Bearer ${caller.apiKey}`;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: any = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
}

export const CREATE_LEAD = /* GraphQL */ `
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) { id name company email phone budget companySize industry urgency source score tier isKeyAccount modelVersion
      scoreBreakdown { criterion points maxPoints } createdAt updatedAt createdBy { kind id name } }
  }
`;

/** A valid CreateLeadInput (a HOT key account as given); `overrides` replace single fields. */
export function leadInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Grace Hopper',
    company: 'Compilers Inc',
    email: 'grace@compilers.example',
    phone: '+1 555 0100',
    budget: 'OVER_100K',
    companySize: 'SIZE_51_200',
    industry: 'SOFTWARE',
    urgency: 'THIS_WEEK',
    source: 'REFERRAL',
    ...overrides,
  };
}
