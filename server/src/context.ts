import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import type { Principal } from './modules/auth/principal.js';

/** An EntityManager made on first use (see app.ts's fork): the same one on every call. */
export type LazyEntityManager = () => EntityManager;

/** One operation's state. What lives as long as the app reaches resolvers through their constructors (see schema.ts). */
export interface Context {
  /** forked per operation; its tenant filter is bound to the principal's tenant */
  em: EntityManager;
  principal: Principal | null;
  requestId: string;
  /** carries the request id into every line */
  logger: Logger;
  /** HTTP only: the client's address (behind trusted proxies, from X-Forwarded-For) */
  clientAddress?: string;
  /** HTTP only: lets login and logout set the session cookie */
  cookies?: {
    set(token: string, maxAgeMs: number): void;
    clear(): void;
  };
}
