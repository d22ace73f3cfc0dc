import { EventConsumer } from '../events/event-consumer.entity.js';
import { OutboxEvent } from '../events/event.entity.js';
import { ApiKey } from '../modules/auth/api-key.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { IdempotencyKey } from '../modules/leads/idempotency-key.entity.js';
import { Lead } from '../modules/leads/lead.entity.js';
import { Experiment } from '../modules/experiments/experiment.entity.js';
import { ExperimentScoreChange, LeadExperiment } from '../modules/experiments/lead-experiment.entity.js';
import { LeadActivity } from '../modules/lifecycle/lead-activity.entity.js';
import { ScoreFeedbackEntry } from '../modules/lifecycle/score-feedback.entity.js';
import { TenantSettings } from '../modules/lifecycle/tenant-settings.entity.js';
import { RescoringJob } from '../modules/scoring/rescoring-job.entity.js';
import { ScoreChange } from '../modules/scoring/score-change.entity.js';
import { ScoringModel } from '../modules/scoring/scoring-model.entity.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { RateLimit } from '../modules/rate-limit/rate-limit.entity.js';

export const entities = [Tenant, User, Session, ApiKey, ScoringModel, Lead, IdempotencyKey, RateLimit, OutboxEvent, EventConsumer, ScoreChange, RescoringJob, LeadActivity, ScoreFeedbackEntry, TenantSettings, Experiment, LeadExperiment, ExperimentScoreChange];
