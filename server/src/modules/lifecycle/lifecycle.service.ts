import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden, type FieldError } from '../../errors.js';
import { recordEvent } from '../../events/outbox.js';
import { isUuid } from '../../kernel/ids.js';
import { PrincipalKind } from '../auth/auth.enums.js';
import { isAdmin, type Principal } from '../auth/principal.js';
import { User } from '../auth/user.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { notifyLeadScored } from '../leads/lead.events.js';
import { toLeadNode } from '../leads/lead.mapping.js';
import { LeadScoredReason, type LeadNode } from '../leads/lead.types.js';
import { LeadActivity } from './lead-activity.entity.js';
import { LeadActivityKind } from './lifecycle.enums.js';
import type { LeadStatusInput, ScoreFeedbackInput } from './lifecycle.inputs.js';
import { ScoreFeedbackEntry } from './score-feedback.entity.js';
import { applyTransition, checkTransition, cleanComment, commentErrors } from './transitions.js';

/** A rep's verdict on a score was given or changed (for the dashboard; no lead field changes). */
export const SCORE_FEEDBACK_EVENT = 'lead.feedback';

function actorOf(principal: Principal) {
  return { actorKind: principal.kind, actorId: principal.id, actorName: principal.name };
}

/**
 * Works leads of the EntityManager's tenant: status, owner, score feedback. Each change is one
 * transaction: the lead (locked), an activity row, and the outbox event, so subscribers hear of it
 * after commit with the lead as stored. Another tenant's lead is "no lead" (null), as in updateLead.
 */
export class LifecycleService {
  constructor(private readonly em: EntityManager) {}

  async changeStatus(principal: Principal, id: string, input: LeadStatusInput): Promise<LeadNode | null> {
    if (!isUuid(id)) return null;
    return this.em.transactional(async (em) => {
      const lead = await em.findOne(Lead, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!lead) return null;
      const verdict = checkTransition(lead.status, input, isAdmin(principal));
      if (!verdict.ok) throw 'errors' in verdict ? badUserInput(verdict.errors) : forbidden(verdict.adminOnly);
      const now = new Date();
      const from = lead.status;
      Object.assign(lead, applyTransition(lead, input, now));
      lead.lastActivityAt = now;
      em.create(LeadActivity, {
        tenant: principal.tenantId,
        lead: lead.id,
        kind: LeadActivityKind.STATUS_CHANGED,
        ...actorOf(principal),
        fromStatus: from,
        toStatus: lead.status,
        comment: cleanComment(input.comment),
        dealValue: lead.dealValue ?? null,
        lostReason: lead.lostReason ?? null,
        createdAt: now,
      });
      await em.flush();
      await notifyLeadScored(em, { tenantId: principal.tenantId, lead, reason: LeadScoredReason.STATUS_CHANGED, previousScore: lead.score });
      return toLeadNode(lead);
    });
  }

  /** ownerId null unassigns. Assigning the owner a lead has already changes nothing and announces nothing. */
  async assign(principal: Principal, id: string, ownerId: string | null | undefined): Promise<LeadNode | null> {
    let owner: User | null = null;
    if (ownerId != null) {
      // the tenant filter keeps other tenants' users out: they are "not a member" like unknown ids
      owner = isUuid(ownerId) ? await this.em.fork().findOne(User, { id: ownerId, active: true }) : null;
      if (!owner) throw badUserInput([{ field: 'ownerId', code: 'NOT_A_MEMBER', message: 'The owner must be an active member of your team.' }]);
    }
    if (!isUuid(id)) return null;
    return this.em.transactional(async (em) => {
      const lead = await em.findOne(Lead, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!lead) return null;
      if ((lead.ownerId ?? null) === (owner?.id ?? null)) return toLeadNode(lead);
      const now = new Date();
      lead.ownerId = owner?.id ?? null;
      lead.ownerName = owner?.name ?? null;
      lead.lastActivityAt = now;
      em.create(LeadActivity, {
        tenant: principal.tenantId,
        lead: lead.id,
        kind: LeadActivityKind.ASSIGNED,
        ...actorOf(principal),
        ownerId: lead.ownerId,
        ownerName: lead.ownerName,
        createdAt: now,
      });
      await em.flush();
      await notifyLeadScored(em, { tenantId: principal.tenantId, lead, reason: LeadScoredReason.ASSIGNED, previousScore: lead.score });
      return toLeadNode(lead);
    });
  }

  /** One verdict per user per lead; a second one replaces the first. Only signed-in users rate (an API key is nobody's opinion). */
  async rate(principal: Principal, id: string, input: ScoreFeedbackInput): Promise<LeadNode | null> {
    if (principal.kind !== PrincipalKind.USER) throw forbidden('Score feedback comes from a signed-in team member; an API key cannot give it.');
    const errors: FieldError[] = [];
    commentErrors(input.comment, errors);
    if (errors.length) throw badUserInput(errors);
    if (!isUuid(id)) return null;
    const comment = cleanComment(input.comment);
    return this.em.transactional(async (em) => {
      // the lock orders two verdicts of one user on one lead, so the second finds the first
      const lead = await em.findOne(Lead, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!lead) return null;
      const now = new Date();
      const existing = await em.findOne(ScoreFeedbackEntry, { lead: id, user: principal.id });
      const previous = existing?.verdict ?? null;
      if (existing) Object.assign(existing, { verdict: input.verdict, comment, updatedAt: now });
      else em.create(ScoreFeedbackEntry, { tenant: principal.tenantId, lead: id, user: principal.id, verdict: input.verdict, comment, createdAt: now, updatedAt: now });
      em.create(LeadActivity, { tenant: principal.tenantId, lead: id, kind: LeadActivityKind.FEEDBACK, ...actorOf(principal), feedback: input.verdict, comment, createdAt: now });
      await em.flush();
      // activity for decay, without touching updatedAt: the lead as subscribers know it is unchanged
      await em.nativeUpdate(Lead, { id }, { lastActivityAt: now });
      await recordEvent(em, {
        type: SCORE_FEEDBACK_EVENT,
        tenantId: principal.tenantId,
        aggregateId: id,
        payload: { leadId: id, userId: principal.id, verdict: input.verdict, previousVerdict: previous, score: lead.score, tier: lead.tier, modelVersion: lead.modelVersion },
      });
      return toLeadNode(lead);
    });
  }
}
