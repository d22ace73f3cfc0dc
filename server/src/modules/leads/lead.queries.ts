import type { EntityManager } from '@mikro-orm/postgresql';
import { driverQuery } from '../../db/driver-query.js';
import { badUserInput } from '../../errors.js';
import { isUuid } from '../../kernel/ids.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { slaBreachedSql, tenantSlaRelation } from '../lifecycle/sla.sql.js';
import { decodeCursor, encodeCursor, type Cursor } from './lead.cursor.js';
import type { LeadFilter, LeadsArgs } from './lead.inputs.js';
import { leadTable, rowToLeadNode, type LeadProperty, type LeadRecord, type LeadTable } from './lead.mapping.js';
import { LeadConnection, LeadOrder, type LeadNode } from './lead.types.js';
import { validateLeadsArgs } from './lead.validation.js';

/**
 * The sort key of each order, all descending; the last property makes it unique, so keyset pages
 * neither repeat nor skip a row. Clients that sort live rows themselves follow the same keys
 * (test/cases/lead-list.json holds the cases both sides are checked against).
 */
const SORT_KEY: Record<LeadOrder, readonly LeadProperty[]> = {
  [LeadOrder.SCORE_DESC]: ['score', 'createdAt', 'id'],
  [LeadOrder.CREATED_DESC]: ['createdAt', 'id'],
};

/** Distinct list statements a process prepares; clients choose fields and filters, so shapes beyond these run unprepared. */
const MAX_PREPARED_STATEMENTS = 100;
/** PostgreSQL refuses a prepared statement whose result columns changed type since it was prepared. */
const CACHED_PLAN_CHANGED = '0A000';
/** Name of each statement text; null once its table changed under it (see `LeadQueries.rows`). */
const statementNames = new Map<string, string | null>();

/** A stable name per statement text, so PostgreSQL parses and plans each shape once per connection. */
function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `lead_list_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name ?? undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `from` and `where` clauses and their parameters for a filter, always scoped to one tenant. Lists
 * are ANDed, values within a list ORed, an empty list filters nothing; search is trimmed, and
 * matches name, company or email as a substring, ignoring case. `unassigned: true` adds the
 * unassigned leads to those of `ownerIds` (alone: only them); `unassigned: false` keeps assigned ones.
 * `slaBreached` joins the tenant's SLA minutes once (one row) and derives the breach per lead.
 */
function whereClause(table: LeadTable, tenantId: string, filter: LeadFilter | null | undefined): { from: string; sql: string; params: unknown[] } {
  let from = table.name;
  const conditions = [`${table.column('tenant')} = ?`];
  const params: unknown[] = [];
  if (filter?.slaBreached != null) {
    from += ` cross join ${tenantSlaRelation()}`;
    params.push(tenantId);
  }
  params.push(tenantId);
  if (filter?.minScore != null) {
    conditions.push(`${table.column('score')} >= ?`);
    params.push(filter.minScore);
  }
  for (const [property, values] of [['tier', filter?.tiers], ['industry', filter?.industries], ['source', filter?.sources]] as const) {
    if (values?.length) {
      // one array parameter, so the statement's text does not depend on how many values there are
      conditions.push(`${table.column(property)} = any(?)`);
      params.push(values);
    }
  }
  // Status and owner lead their indexes (after the tenant): PostgreSQL walks an index in order only
  // for an equality there, not for `= any(…)`, so one value (a rep's queue, NEW leads) is written as one.
  const status = table.column('status');
  if (filter?.statuses?.length) {
    conditions.push(filter.statuses.length === 1 ? `${status} = ?` : `${status} = any(?)`);
    params.push(filter.statuses.length === 1 ? filter.statuses[0] : filter.statuses);
  }
  const owner = table.column('ownerId');
  if (filter?.ownerIds?.length) {
    const one = filter.ownerIds.length === 1;
    const match = one ? `${owner} = ?` : `${owner} = any(?)`;
    conditions.push(filter.unassigned === true ? `(${match} or ${owner} is null)` : match);
    params.push(one ? filter.ownerIds[0] : filter.ownerIds);
  } else if (filter?.unassigned != null) {
    conditions.push(filter.unassigned ? `${owner} is null` : `${owner} is not null`);
  }
  if (filter?.slaBreached != null) {
    const breached = slaBreachedSql({ status: table.column('status'), tier: table.column('tier'), createdAt: table.column('createdAt') });
    conditions.push(filter.slaBreached ? breached : `not ${breached}`);
  }
  const search = filter?.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    const searched = (['name', 'company', 'email'] as const).map((property) => `${table.column(property)} ilike ?`);
    conditions.push(`(${searched.join(' or ')})`);
    params.push(pattern, pattern, pattern);
  }
  return { from, sql: conditions.join(' and '), params };
}

/** Values of a cursor's sort key, in SORT_KEY order. */
function keyValues(cursor: Cursor): unknown[] {
  return cursor.order === LeadOrder.SCORE_DESC ? [cursor.score, cursor.createdAt, cursor.id] : [cursor.createdAt, cursor.id];
}

/**
 * Reads leads of the EntityManager's tenant. The list path is the hottest in the product, so its
 * reads are hand-written SQL (rows become GraphQL objects directly, no query builder, no entity
 * hydration); they take the tenant the EntityManager is bound to, like the ORM's tenant filter
 * does for every entity read, and fail without one.
 */
export class LeadQueries {
  private readonly table: LeadTable;

  constructor(private readonly em: EntityManager) {
    this.table = leadTable(em);
  }

  /** One statement per page (a second only when totalCount is asked for); keyset, never OFFSET. */
  async page(args: LeadsArgs, fields?: Set<string>): Promise<LeadConnection> {
    const errors = validateLeadsArgs(args);
    const cursor = args.after ? decodeCursor(args.orderBy, args.after) : undefined;
    if (cursor === null) errors.push({ field: 'after', code: 'INVALID_CURSOR', message: 'after is not a cursor of this list; pass pageInfo.endCursor of the previous page with the same orderBy.' });
    if (errors.length) throw badUserInput(errors);

    const { table } = this;
    const where = whereClause(table, boundTenantId(this.em), args.filter);
    const key = SORT_KEY[args.orderBy].map((property) => table.column(property));
    const params = [...where.params];
    let keyset = '';
    if (cursor) {
      keyset = ` and (${key.join(', ')}) < (${key.map(() => '?').join(', ')})`;
      params.push(...keyValues(cursor));
    }
    params.push(args.first + 1);
    const order = key.map((column) => `${column} desc`).join(', ');
    const rows = await this.rows<LeadRecord>(`select ${table.selectList(fields)} from ${where.from} where ${where.sql}${keyset} order by ${order} limit ?`, params);

    const hasNextPage = rows.length > args.first;
    const edges = rows.slice(0, args.first).map((row) => {
      const node = rowToLeadNode(row);
      return { cursor: encodeCursor(args.orderBy, node), node };
    });
    const connection = new LeadConnection();
    connection.edges = edges;
    connection.pageInfo = { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
    connection.countMatching = async () => {
      const [{ count }] = await this.rows<{ count: string }>(`select count(*) as count from ${where.from} where ${where.sql}`, where.params);
      return Number(count);
    };
    return connection;
  }

  async findById(id: string): Promise<LeadNode | null> {
    if (!isUuid(id)) return null;
    const { table } = this;
    const [row] = await this.rows<LeadRecord>(`select ${table.selectList()} from ${table.name} where ${table.column('tenant')} = ? and ${table.column('id')} = ?`, [
      boundTenantId(this.em),
      id,
    ]);
    return row ? rowToLeadNode(row) : null;
  }

  /**
   * Runs a read with its values as parameters, as a named prepared statement: MikroORM's `execute`
   * writes the values into the text, so PostgreSQL would parse and plan every page anew. Straight
   * through the driver (db/driver-query.ts), timed and traced like every other statement. When a
   * migration (by a newer process, during a rolling deploy) changed a column the statement reads,
   * PostgreSQL refuses the prepared statement on every connection that has it: it is run unprepared
   * instead, from then on.
   */
  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const connection = this.em.getConnection();
    await connection.ensureConnection();
    const knex = connection.getKnex();
    const name = statementName(sql);
    try {
      return await driverQuery<T>(knex, sql, params, name);
    } catch (error) {
      if (!name || (error as { code?: unknown }).code !== CACHED_PLAN_CHANGED) throw error;
      statementNames.set(sql, null);
      return driverQuery<T>(knex, sql, params);
    }
  }
}
