import type { EventArgs, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { PrincipalKind } from '../modules/auth/auth.enums.js';
import { Lead } from '../modules/leads/lead.entity.js';
import { isKeyAccountTier } from '../modules/scoring/scoring.model.js';
import type { Metrics } from './metrics.js';

type Reason = 'created' | 'updated';

/** What a report reads of a lead. */
type ReportedLead = Pick<Lead, 'id' | 'createdByKind' | 'createdById' | 'scoreBreakdown' | 'score' | 'tier' | 'source' | 'modelVersion'>;

/** Set on the request's EntityManager (`fork({ loggerContext })`); forks and transactions inherit it. */
export interface RequestLoggerContext {
  requestId?: string;
}

const SCORE_FIELDS = ['score', 'tier', 'scoreBreakdown', 'modelVersion'];

/**
 * Business metrics and the "lead created" / "score calculated" lines, from the one place every lead
 * write passes: the ORM's flush. Leads are noted as they are written and reported only once their
 * transaction commits, so a rolled-back lead is never counted. Writes outside a request (demo seed,
 * scripts) carry no request id and are not reported.
 */
export class LeadObserver implements EventSubscriber<Lead> {
  private readonly pending = new WeakMap<object, Array<{ lead: Lead; reason: Reason }>>();

  constructor(
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  getSubscribedEntities() {
    return [Lead];
  }

  afterCreate({ entity, em }: EventArgs<Lead>): void {
    this.note(em, entity, 'created');
  }

  afterUpdate({ entity, em, changeSet }: EventArgs<Lead>): void {
    if (changeSet && SCORE_FIELDS.some((field) => field in changeSet.payload)) this.note(em, entity, 'updated');
  }

  afterTransactionCommit({ em }: TransactionEventArgs): void {
    const leads = this.pending.get(em);
    if (!leads) return;
    this.pending.delete(em);
    const { requestId } = (em as EntityManager).getLoggerContext<RequestLoggerContext>();
    if (!requestId) return;
    for (const { lead, reason } of leads) this.report(lead.tenant.id, lead, reason, requestId);
  }

  /** A lead stored by a statement of its own (createLead's), which the ORM's flush did not see: reported once it has committed. */
  committed(em: EntityManager, tenantId: string, lead: ReportedLead, reason: Reason): void {
    const { requestId } = em.getLoggerContext<RequestLoggerContext>();
    if (requestId) this.report(tenantId, lead, reason, requestId);
  }

  afterTransactionRollback({ em }: TransactionEventArgs): void {
    this.pending.delete(em);
  }

  private note(em: object, lead: Lead, reason: Reason): void {
    const leads = this.pending.get(em);
    if (leads) leads.push({ lead, reason });
    else this.pending.set(em, [{ lead, reason }]);
  }

  private report(tenantId: string, lead: ReportedLead, reason: Reason, requestId: string): void {
    const by = lead.createdByKind === PrincipalKind.USER ? { userId: lead.createdById } : { apiKeyId: lead.createdById };
    this.metrics.scoresCalculated.inc({ reason });
    if (this.logger.isLevelEnabled('debug')) {
      const points: Record<string, number> = {};
      for (const part of lead.scoreBreakdown) points[part.criterion] = part.points;
      this.logger.debug(
        { requestId, event: 'score_calculated', reason, leadId: lead.id, tenantId, score: lead.score, tier: lead.tier, points, modelVersion: lead.modelVersion },
        'score calculated',
      );
    }
    if (reason !== 'created') return;

    this.metrics.leadsCreated.inc({ tier: lead.tier, source: lead.source });
    this.metrics.leadScore.observe(lead.score);
    if (isKeyAccountTier(lead.tier)) this.metrics.keyAccountsCreated.inc();
    this.metrics.lastLeadCreated.setToCurrentTime();
    this.logger.info(
      { requestId, event: 'lead_created', leadId: lead.id, tenantId, ...by, score: lead.score, tier: lead.tier, source: lead.source, modelVersion: lead.modelVersion },
      'lead created',
    );
  }
}

/** Reports a lead written without the ORM's flush, after its statement committed, as the flush would have. */
export function reportCommittedLead(em: EntityManager, tenantId: string, lead: ReportedLead, reason: Reason): void {
  for (const subscriber of em.getEventManager().getSubscribers()) if (subscriber instanceof LeadObserver) subscriber.committed(em, tenantId, lead, reason);
}
