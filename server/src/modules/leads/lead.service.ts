import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { experimentScoring } from '../experiments/experiment.scoring.js';
import { isUuid } from '../../kernel/ids.js';
import type { Principal } from '../auth/principal.js';
import { actorOf, recordScoreChange } from '../scoring/score-ledger.js';
import { ScoreChangeReason } from '../scoring/scoring.enums.js';
import { scoreLead } from '../scoring/scoring.model.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { IdempotentOperation } from './idempotency-key.entity.js';
import { Lead } from './lead.entity.js';
import { notifyLeadScored } from './lead.events.js';
import { insertNewLead, newLeadRecord, type NewLeadFields } from './lead.insert.js';
import { reportCommittedLead } from '../../observability/leads.js';
import { claimIdempotencyKey, removeExpiredKeys, requestHash, validateIdempotencyKey } from './lead.idempotency.js';
import type { CreateLeadInput, UpdateLeadInput } from './lead.inputs.js';
import { toLeadNode } from './lead.mapping.js';
import { LeadQueries } from './lead.queries.js';
import { LeadScoredReason, type LeadNode } from './lead.types.js';
import { cleanOptional, validateCreateLead, validateUpdateLead } from './lead.validation.js';

/** Writes leads of the EntityManager's tenant: each is scored, stored and announced in one transaction. */
export class LeadService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Scores, stores and announces a lead in one transaction: subscribers hear of it only after commit.
   * With an idempotency key, a repeat of the request returns the lead the first one stored (as it is
   * now), stores nothing and announces nothing.
   */
  async create(principal: Principal, input: CreateLeadInput, idempotencyKey?: string | null): Promise<LeadNode> {
    const errors = [...validateCreateLead(input), ...validateIdempotencyKey(idempotencyKey)];
    if (errors.length) throw badUserInput(errors);
    const id = randomUUID();
    // a lead of a running experiment is scored by its arm's model; every other lead by the active one
    const model = await experimentScoring(this.em, await new ScoringService(this.em).activeModel(), { id, created: true });
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
    const result = scoreLead(model.definition, values);
    const hash = idempotencyKey != null ? requestHash(IdempotentOperation.CREATE_LEAD, values) : null;
    const fields: NewLeadFields = {
      ...values,
      id,
      score: result.score,
      tier: result.tier,
      scoreBreakdown: result.breakdown,
      modelVersion: model.version,
      createdByKind: principal.kind,
      createdById: principal.id,
      createdByName: principal.name,
    };
    if (!model.inExperiment) {
      // the common case in one statement (lead, ledger row, event): under half the ORM path's CPU and round trips
      const lead = newLeadRecord(fields);
      const idempotency = idempotencyKey != null ? { key: idempotencyKey, operation: IdempotentOperation.CREATE_LEAD, hash: hash! } : null;
      if (await insertNewLead(this.em, { tenantId: principal.tenantId, lead, actor: actorOf(principal), idempotency })) {
        reportCommittedLead(this.em, principal.tenantId, lead, 'created');
        if (idempotencyKey != null) await this.removeExpiredKeys();
        return toLeadNode(lead);
      }
      // the key is taken: the path below finds by whom, and replays or refuses
    }
    const outcome = await this.em.transactional(async (em) => {
      if (idempotencyKey != null) {
        const operation = IdempotentOperation.CREATE_LEAD;
        const firstId = await claimIdempotencyKey(em, { key: idempotencyKey, operation, hash: hash!, leadId: id });
        if (firstId) return { replayOf: firstId };
      }
      const created = em.create(Lead, { ...fields, tenant: principal.tenantId });
      await em.flush();
      await recordScoreChange(em, {
        tenantId: principal.tenantId,
        leadId: created.id,
        oldScore: null,
        newScore: result.score,
        oldTier: null,
        newTier: result.tier,
        modelVersion: model.version,
        reason: ScoreChangeReason.CREATED,
        actor: actorOf(principal),
      });
      await model.record(em, created, actorOf(principal));
      await notifyLeadScored(em, { tenantId: principal.tenantId, lead: created, reason: LeadScoredReason.CREATED, previousScore: null });
      return { created };
    });
    if (idempotencyKey != null) await this.removeExpiredKeys();
    if (outcome.created) return toLeadNode(outcome.created);
    // read after the transaction: holding its connection while asking the pool for another could starve the pool
    const replayed = await new LeadQueries(this.em).findById(outcome.replayOf);
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
    const model = await experimentScoring(this.em, await new ScoringService(this.em).activeModel(), { id, created: false });
    const changes = leadChanges(input);
    const node = await this.em.transactional(async (em) => {
      const lead = await em.findOne(Lead, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!lead) return null;
      if (idempotencyKey != null) {
        const operation = IdempotentOperation.UPDATE_LEAD;
        // the hash covers the id, so a replay is always of this lead
        const firstId = await claimIdempotencyKey(em, { key: idempotencyKey, operation, hash: requestHash(operation, { id, ...changes }), leadId: id });
        if (firstId) return toLeadNode(lead);
      }
      const previousScore = lead.score;
      const previousTier = lead.tier;
      for (const [field, value] of Object.entries(changes)) if (value !== undefined) Object.assign(lead, { [field]: value });
      const result = scoreLead(model.definition, lead);
      lead.score = result.score;
      lead.tier = result.tier;
      lead.scoreBreakdown = result.breakdown;
      lead.modelVersion = model.version;
      await em.flush();
      // the ledger holds changes of the score; an edit that keeps it records none
      if (result.score !== previousScore) {
        await recordScoreChange(em, {
          tenantId: principal.tenantId,
          leadId: lead.id,
          oldScore: previousScore,
          newScore: result.score,
          oldTier: previousTier,
          newTier: result.tier,
          modelVersion: model.version,
          reason: ScoreChangeReason.UPDATED,
          actor: actorOf(principal),
        });
      }
      await model.record(em, lead, actorOf(principal));
      await notifyLeadScored(em, { tenantId: principal.tenantId, lead, reason: LeadScoredReason.UPDATED, previousScore });
      return toLeadNode(lead);
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
