import type { Knex } from '@mikro-orm/postgresql';

/** What a pooled connection of knex's PostgreSQL client is: a `pg` client. */
interface DriverConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): Promise<unknown>;
  positionBindings(sql: string): string;
}

/** Texts with `?` placeholders turned into `$n`, for the statements a process runs again and again. */
const MAX_CACHED_TEXTS = 500;
const positional = new Map<string, string>();
let sequence = 0;

function positionalText(client: KnexClient, sql: string): string {
  let text = positional.get(sql);
  if (text === undefined) {
    text = client.positionBindings(sql);
    if (positional.size < MAX_CACHED_TEXTS) positional.set(sql, text);
  }
  return text;
}

/**
 * Runs one statement on a connection of the ORM's pool straight through the `pg` driver, optionally
 * as a named prepared statement. For the hottest statements only (a page of leads, a new lead): knex's runner, raw
 * formatter and query object cost more CPU than everything else such a read does in Node. knex's
 * own `query` and `query-response` / `query-error` events are sent with the same fields, so the
 * statement is timed, traced and counted like every other (observability/database.ts). The
 * connection comes from knex's pool, so the pool's size, timeouts and statement_timeout apply.
 */
export async function driverQuery<T>(knex: Knex, sql: string, values: readonly unknown[], name?: string): Promise<T[]> {
  const client = knex.client as unknown as KnexClient;
  const text = positionalText(client, sql);
  const query = { __knexQueryUid: `driver-${++sequence}`, method: 'raw', sql: text, bindings: values, options: name ? { name } : {} };
  const connection = await client.acquireConnection();
  try {
    knex.emit('query', query);
    const result = await connection.query({ ...(name && { name }), text, values: values as unknown[] });
    knex.emit('query-response', result, query);
    return result.rows as T[];
  } catch (error) {
    knex.emit('query-error', error, query);
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}
