import { execute, getIntrospectionQuery, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type GraphQLResolveInfo } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../src/graphql/executor.js';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { CREATE_LEAD, createTestApp, leadInput, type Caller, type TestApp, type TestTenant } from './utils.js';

// HTTP operations run on graphql-js the first time a document comes and compiled (graphql-jit)
// from the second time on: every answer here is asked for three times and must not change. In
// production, as answers then carry no stack traces (which name the engine's functions).

let app: TestApp;
let tenant: TestTenant;
let readKey: string;
let writeKey: string;

beforeAll(async () => {
  app = await createTestApp({ production: true });
  tenant = await app.createTenant('Executor Co');
  readKey = await app.createApiKey(tenant, ApiKeyScope.READ);
  writeKey = await app.createApiKey(tenant, ApiKeyScope.WRITE);
  for (const [i, overrides] of [{ email: null, phone: null }, { budget: 'UNDER_10K', industry: 'RETAIL' }, { urgency: 'NO_TIMELINE', source: 'EVENT' }].entries()) {
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: `Lead ${i}`, ...overrides }) }, { apiKey: writeKey });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await app?.stop();
});

/** The same request three times: the status, data and errors of each answer. */
async function thrice(query: string, variables: Record<string, unknown> | undefined, caller: Caller) {
  const answers = [];
  for (let i = 0; i < 3; i++) {
    const { status, data, errors } = await app.gql(query, variables, caller);
    answers.push({ status, data, errors });
  }
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
  return answers[0];
}

const FULL_PAGE = /* GraphQL */ `
  query FullPage($after: String) {
    leads(first: 2, after: $after) {
      totalCount
      edges { cursor node { id name company email phone budget companySize industry urgency source score tier isKeyAccount
        scoreBreakdown { criterion points maxPoints } modelVersion createdAt updatedAt createdBy { kind id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('compiled execution', () => {
  it('answers a page as graphql-js does: enums, nulls, dates (DateTimeISO), cursors, nested lists', async () => {
    const first = await thrice(FULL_PAGE, {}, { apiKey: readKey });
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    const { leads } = first.data;
    expect(leads.totalCount).toBe(3);
    expect(leads.edges).toHaveLength(2);
    for (const { node } of leads.edges) {
      expect(node.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(node.createdBy).toEqual({ kind: 'API_KEY', id: expect.any(String), name: expect.any(String) });
      expect(node.scoreBreakdown.length).toBeGreaterThan(0);
    }
    const second = await thrice(FULL_PAGE, { after: leads.pageInfo.endCursor }, { apiKey: readKey });
    expect(second.data.leads.edges).toHaveLength(1);
    const nodes = [...leads.edges, ...second.data.leads.edges].map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes.find((node) => node.name === 'Lead 0')).toMatchObject({ email: null, phone: null });
    expect(nodes.find((node) => node.name === 'Lead 1')).toMatchObject({ budget: 'UNDER_10K', industry: 'RETAIL' });
  });

  it('keeps resolver errors as they were: code, fields, path and locations, and no data', async () => {
    const answer = await thrice('{ leads(first: 2000) { edges { cursor } } }', undefined, { apiKey: readKey });
    expect(answer.status).toBe(200);
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      {
        message: 'Invalid input. first: first must be between 1 and 200 (got 2000).',
        locations: [{ line: 1, column: 3 }],
        path: ['leads'],
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first', code: 'OUT_OF_RANGE', message: 'first must be between 1 and 200 (got 2000).' }] },
      },
    ]);
  });

  it('masks an unexpected failure as before: its path, no details', async () => {
    // a real unexpected failure: the column the page statement reads is gone
    await app.em().getConnection().execute('alter table lead rename column company to company_gone');
    try {
      const answer = await thrice('{ leads(first: 1) { edges { node { company } } } }', undefined, { apiKey: readKey });
      expect(answer.errors).toEqual([{ message: 'Internal server error', path: ['leads'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    } finally {
      await app.em().getConnection().execute('alter table lead rename column company_gone to company');
    }
  });

  it('runs the auth guard (a type-graphql middleware) on every compiled operation', async () => {
    const anonymous = await thrice('{ leads(first: 1) { edges { cursor } } }', undefined, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
    const readOnly = await thrice(CREATE_LEAD, { input: leadInput() }, { apiKey: readKey });
    expect(readOnly.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([['FORBIDDEN', ['createLead']]]);
  });

  it('refuses bad variables with graphql-js words and BAD_USER_INPUT (400), every time', async () => {
    const answer = await thrice('query($n: Int!) { leads(first: $n) { edges { cursor } } }', { n: 'ten' }, { apiKey: readKey });
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      { message: 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"', locations: [{ line: 1, column: 7 }], extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('honours @include and @skip on fields, fragments and inline fragments', async () => {
    const query = /* GraphQL */ `
      query($yes: Boolean!, $no: Boolean!) {
        leads(first: 1) {
          edges { cursor @skip(if: $yes) node { id @include(if: $no) ...Names @include(if: $yes) ... on Lead @skip(if: $no) { score } } }
          pageInfo @include(if: $no) { hasNextPage }
        }
      }
      fragment Names on Lead { name company }
    `;
    const on = await thrice(query, { yes: true, no: false }, { apiKey: readKey });
    expect(Object.keys(on.data.leads)).toEqual(['edges']);
    expect(Object.keys(on.data.leads.edges[0])).toEqual(['node']);
    expect(Object.keys(on.data.leads.edges[0].node).sort()).toEqual(['company', 'name', 'score']);
    const off = await thrice(query, { yes: false, no: true }, { apiKey: readKey });
    expect(Object.keys(off.data.leads).sort()).toEqual(['edges', 'pageInfo']);
    expect(Object.keys(off.data.leads.edges[0]).sort()).toEqual(['cursor', 'node']);
    expect(Object.keys(off.data.leads.edges[0].node)).toEqual(['id']);
  });

  it('runs a mutation once per request', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: `Repeat ${i}` }) }, { apiKey: writeKey });
      expect(res.errors).toBeUndefined();
      ids.push(res.data.createLead.id);
    }
    expect(new Set(ids).size).toBe(3);
    const page = await app.gql('{ leads(first: 10, filter: { search: "Repeat" }) { edges { node { name } } } }', undefined, { apiKey: readKey });
    expect(page.data.leads.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(['Repeat 0', 'Repeat 1', 'Repeat 2']);
  });
});

describe('createExecutor', () => {
  // graphql-js gives resolvers a path with the parent's type name; graphql-jit's compiled code does not
  const engines: string[] = [];
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        numbers: {
          type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLInt))),
          args: { upTo: { type: new GraphQLNonNull(GraphQLInt) } },
          resolve: (_root, { upTo }: { upTo: number }, _context, info: GraphQLResolveInfo) => {
            engines.push('typename' in info.path ? 'graphql-js' : 'graphql-jit');
            return Array.from({ length: upTo }, (_, i) => i + 1);
          },
        },
        word: { type: GraphQLString, resolve: () => 'word' },
      },
    }),
  });

  function run(executor: ReturnType<typeof createExecutor>, query: string, variables: Record<string, unknown> = {}) {
    const document = parse(query);
    const operation = document.definitions[0] as never;
    return executor({ document, operation, request: { query, variables }, context: {}, queryHash: query } as never);
  }

  it('compiles a document the second time it runs, and forgets the least recently used beyond its bound', async () => {
    const executor = createExecutor(schema, 2);
    const a = 'query A($n: Int!) { numbers(upTo: $n) }';
    const b = '{ numbers(upTo: 2) word }';
    const c = '{ numbers(upTo: 1) }';
    expect(await run(executor, a, { n: 3 })).toEqual({ data: { numbers: [1, 2, 3] } });
    expect(await run(executor, a, { n: 3 })).toEqual({ data: { numbers: [1, 2, 3] } });
    expect(await run(executor, b)).toEqual({ data: { numbers: [1, 2], word: 'word' } });
    expect(engines.splice(0)).toEqual(['graphql-js', 'graphql-jit', 'graphql-js']);
    // c pushes out a (used before b); a runs once more on graphql-js before it is compiled again
    await run(executor, c);
    await run(executor, a, { n: 1 });
    await run(executor, a, { n: 1 });
    expect(engines.splice(0)).toEqual(['graphql-js', 'graphql-js', 'graphql-jit']);
  });

  it('answers introspection as graphql-js does', async () => {
    const executor = createExecutor(schema);
    const query = getIntrospectionQuery();
    const expected = await execute({ schema, document: parse(query) });
    for (let i = 0; i < 3; i++) expect(await run(executor, query)).toEqual(expected);
  });
});

