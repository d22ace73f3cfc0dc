import { LockMode } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { isUuid } from '../../ids.js';
import type { Principal } from '../auth/principal.js';
import { isKeyAccountTier, scoreLead } from '../scoring/scoring.model.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { decodeCursor, encodeCursor } from './lead.cursor.js';
import { Lead } from './lead.entity.js';
import { notifyLeadScored } from './lead.events.js';
import type { CreateLeadInput, LeadFilter, LeadsArgs, UpdateLeadInput } from './lead.inputs.js';
import { LeadConnection, LeadOrder, LeadScoredReason, type LeadNode } from './lead.types.js';
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
  companySize: ['companySize'],
  industry: ['industry'],
  urgency: ['urgency'],
  source: ['source'],
  tier: ['tier'],
  isKeyAccount: ['tier'],
  scoreBreakdown: ['scoreBreakdown'],
  modelVersion: ['modelVersion'],
  updatedAt: ['updatedAt'],
  createdBy: ['createdByKind', 'createdById', 'createdByName'],
};
const ALWAYS = ['id', 'score', 'createdAt'];
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

/**
 * Leads of the EntityManager's tenant. Reads on the list path go through the query builder
 * without entity hydration (rows become GraphQL objects directly), but still through the
 * tenant filter, so scoping stays in one place.
 */
export class LeadService {
  constructor(private readonly em: EntityManager) {}

  private filtered(filter: LeadFilter | null | undefined): QueryBuilder<Lead> {
    const qb = this.em.createQueryBuilder(Lead, 'l');
    if (filter?.minScore != null) qb.andWhere({ score: { $gte: filter.minScore } });
    if (filter?.tiers?.length) qb.andWhere({ tier: { $in: filter.tiers } });
    if (filter?.industries?.length) qb.andWhere({ industry: { $in: filter.industries } });
    if (filter?.sources?.length) qb.andWhere({ source: { $in: filter.sources } });
    const search = filter?.search?.trim();
    if (search) {
      const pattern = `%${escapeLike(search)}%`;
      qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { company: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
    }
    return qb;
  }

  /** One statement per page (a second only when totalCount is asked for); keyset, never OFFSET. */
  async page(args: LeadsArgs, fields?: Set<string>): Promise<LeadConnection> {
    const errors = validateLeadsArgs(args);
    const cursor = args.after ? decodeCursor(args.orderBy, args.after) : undefined;
    if (cursor === null) errors.push({ field: 'after', message: 'after is not a cursor of this list; pass pageInfo.endCursor of the previous page with the same orderBy.' });
    if (errors.length) throw badUserInput(errors);

    const qb = this.filtered(args.filter).select(columnsFor(fields));
    if (args.orderBy === LeadOrder.SCORE_DESC) {
      if (cursor?.order === LeadOrder.SCORE_DESC) {
        qb.andWhere('(l.score, l.created_at, l.id) < (?, ?, ?)', [cursor.score, cursor.createdAt, cursor.id]);
      }
      qb.orderBy({ score: 'desc', createdAt: 'desc', id: 'desc' });
    } else {
      if (cursor) qb.andWhere('(l.created_at, l.id) < (?, ?)', [cursor.createdAt, cursor.id]);
      qb.orderBy({ createdAt: 'desc', id: 'desc' });
    }
    qb.limit(args.first + 1);
    await qb.applyFilters();
    const rows = await qb.execute<LeadRow[]>('all', false);

    const hasNextPage = rows.length > args.first;
    const edges = rows.slice(0, args.first).map((row) => {
      const node = rowToNode(row);
      return { cursor: encodeCursor(args.orderBy, node), node };
    });
    const connection = new LeadConnection();
    connection.edges = edges;
    connection.pageInfo = { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
    connection.countMatching = async () => {
      const count = this.filtered(args.filter).count();
      await count.applyFilters();
      const [{ count: n }] = await count.execute<{ count: string }[]>('all', false);
      return Number(n);
    };
    return connection;
  }

  async findById(id: string): Promise<LeadNode | null> {
    if (!isUuid(id)) return null;
    const qb = this.em.createQueryBuilder(Lead, 'l').select(ALL_COLUMNS).where({ id });
    await qb.applyFilters();
    const [row] = await qb.execute<LeadRow[]>('all', false);
    return row ? rowToNode(row) : null;
  }

  /** Scores, stores and announces a lead in one transaction: subscribers hear of it only after commit. */
  async create(principal: Principal, input: CreateLeadInput): Promise<LeadNode> {
    const errors = validateCreateLead(input);
    if (errors.length) throw badUserInput(errors);
    const model = await new ScoringService(this.em).activeModel();
    const result = scoreLead(model.definition, input);
    const lead = await this.em.transactional(async (em) => {
      const created = em.create(Lead, {
        tenant: principal.tenantId,
        name: input.name.trim(),
        company: input.company.trim(),
        email: cleanOptional(input.email),
        phone: cleanOptional(input.phone),
        budget: input.budget,
        companySize: input.companySize,
        industry: input.industry,
        urgency: input.urgency,
        source: input.source,
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
      return created;
    });
    return leadToNode(lead);
  }

  /** Null when the lead does not exist in this tenant. */
  async update(principal: Principal, id: string, input: UpdateLeadInput): Promise<LeadNode | null> {
    const errors = validateUpdateLead(input);
    if (errors.length) throw badUserInput(errors);
    if (!isUuid(id)) return null;
    const model = await new ScoringService(this.em).activeModel();
    return this.em.transactional(async (em) => {
      const lead = await em.findOne(Lead, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!lead) return null;
      const previousScore = lead.score;
      if (input.name != null) lead.name = input.name.trim();
      if (input.company != null) lead.company = input.company.trim();
      if (input.email !== undefined) lead.email = cleanOptional(input.email);
      if (input.phone !== undefined) lead.phone = cleanOptional(input.phone);
      if (input.budget) lead.budget = input.budget;
      if (input.companySize) lead.companySize = input.companySize;
      if (input.industry) lead.industry = input.industry;
      if (input.urgency) lead.urgency = input.urgency;
      if (input.source) lead.source = input.source;
      const result = scoreLead(model.definition, lead);
      lead.score = result.score;
      lead.tier = result.tier;
      lead.scoreBreakdown = result.breakdown;
      lead.modelVersion = model.version;
      await em.flush();
      await notifyLeadScored(em, { tenantId: principal.tenantId, leadId: lead.id, reason: LeadScoredReason.UPDATED, previousScore });
      return leadToNode(lead);
    });
  }
}
