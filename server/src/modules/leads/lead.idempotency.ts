import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, type FieldError } from '../../errors.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { IdempotencyKey, type IdempotentOperation } from './idempotency-key.entity.js';

/** How long a key is honoured; older keys may be removed, and a key found expired acts as new. */
export const IDEMPOTENCY_KEY_HOURS = 24;
export const MAX_IDEMPOTENCY_KEY = 200;

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes retries safe: send a new key (1–200 characters, e.g. a UUID) with each request and the same key with its retries. ' +
  'Within 24 hours, a repeat with the same key and input stores and announces nothing and returns the lead of the first ' +
  'request as it is now. The same key with other input is refused (BAD_USER_INPUT, IDEMPOTENCY_KEY_REUSED). Keys are per ' +
  'tenant; after 24 hours a key may be forgotten and then acts as new.';

// each process removes a tenant's expired keys at most this often, in small batches
const CLEANUP_EVERY_MS = 10 * 60_000;
const CLEANUP_BATCH = 500;

export function validateIdempotencyKey(key: string | null | undefined): FieldError[] {
  if (key == null) return [];
  // PostgreSQL counts characters, not UTF-16 units
  const length = [...key].length;
  if (length === 0) return [{ field: 'idempotencyKey', code: 'REQUIRED', message: 'idempotencyKey must not be empty: leave it out, or send 1–200 characters (a UUID per request is ideal).' }];
  if (length > MAX_IDEMPOTENCY_KEY) return [{ field: 'idempotencyKey', code: 'TOO_LONG', message: `idempotencyKey must be at most ${MAX_IDEMPOTENCY_KEY} characters (got ${length}).` }];
  return [];
}

/** JSON with sorted keys and without undefined members, so equal requests hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Fingerprint of a request as it will be applied (trimmed, defaults filled in), not as it was typed. */
export function requestHash(operation: IdempotentOperation, request: Record<string, unknown>): string {
  return createHash('sha256').update(canonical({ operation, request })).digest('hex');
}

export interface KeyClaim {
  key: string;
  operation: IdempotentOperation;
  hash: string;
  /** the lead this request writes (a new lead's id is chosen before it is stored) */
  leadId: string;
}

function reused(): never {
  throw badUserInput([
    {
      field: 'idempotencyKey',
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: `This idempotencyKey was used for a different request in the last ${IDEMPOTENCY_KEY_HOURS} hours; send a new key with every new request.`,
    },
  ]);
}

/**
 * The claim of a key as one statement, its placeholders given in this order: tenant, key, operation,
 * request hash, lead, hours a key lives. A live key stays as it is (no row returned); a new one is
 * stored and one found expired is taken over (its key returned).
 */
export function claimKeySql([tenant, key, operation, hash, lead, hours]: readonly string[]): string {
  return `insert into idempotency_key (tenant_id, key, operation, request_hash, lead_id, created_at) values (${tenant}, ${key}, ${operation}, ${hash}, ${lead}, now())
       on conflict (tenant_id, key) do update
         set operation = excluded.operation, request_hash = excluded.request_hash, lead_id = excluded.lead_id, created_at = excluded.created_at
         where idempotency_key.created_at < now() - make_interval(hours => ${hours})
       returning key`;
}

/**
 * Call first inside the writing transaction. Returns null when this request owns the key (a new
 * key, or one found expired, which acts as new): go on and write. Otherwise returns the id of the
 * lead the first request wrote, after that request committed: a concurrent request with the same
 * key waits on the primary key until then. Throws IDEMPOTENCY_KEY_REUSED when the key belongs to
 * another request.
 */
export async function claimIdempotencyKey(em: EntityManager, claim: KeyClaim): Promise<string | null> {
  const tenantId = boundTenantId(em);
  // the insert locks a live row it conflicts with; should the row still be gone (its lead deleted), claim again
  for (let attempt = 0; attempt < 3; attempt++) {
    const taken = await em.execute<Array<{ key: string }>>(claimKeySql(['?', '?', '?', '?', '?', '?']), [
      tenantId,
      claim.key,
      claim.operation,
      claim.hash,
      claim.leadId,
      IDEMPOTENCY_KEY_HOURS,
    ]);
    if (taken.length) return null;
    const existing = await em.findOne(IdempotencyKey, { key: claim.key }, { refresh: true });
    if (!existing) continue;
    if (existing.operation !== claim.operation || existing.requestHash !== claim.hash) reused();
    return existing.lead.id;
  }
  throw new Error('idempotency key could not be claimed');
}

const lastCleanup = new Map<string, number>();

/**
 * Removes a batch of the tenant's expired keys, at most every few minutes per process: cheap, and
 * correctness never depends on it (an expired key acts as new either way). Rows in use are skipped.
 */
export async function removeExpiredKeys(em: EntityManager, now = Date.now()): Promise<number> {
  const tenantId = boundTenantId(em);
  if (now - (lastCleanup.get(tenantId) ?? 0) < CLEANUP_EVERY_MS) return 0;
  lastCleanup.set(tenantId, now);
  const removed = await em.execute<Array<{ key: string }>>(
    `delete from idempotency_key where (tenant_id, key) in (
       select tenant_id, key from idempotency_key where tenant_id = ? and created_at < now() - make_interval(hours => ?)
       order by created_at limit ? for update skip locked)
     returning key`,
    [tenantId, IDEMPOTENCY_KEY_HOURS, CLEANUP_BATCH],
  );
  return removed.length;
}
