import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { rateLimited } from '../rate-limit/rate-limiter.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { leadOutcome } from '../experiments/outcome.js';
import { WINDOW_RANGE } from '../experiments/experiment.rules.js';
import { confidenceInterval } from '../experiments/experiment.types.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { ScoringService, thresholdsOf } from '../scoring/scoring.service.js';
import type { SuggestScoringModelInput } from './learning.inputs.js';
import { FeedbackUse, type ScoringModelSuggestion } from './learning.types.js';
import { LAMBDA, suggestModel, type ClosedLead, type FeedbackLead } from './suggestion.js';

/**
 * The fit runs in the request, on the API's event loop: about 1.4 s for 5,000 closed leads (and
 * 3.8 s for 20,000) on one core. The newest 5,000 are plenty for 29 coefficients, and the newest
 * 5,000 open leads with a net verdict bound what feedback adds (reps can rate as many as they like).
 */
export const MAX_CLOSED_LEADS = 5_000;
export const MAX_FEEDBACK_LEADS = 5_000;

/**
 * One fit at a time per process, whatever the tenant: while one runs, every other request of the
 * process waits, so two at once would double that wait. Admins ask rarely; a second gets
 * RATE_LIMITED and asks again a few seconds later.
 */
let fitting = false;
const FIELDS = 'l.budget, l.company_size as "companySize", l.industry, l.urgency, l.source';

/** Learns a scoring model from the outcomes of the EntityManager's tenant. Reads only. */
export class LearningService {
  constructor(private readonly em: EntityManager) {}

  async suggest(input: SuggestScoringModelInput): Promise<ScoringModelSuggestion> {
    const window = input.outcomeWindowDays;
    if (!Number.isInteger(window) || window < WINDOW_RANGE.min || window > WINDOW_RANGE.max) {
      throw badUserInput([{ field: 'outcomeWindowDays', code: 'OUT_OF_RANGE', message: `The outcome window is ${WINDOW_RANGE.min} to ${WINDOW_RANGE.max} whole days (got ${window}).` }]);
    }
    if (Number.isNaN(input.since.getTime())) throw badUserInput([{ field: 'since', code: 'OUT_OF_RANGE', message: 'Give a date and time.' }]);
    if (fitting) throw rateLimited('Another scoring model is being learned on this server right now; try again in a few seconds.', 3_000);
    fitting = true;
    try {
      return await this.fit(input, window);
    } finally {
      fitting = false;
    }
  }

  private async fit(input: SuggestScoringModelInput, window: number): Promise<ScoringModelSuggestion> {
    const tenantId = boundTenantId(this.em);
    const active = await new ScoringService(this.em).activeModel();
    const now = new Date();
    const closedRows = await this.em.execute<Array<Record<string, any>>>(
      `select ${FIELDS}, l.status, l.created_at, l.closed_at,
              (select count(*) from score_feedback f where f.tenant_id = l.tenant_id and f.lead_id = l.id and f.verdict in ('TOO_LOW', 'TOO_HIGH'))::int as disputed
         from lead l where l.tenant_id = ? and l.status in (?, ?) and l.closed_at >= ? order by l.closed_at desc, l.id limit ?`,
      [tenantId, LeadStatus.WON, LeadStatus.LOST, input.since, MAX_CLOSED_LEADS],
    );
    const closed: ClosedLead[] = closedRows.map((row) => {
      const outcome = leadOutcome({ createdAt: new Date(row.created_at), status: row.status, closedAt: new Date(row.closed_at) }, window, now);
      return { budget: row.budget, companySize: row.companySize, industry: row.industry, urgency: row.urgency, source: row.source, won: outcome.known && outcome.won, disputed: row.disputed };
    });
    // net verdict of every rep on open leads: too low counts +1, too high −1, accurate 0
    const feedback = await this.em.execute<FeedbackLead[]>(
      `select ${FIELDS}, sum(case f.verdict when 'TOO_LOW' then 1 when 'TOO_HIGH' then -1 else 0 end)::int as net
         from lead l join score_feedback f on f.lead_id = l.id and f.tenant_id = l.tenant_id
        where l.tenant_id = ? and l.status not in (?, ?) and l.created_at >= ?
        group by l.id having sum(case f.verdict when 'TOO_LOW' then 1 when 'TOO_HIGH' then -1 else 0 end) <> 0
        order by l.created_at desc, l.id limit ?`,
      [tenantId, LeadStatus.WON, LeadStatus.LOST, input.since, MAX_FEEDBACK_LEADS],
    );
    const suggestion = suggestModel({ closed, feedback, current: active.definition });
    const base = {
      message: suggestion.message,
      since: input.since,
      outcomeWindowDays: window,
      closedLeads: suggestion.closed,
      wins: suggestion.wins,
      losses: suggestion.losses,
      moreClosedLeadsNeeded: suggestion.moreNeeded,
      currentVersion: active.version,
      thresholds: thresholdsOf(active.definition),
      lambda: LAMBDA,
    };
    if (!suggestion.enoughData) {
      return { ...base, enoughData: false, learnedAuc: null, rulesAuc: null, aucDifference: null, shownBetter: false, intervalsOverlap: null, feedbackUse: FeedbackUse.NONE, feedbackLeads: 0, feedbackNote: null, calibration: [], criteria: [] };
    }
    return {
      ...base,
      enoughData: true,
      learnedAuc: confidenceInterval(suggestion.comparison.first),
      rulesAuc: confidenceInterval(suggestion.comparison.second),
      aucDifference: confidenceInterval(suggestion.comparison.difference),
      shownBetter: suggestion.shownBetter,
      intervalsOverlap: suggestion.intervalsOverlap,
      feedbackUse: suggestion.feedback.use as FeedbackUse,
      feedbackLeads: suggestion.feedback.leads,
      feedbackNote: suggestion.feedback.note,
      calibration: suggestion.calibration.map((bin) => ({
        bin: bin.bin,
        leads: bin.n,
        meanPredicted: bin.meanPredicted,
        minPredicted: bin.minPredicted,
        maxPredicted: bin.maxPredicted,
        observed: confidenceInterval(bin.observed),
      })),
      criteria: suggestion.criteria ?? [],
    };
  }
}

