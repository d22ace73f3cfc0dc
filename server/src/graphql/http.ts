import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Context } from '../context.js';
import { corsFor, credentialsFrom } from '../http.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import type { Principal } from '../modules/auth/principal.js';

export interface GraphqlHttpOptions<EM> {
  allowedOrigins: ReadonlySet<string>;
  authenticate(credentials: ReturnType<typeof credentialsFrom>, em: EM): Promise<Principal | null>;
  fork(requestId: string): EM;
  contextFor(principal: Principal | null, requestId: string, em: EM): Context;
}

/** The session cookie: `__Host-` prefixed and Secure over HTTPS (also behind a trusted TLS proxy). */
function cookiesFor(req: Request, res: Response): NonNullable<Context['cookies']> {
  const secure = req.secure;
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const options = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
  return {
    set: (token, maxAge) => void res.cookie(name, token, { ...options, maxAge }),
    clear: () => void res.clearCookie(name, options),
  };
}

/** POST /graphql: CORS for the configured origins, a 100 kB JSON body, then Apollo. */
export function graphqlHttp<EM>(apollo: ApolloServer<Context>, options: GraphqlHttpOptions<EM>): RequestHandler[] {
  return [
    corsFor(options.allowedOrigins),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // one EntityManager per request: it finds the caller (without the tenant filter), then serves the operation
        const em = options.fork(res.locals.requestId);
        const principal = await options.authenticate(credentialsFrom(req.headers), em);
        const context = options.contextFor(principal, res.locals.requestId, em);
        // the socket's address, or X-Forwarded-For from proxies TRUST_PROXY names
        context.clientAddress = req.ip;
        context.cookies = cookiesFor(req, res);
        return context;
      },
    }),
  ];
}
