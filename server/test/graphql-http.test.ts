import 'reflect-metadata';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../src/graphql/http.js';
import { createTestApp, type TestApp } from './utils.js';

// JSON POSTs to /graphql skip Express (graphql/http.ts); `/graphql/` still goes through Express to
// the same Apollo server, so every answer of the direct path can be held against Express's.
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ production: true, allowedOrigins: ['https://partner.example'] });
});
afterAll(async () => {
  await app?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A raw request, so the body can be chunked, oversized or not JSON at all. */
function post(path: string, body: string | Buffer[], headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (typeof body === 'string') req.end(body);
    else {
      // no content-length: chunked transfer, the limit is counted as the bytes arrive
      for (const chunk of body) req.write(chunk);
      req.end();
    }
  });
}

/** What must be equal between the two paths: everything but the per-request id, the date and Express's ETag. */
function comparable({ status, headers, body }: Answer) {
  const { date: _date, 'x-request-id': _id, etag: _etag, connection: _c, 'keep-alive': _k, ...rest } = headers;
  return { status, headers: rest, body };
}

async function bothPaths(body: string | (() => Buffer[]), headers: Record<string, string> = {}) {
  const make = () => (typeof body === 'string' ? body : body());
  const direct = await post('/graphql', make(), headers);
  const viaExpress = await post('/graphql/', make(), headers);
  expect(comparable(direct)).toEqual(comparable(viaExpress));
  // Express hashes every answer into an ETag; nobody can use one on a POST
  expect(direct.headers.etag).toBeUndefined();
  return direct;
}

describe('JSON POSTs to /graphql', () => {
  it('answer a query exactly as through Express, with the same headers', async () => {
    const answer = await bothPaths('{"query":"{ __typename }"}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answer errors of the operation the same way (unauthenticated, invalid document)', async () => {
    const unauthenticated = await bothPaths('{"query":"{ leads(first: 1) { edges { cursor } } }"}');
    expect(JSON.parse(unauthenticated.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const invalid = await bothPaths('{"query":"{ nope }"}');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuse a body that is not JSON, or JSON but not an object, with 400 BAD_REQUEST', async () => {
    for (const body of ['{"query": ', 'not json', '"a string"', '42']) {
      const answer = await bothPaths(body);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: 'The request could not be read as JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('treat an empty body as Express does: Apollo asks for a query', async () => {
    const answer = await bothPaths('');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/POST body missing/);
  });

  it('refuse a body over 100 kB with 413, whether its length is declared or it arrives in chunks', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } });
    const declared = await bothPaths(big);
    const chunked = await bothPaths(() => Array.from({ length: 11 }, () => Buffer.alloc(10 * 1024, 0x20)));
    for (const answer of [declared, chunked]) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: 'The request body is too large (at most 100 kB).', extensions: { code: 'BAD_REQUEST' } }] });
    }
    // exactly at the limit is read (and is then a query without a document)
    const atLimit = await bothPaths(`{"x":"${'y'.repeat(BODY_LIMIT_BYTES - 8)}"}`);
    expect(atLimit.status).toBe(400);
    expect(atLimit.body).toMatch(/POST body missing|must contain a non-empty `query`/);
  });

  it('send CORS headers to configured origins only', async () => {
    const allowed = await bothPaths('{"query":"{ __typename }"}', { origin: 'https://partner.example' });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await bothPaths('{"query":"{ __typename }"}', { origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leave other content types to Express and Apollo\'s CSRF rule', async () => {
    const text = await post('/graphql', '{"query":"{ __typename }"}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.body).toMatch(/CSRF/);
    // a charset other than UTF-8 is body-parser's to refuse
    const latin1 = await post('/graphql', '{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
  });
});
