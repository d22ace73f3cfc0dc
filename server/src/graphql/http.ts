import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cookie from 'cookie';
import express, { type RequestHandler } from 'express';
import type { Context } from '../context.js';
import { applyCors, corsFor, credentialsFrom, errorBody } from '../http.js';
import type { Logger } from '../logger.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import type { Principal } from '../modules/auth/principal.js';

/** Bytes of a JSON body, as `express.json({ limit: '100kb' })` counts them. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface GraphqlHttpOptions<EM> {
  allowedOrigins: ReadonlySet<string>;
  authenticate(credentials: ReturnType<typeof credentialsFrom>, em: EM): Promise<Principal | null>;
  fork(requestId: string): EM;
  contextFor(principal: Principal | null, requestId: string, em: EM): Context;
}

/** The session cookie: `__Host-` prefixed and Secure over HTTPS (also behind a trusted TLS proxy); attributes as Express's `res.cookie` writes them. */
function cookiesFor(res: ServerResponse, secure: boolean): NonNullable<Context['cookies']> {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const options = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
  const append = (value: string) => res.appendHeader('Set-Cookie', value);
  return {
    set: (token, maxAgeMs) => append(cookie.serialize(name, token, { ...options, expires: new Date(Date.now() + maxAgeMs), maxAge: Math.floor(maxAgeMs / 1000) })),
    clear: () => append(cookie.serialize(name, '', { ...options, expires: new Date(1) })),
  };
}

/** One operation's context: its own EntityManager (made on first use) finds the caller if need be (without the tenant filter), then serves the operation. */
async function contextOf<EM>(options: GraphqlHttpOptions<EM>, req: IncomingMessage, res: ServerResponse, requestId: string, client: { address: string; secure: boolean }): Promise<Context> {
  const em = options.fork(requestId);
  const principal = await options.authenticate(credentialsFrom(req.headers), em);
  const context = options.contextFor(principal, requestId, em);
  // the socket's address, or X-Forwarded-For from proxies TRUST_PROXY names
  context.clientAddress = client.address;
  context.cookies = cookiesFor(res, client.secure);
  return context;
}

/**
 * /graphql through Express for what the JSON POST path does not take (GET, OPTIONS, other
 * content types or encodings, paths under /graphql): CORS for the configured origins, a 100 kB
 * JSON body, then Apollo.
 */
export function graphqlHttp<EM>(apollo: ApolloServer<Context>, options: GraphqlHttpOptions<EM>): RequestHandler[] {
  return [
    corsFor(options.allowedOrigins),
    express.json({ limit: BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, {
      context: ({ req, res }) => contextOf(options, req, res, res.locals.requestId, { address: req.ip ?? '', secure: req.secure }),
    }),
  ];
}

/** `application/json`, with no charset or UTF-8: what `express.json()` reads without converting. */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether a request is a plain JSON POST to /graphql, which `graphqlJsonPost` answers. */
export function isGraphqlJsonPost(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return (
    req.method === 'POST' &&
    req.url === '/graphql' &&
    JSON_TYPE.test(req.headers['content-type'] ?? '') &&
    (encoding === undefined || encoding.toLowerCase() === 'identity')
  );
}

type Body = { ok: true; value: unknown } | { ok: false; status: 400 | 413 };

/** The body as JSON: at most `BODY_LIMIT_BYTES`, an object or array (body-parser's strict mode), empty as `{}`. */
function readJson(req: IncomingMessage): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (declared > BODY_LIMIT_BYTES) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      length += chunk.length;
      // the rest is read and dropped by Node once the answer is sent
      if (length > BODY_LIMIT_BYTES) return finish({ ok: false, status: 413 });
      chunks.push(chunk);
    });
    // a client gone before the end of its body gets no answer anyway; the promise must still settle
    req.on('error', () => finish({ ok: false, status: 400 }));
    req.on('close', () => finish({ ok: false, status: 400 }));
    req.on('end', () => {
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8').replace(/^\uFEFF/, '');
      if (!text.trim()) return finish({ ok: true, value: {} });
      const first = text.trimStart()[0];
      if (first !== '{' && first !== '[') return finish({ ok: false, status: 400 });
      try {
        finish({ ok: true, value: JSON.parse(text) });
      } catch {
        finish({ ok: false, status: 400 });
      }
    });
  });
}

export interface GraphqlJsonPostOptions<EM> extends GraphqlHttpOptions<EM> {
  logger: Logger;
}

/**
 * JSON POSTs to /graphql straight from `node:http` to Apollo: nearly every request the app and the
 * partners send. The same answer Express would give (headers, CORS, limits, error bodies, cookies,
 * client address), without its router, body parser and `res.send` (an ETag hashed over every
 * response, which nobody can use on a POST): those cost more CPU than the rest of a page request.
 * The caller has set the request id, security headers and observation.
 */
export function graphqlJsonPost<EM>(apollo: ApolloServer<Context>, options: GraphqlJsonPostOptions<EM>) {
  const send = (res: ServerResponse, status: number, body: string) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  };
  return async (req: IncomingMessage, res: ServerResponse, requestId: string, client: { address: string; secure: boolean }): Promise<void> => {
    try {
      applyCors(req, res, options.allowedOrigins);
      const body = await readJson(req);
      if (!body.ok) return send(res, body.status, errorBody(body.status));
      const headers = new HeaderMap();
      for (const name in req.headers) {
        const value = req.headers[name];
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: body.value },
        context: () => contextOf(options, req, res, requestId, client),
      });
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        // as bytes: Node would otherwise join its header text and the body into one more string
        // of the body's size on the JS heap, and convert that again to write it
        const bytes = Buffer.from(response.body.string);
        res.setHeader('content-length', bytes.length);
        res.end(bytes);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      options.logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) send(res, 500, errorBody(500));
      else res.destroy();
    }
  };
}

