import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { isUuid } from '../../ids.js';
import type { Principal } from '../auth/principal.js';
import { isKeyAccountTier, scoreLead } from '../scoring/scoring.model.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { IdempotentOperation } from './idempotency-key.entity.js';
import { decodeCursor, encodeCursor } from './lead.cursor.js';
import { Lead } from './lead.entity.js';
import { notifyLeadScored } from './lead.events.js';
import { claimIdempotencyKey, removeExpiredKeys, requestHash, validateIdempotencyKey } from './lead.idempotency.js';
import type { CreateLeadInput, LeadFilter, LeadsArgs, UpdateLeadInput } from './lead.inputs.js';
import { LeadConnection, LeadOrder, LeadScoredReason, type LeadNode } from './lead.types.js';
import { boundTenantId } from '../tenants/tenant-scope.js';
import { cleanOptional, validateCreateLead, validateLeadsArgs, validateUpdateLead } from './lead.validation.js';

/** A lead row as PostgreSQL returns it. */
interface LeadRow {
  id: string;
  name: string;
  company: string;
  email: string | null;
  phone: string | null;
  budget: LeadNode['budget'];
  company_size: LeadNode['companySize'];
  industry: LeadNode['industry'];
  urgency: LeadNode['urgency'];
  source: LeadNode['source'];
  score: number;
  tier: LeadNode['tier'];
  score_breakdown: LeadNode['scoreBreakdown'];
  model_version: number;
  // MikroORM's connection leaves timestamps as PostgreSQL's text
  created_at: string;
  updated_at: string;
  created_by_kind: LeadNode['createdBy']['kind'];
  created_by_id: string;
  created_by_name: string;
}

/** Columns behind each GraphQL field of Lead; id, score and created_at are always read (cursors need them). */
const COLUMNS_OF_FIELD: Record<string, readonly string[]> = {
  name: ['name'],
  company: ['company'],
  email: ['email'],
  phone: ['phone'],
  budget: ['budget'],
  companySize: ['company_size'],
  industry: ['industry'],
  urgency: ['urgency'],
  source: ['source'],
  tier: ['tier'],
  isKeyAccount: ['tier'],
  scoreBreakdown: ['score_breakdown'],
  modelVersion: ['model_version'],
  updatedAt: ['updated_at'],
  createdBy: ['created_by_kind', 'created_by_id', 'created_by_name'],
};
const ALWAYS = ['id', 'score', 'created_at'];
const ALL_COLUMNS = [...new Set([...ALWAYS, ...Object.values(COLUMNS_OF_FIELD).flat()])];

/** The columns needed for the given Lead fields (all of them when the fields are not known). */
export function columnsFor(fields?: Set<string>): string[] {
  if (!fields) return ALL_COLUMNS;
  return [...new Set([...ALWAYS, ...[...fields].flatMap((field) => COLUMNS_OF_FIELD[field] ?? [])])];
}

/** Rows may hold only some columns (see `columnsFor`); GraphQL reads only the matching fields. */
function rowToNode(row: LeadRow): LeadNode {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    budget: row.budget,
    companySize: row.company_size,
    industry: row.industry,
    urgency: row.urgency,
    source: row.source,
    score: row.score,
    tier: row.tier,
    isKeyAccount: row.tier !== undefined && isKeyAccountTier(row.tier),
    scoreBreakdown: row.score_breakdown,
    modelVersion: row.model_version,
    createdAt: new Date(row.created_at),
    updatedAt: row.updated_at === undefined ? (undefined as never) : new Date(row.updated_at),
    createdBy: { kind: row.created_by_kind, id: row.created_by_id, name: row.created_by_name },
  };
}

export function leadToNode(lead: Lead): LeadNode {
  return {
    ...lead,
    email: lead.email ?? null,
    phone: lead.phone ?? null,
    isKeyAccount: isKeyAccountTier(lead.tier),
    createdBy: { kind: lead.createdByKind, id: lead.createdById, name: lead.createdByName },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `where` clause and parameters for a filter, always scoped to one tenant. */
function whereClause(tenantId: string, filter: LeadFilter | null | undefined): { sql: string; params: unknown[] } {
  const conditions = ['tenant_id = ?'];
  const params: unknown[] = [tenantId];
  if (filter?.minScore != null) {
    conditions.push('score >= ?');
    params.push(filter.minScore);
  }
  for (const [column, values] of [['tier', filter?.tiers], ['industry', filter?.industries], ['source', filter?.sources]] as const) {
    if (values?.length) {
      conditions.push(`${column} in (?)`);
      params.push(values);
    }
  }
  const search = filter?.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push('(name ilike ? or company ilike ? or email ilike ?)');
    params.push(pattern, pattern, pattern);
  }
  return { sql: conditions.join(' and '), params };
}

/**
 * Leads of the EntityManager's tenant. The list path is the hottest in the product, so its reads
 * are hand-written SQL (rows become GraphQL objects directly, no query builder, no entity
 * hydration); they take the tenant the EntityManager is bound to, like the ORM's tenant filter
 * does for every entity read, and fail without one.
 */
export class LeadService {
  constructor(private readonly em: EntityManager) {}

  /** One statement per page (a second only when totalCount is asked for); keyset, never OFFSET. */
  async page(args: LeadsArgs, fields?: Set<string>): Promise<LeadConnection> {
    const errors = validateLeadsArgs(args);
    const cursor = args.after ? decodeCursor(args.orderBy, args.after) : undefined;
    if (cursor === null) errors.push({ field: 'after', code: 'INVALID_CURSOR', message: 'after is not a cursor of this list; pass pageInfo.endCursor of the previous page with the same orderBy.' });
    if (errors.length) throw badUserInput(errors);

    const tenantId = boundTenantId(this.em);
    const where = whereClause(tenantId, args.filter);
    let keyset = '';
    let order: string;
    const params = [...where.params];
    if (args.orderBy === LeadOrder.SCORE_DESC) {
      if (cursor?.order === LeadOrder.SCORE_DESC) {
        keyset = ' and (score, created_at, id) < (?, ?, ?)';
        params.push(cursor.score, cursor.createdAt, cursor.id);
      }
      order = 'score desc, created_at desc, id desc';
    } else {
      if (cursor) {
        keyset = ' and (created_at, id) < (?, ?)';
        params.push(cursor.createdAt, cursor.id);
      }
      order = 'created_at desc, id desc';
    }
    params.push(args.first + 1);
    const rows = await this.em
      .getConnection()
      .execute<LeadRow[]>(`select ${columnsFor(fields).join(', ')} from lead where ${where.sql}${keyset} order by ${order} limit ?`, params);

    const hasNextPage = rows.length > args.first;
    const edges = rows.slice(0, args.first).map((row) => {
      const node = rowToNode(row);
      return { cursor: encodeCursor(args.orderBy, node), node };
    });
    const connection = new LeadConnection();
    connection.edges = edges;
    connection.pageInfo = { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
    connection.countMatching = async () => {
      const [{ count }] = await this.em.getConnection().execute<{ count: string }[]>(`select count(*) as count from lead where ${where.sql}`, where.params);
      return Number(count);
    };
    return connection;
  }

  async findById(id: string): Promise<LeadNode | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.em
      .getConnection()
      .execute<LeadRow[]>(`select ${ALL_COLUMNS.join(', ')} from lead where tenant_id = ? and id = ?`, [boundTenantId(this.em), id]);
    return row ? rowToNode(row) : null;
  }

  /**
   * Scores, stores and announces a lead in one transaction: subscribers hear of it only after commit.
   * With an idempotency key, a repeat of the request returns the lead the first one stored (as it is
   * now), stores nothing and announces nothing.
   */
  async create(principal: Principal, input: CreateLeadInput, idempotencyKey?: string | null): Promise<LeadNode> {
    const errors = [...validateCreateLead(input), ...validateIdempotencyKey(idempotencyKey)];
    if (errors.length) throw badUserInput(errors);
    const model = await new ScoringService(this.em).activeModel();
    const result = scoreLead(model.definition, input);
    const values = {
      name: input.name.trim(),
      company: input.company.trim(),
      email: cleanOptional(input.email),
      phone: cleanOptional(input.phone),
      budget: input.budget,
      companySize: input.companySize,
      industry: input.industry,
      urgency: input.urgency,
      source: input.source,
    };
    const id = randomUUID();
    const outcome = await this.em.transactional(async (em) => {
      if (idempotencyKey != null) {
        const operation = IdempotentOperation.CREATE_LEAD;
        const firstId = await claimIdempotencyKey(em, { key: idempotencyKey, operation, hash: requestHash(operation, values), leadId: id });
        if (firstId) return { replayOf: firstId };
      }
      const created = em.create(Lead, {
        id,
        tenant: principal.tenantId,
        ...values,
        score: result.score,
        tier: result.tier,
        scoreBreakdown: result.breakdown,
        modelVersion: model.version,
        createdByKind: principal.kind,
        createdById: principal.id,
        createdByName: principal.name,
      });
      await em.flush();
      await notifyLeadScored(em, { tenantId: principal.tenantId, leadId: created.id, reason: LeadScoredReason.CREATED, previousScore: null });
      return { created };
    });
    if (idempotencyKey != null) await this.removeExpiredKeys();
    if (outcome.created) return leadToNode(outcome.created);
    // read after the transaction: holding its connection while asking the pool for another could starve the pool
    const replayed = await this.findById(outcome.replayOf);
    if (!replayed) throw new Error('the lead of an idempotency key no longer exists');
    return replayed;
  }

  /**
   * Null when the lead does not exist in this tenant (no key is stored then). With an idempotency
   * key, a repeat of the request returns the lead as it is now, without changing or announcing it.
   */
  async update(principal: Principal, id: string, input: UpdateLeadInput, idempotencyKey?: string | null): Promise<LeadNode | null> {
    const errors = [...validateUpdateLead(input), ...validateIdempotencyKey(idempotencyKey)];
    if (errors.length) throw badUserInput(errors);
    if (!isUuid(id)) return null;
    const model = await new ScoringService(this.em).activeModel();
    const changes = leadChanges(input);
    const node = await this.em.transactional(async (em) => {
      const lead = await em.findOne(Lead, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!lead) return null;
      if (idempotencyKey != null) {
        const operation = IdempotentOperation.UPDATE_LEAD;
        // the hash covers the id, so a replay is always of this lead
        const firstId = await claimIdempotencyKey(em, { key: idempotencyKey, operation, hash: requestHash(operation, { id, ...changes }), leadId: id });
        if (firstId) return leadToNode(lead);
      }
      const previousScore = lead.score;
      for (const [field, value] of Object.entries(changes)) if (value !== undefined) Object.assign(lead, { [field]: value });
      const result = scoreLead(model.definition, lead);
      lead.score = result.score;
      lead.tier = result.tier;
      lead.scoreBreakdown = result.breakdown;
      lead.modelVersion = model.version;
      await em.flush();
      await notifyLeadScored(em, { tenantId: principal.tenantId, leadId: lead.id, reason: LeadScoredReason.UPDATED, previousScore });
      return leadToNode(lead);
    });
    if (idempotencyKey != null) await this.removeExpiredKeys();
    return node;
  }

  /** Opportunistic: a failure here must not fail a write that has committed. */
  private async removeExpiredKeys(): Promise<void> {
    await removeExpiredKeys(this.em).catch(() => undefined);
  }
}

/** What an update changes, as it will be stored; undefined leaves a field as it is. */
function leadChanges(input: UpdateLeadInput) {
  return {
    name: input.name != null ? input.name.trim() : undefined,
    company: input.company != null ? input.company.trim() : undefined,
    email: input.email !== undefined ? cleanOptional(input.email) : undefined,
    phone: input.phone !== undefined ? cleanOptional(input.phone) : undefined,
    budget: input.budget ?? undefined,
    companySize: input.companySize ?? undefined,
    industry: input.industry ?? undefined,
    urgency: input.urgency ?? undefined,
    source: input.source ?? undefined,
  };
}
