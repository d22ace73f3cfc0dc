import { ApolloClient, ApolloLink, Observable, from, type FetchResult, type Operation } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createCache } from '../../src/apollo';
import { createLeadOptimistically } from '../../src/composables/useLeadDraft';
import { LeadsQuery } from '../../src/components/leads/lead-list.documents';
import type { CreateLeadInput, LeadsQueryVariables } from '../../src/gql/graphql';
import { createSubmissionKeys, idempotentRetryLink, isRetryableFailure, MAX_ATTEMPTS, newKey, retryDelay, shouldRetry } from '../../src/lib/idempotency';
import { flush, leadNode, leadsResult } from './support';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const input: CreateLeadInput = { name: 'Anna Berger', company: 'Isar Software', budget: 'OVER_100K', companySize: 'SIZE_201_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY', source: 'REFERRAL' };
const variables: LeadsQueryVariables = { first: 50 };
const serverError = (statusCode: number) => Object.assign(new Error(`Response not successful: Received status code ${statusCode}`), { name: 'ServerError', statusCode });
const networkError = () => new TypeError('Failed to fetch');

describe('createSubmissionKeys', () => {
  let n = 0;
  const keys = () => createSubmissionKeys(() => `key-${++n}`);

  it('keeps the key while the same values are sent again, and makes a new one when they change', () => {
    const submission = keys();
    const first = submission.keyFor({ ...input });
    expect(submission.keyFor({ ...input })).toBe(first);
    const edited = submission.keyFor({ ...input, name: 'Anna Bergmann' });
    expect(edited).not.toBe(first);
    // back to the first values: a new submission all the same
    expect(submission.keyFor({ ...input })).not.toBe(first);
  });

  it('starts over once the server has answered, so an identical next lead is not a repeat', () => {
    const submission = keys();
    const first = submission.keyFor(input);
    submission.settled();
    expect(submission.keyFor(input)).not.toBe(first);
  });
});

describe('newKey', () => {
  const original = crypto.randomUUID;
  afterEach(() => Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true, writable: true }));

  it('is a v4 UUID, also where crypto.randomUUID is missing (plain http)', () => {
    expect(newKey()).toMatch(UUID_V4);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    expect(crypto.randomUUID).toBeUndefined();
    const keys = new Set(Array.from({ length: 50 }, newKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });
});

describe('retry policy', () => {
  it.each([
    ['a failed fetch (no answer)', networkError(), true],
    ['503 (database unavailable)', serverError(503), true],
    ['502 from a proxy', serverError(502), true],
    ['504 from a proxy', serverError(504), true],
    ['400 (refused request)', serverError(400), false],
    ['401 (signed out)', serverError(401), false],
    ['413 (too large)', serverError(413), false],
    ['500', serverError(500), false],
    ['an abort', Object.assign(new Error('aborted'), { name: 'AbortError' }), false],
  ])('%s: retry = %s', (_label, error, expected) => {
    expect(isRetryableFailure(error)).toBe(expected);
  });

  it('retries only requests carrying an idempotency key, at most MAX_ATTEMPTS tries in all', () => {
    expect(shouldRetry(1, { variables: { input } }, networkError())).toBe(false);
    expect(shouldRetry(1, { variables: { input, idempotencyKey: '' } }, networkError())).toBe(false);
    const keyed = { variables: { input, idempotencyKey: 'k' } };
    expect(Array.from({ length: MAX_ATTEMPTS }, (_, i) => shouldRetry(i + 1, keyed, networkError()))).toEqual([true, true, true, false]);
  });

  it('backs off exponentially up to 4 s, with jitter of a quarter either way', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, () => 0.5))).toEqual([400, 800, 1600, 3200, 4000]);
    expect(retryDelay(1, () => 0)).toBe(300);
    expect(retryDelay(1, () => 1)).toBe(500);
  });
});

/** A client behind the retry link whose network answers each try from `tries` in turn. */
function clientWithNetwork(tries: Array<() => FetchResult | Error | Promise<FetchResult | Error>>) {
  const sent: Operation[] = [];
  const network = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        const answer = tries[sent.length] ?? tries.at(-1)!;
        sent.push(operation);
        void Promise.resolve(answer()).then((result) => {
          if (result instanceof Error) return observer.error(result);
          observer.next(result);
          observer.complete();
        });
      }),
  );
  const client = new ApolloClient({ link: from([idempotentRetryLink(() => 0), network]), cache: createCache() });
  client.writeQuery({ query: LeadsQuery, variables, data: leadsResult([leadNode({ score: 98, tier: 'HOT' })]).data as never });
  const names = () => client.readQuery({ query: LeadsQuery, variables }, true)!.leads.edges.map((e) => e.node.name);
  return { client, sent, names };
}

describe('createLeadOptimistically with an idempotency key', () => {
  it('retries network failures with the same key, keeping the optimistic row until the answer', async () => {
    let answer!: (result: FetchResult) => void;
    const saved = leadNode({ name: 'Anna Berger', score: 95, tier: 'HOT' });
    const { client, sent, names } = clientWithNetwork([networkError, () => serverError(503), () => new Promise((resolve) => (answer = resolve))]);
    const saving = createLeadOptimistically(client, variables, input, null, 'submission-1');
    while (sent.length < 3) await flush();
    expect(names()).toContain('Anna Berger');
    answer({ data: { createLead: saved } });
    expect(await saving).toMatchObject({ id: saved.id });
    expect(sent.map((operation) => operation.variables.idempotencyKey)).toEqual(['submission-1', 'submission-1', 'submission-1']);
  });

  it('does not retry a refusal', async () => {
    const refusal = { errors: [new GraphQLError('Invalid input.', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'name', code: 'REQUIRED' }] } })] };
    const { client, sent } = clientWithNetwork([() => refusal]);
    await expect(createLeadOptimistically(client, variables, input, null, 'submission-2')).rejects.toMatchObject({ graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(sent).toHaveLength(1);
  });

  it('gives up after MAX_ATTEMPTS tries and rolls the row back', async () => {
    const { client, sent, names } = clientWithNetwork([networkError]);
    const before = names();
    await expect(createLeadOptimistically(client, variables, input, null, 'submission-3')).rejects.toMatchObject({ networkError: { message: 'Failed to fetch' } });
    expect(sent).toHaveLength(MAX_ATTEMPTS);
    expect(names()).toEqual(before);
  });

  it('never retries without a key', async () => {
    const { client, sent } = clientWithNetwork([networkError]);
    await expect(createLeadOptimistically(client, variables, input, null)).rejects.toBeDefined();
    expect(sent).toHaveLength(1);
  });
});
