import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import type { Principal } from './modules/auth/principal.js';
import type { LoginThrottle } from './modules/auth/login-throttle.js';
import type { PrincipalCache } from './modules/auth/principal-cache.js';

export interface Context {
  /** forked per operation; its tenant filter is bound to the principal's tenant */
  em: EntityManager;
  principal: Principal | null;
  requestId: string;
  /** carries the request id into every line */
  logger: Logger;
  /** the server runs with the seeded demo tenants */
  demoMode: boolean;
  /** verified credentials of this process; logout and revocation evict from it */
  principals: PrincipalCache;
  /** sign-in attempts, counted in PostgreSQL for every process */
  loginThrottle: LoginThrottle;
  /** HTTP only: the client's address (behind trusted proxies, from X-Forwarded-For) */
  clientAddress?: string;
  /** HTTP only: lets login and logout set the session cookie */
  cookies?: {
    set(token: string, maxAgeMs: number): void;
    clear(): void;
  };
}
