import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { unauthenticated } from '../../errors.js';
import { PrincipalKind } from '../auth/auth.enums.js';
import { LeadNode } from '../leads/lead.types.js';
import { ScoreFeedback } from './lifecycle.enums.js';
import { LeadStatusInput, ScoreFeedbackInput, TenantSettingsInput } from './lifecycle.inputs.js';
import { activitiesOf, feedbackSummaries, verdictsOf } from './lifecycle.reads.js';
import { LifecycleService } from './lifecycle.service.js';
import { LeadActivityNode, ScoreFeedbackSummary, TenantSettingsNode } from './lifecycle.types.js';
import { slaBreached, slaDueAt, type TenantRules } from './settings.rules.js';
import { SettingsService, toSettingsNode } from './settings.service.js';

interface Loaders {
  activities: DataLoader<string, LeadActivityNode[]>;
  feedback: DataLoader<string, ScoreFeedbackSummary>;
  mine?: DataLoader<string, ScoreFeedback | null>;
  rules?: { loaded: number; rules: Promise<TenantRules> };
}

/** One set per operation: a page of leads asking for these fields costs one statement per field. */
const loaders = new WeakMap<Context, Loaders>();
/** A subscription's context lives as long as its socket: its settings are read again after this. */
const RULES_TTL_MS = 60_000;

function tenantOf(context: Context): string {
  const tenantId = context.principal?.tenantId;
  if (!tenantId) throw unauthenticated();
  return tenantId;
}

function loadersOf(context: Context): Loaders {
  let found = loaders.get(context);
  if (!found) {
    const tenantId = tenantOf(context);
    found = {
      activities: new DataLoader((ids) => activitiesOf(context.em, tenantId, ids), { cache: false }),
      feedback: new DataLoader((ids) => feedbackSummaries(context.em, tenantId, ids), { cache: false }),
    };
    const principal = context.principal!;
    if (principal.kind === PrincipalKind.USER) found.mine = new DataLoader((ids) => verdictsOf(context.em, tenantId, principal.id, ids), { cache: false });
    loaders.set(context, found);
  }
  return found;
}

function rulesOf(context: Context): Promise<TenantRules> {
  const set = loadersOf(context);
  if (!set.rules || Date.now() - set.rules.loaded > RULES_TTL_MS) {
    const rules = new SettingsService(context.em).rules();
    set.rules = { loaded: Date.now(), rules };
    rules.catch(() => (set.rules = undefined));
  }
  return set.rules.rules;
}

@Resolver(() => LeadNode)
export class LifecycleResolver {
  @FieldResolver(() => Date, { nullable: true, description: "When the first contact is due: created + the SLA of the lead's tier, while NEW; null otherwise or without an SLA." })
  async slaDueAt(@Root() lead: LeadNode, @Ctx() context: Context): Promise<Date | null> {
    return slaDueAt(lead, (await rulesOf(context)).sla);
  }

  @FieldResolver(() => Boolean, { description: 'Still NEW after slaDueAt.' })
  async slaBreached(@Root() lead: LeadNode, @Ctx() context: Context): Promise<boolean> {
    return slaBreached(lead, (await rulesOf(context)).sla);
  }

  @FieldResolver(() => [LeadActivityNode], { description: 'Status changes, assignments and score feedback, oldest first.' })
  activities(@Root() lead: LeadNode, @Ctx() context: Context): Promise<LeadActivityNode[]> {
    return loadersOf(context).activities.load(lead.id);
  }

  @FieldResolver(() => ScoreFeedbackSummary, { description: "The team's verdicts on the score." })
  feedback(@Root() lead: LeadNode, @Ctx() context: Context): Promise<ScoreFeedbackSummary> {
    return loadersOf(context).feedback.load(lead.id);
  }

  @FieldResolver(() => ScoreFeedback, {
    nullable: true,
    description: 'Your verdict on the score; null without one, for API keys, and in leadScored events (they are shared by everyone subscribed).',
  })
  async myFeedback(@Root() lead: LeadNode, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ScoreFeedback | null> {
    // a subscription's results are executed once for every subscriber of the tenant: nothing personal in them
    if (info.operation.operation === 'subscription') return null;
    const mine = loadersOf(context).mine;
    return mine ? mine.load(lead.id) : null;
  }

  @Mutation(() => LeadNode, {
    nullable: true,
    description:
      'Moves a lead on: open statuses move forward or to LOST; WON needs dealValue, LOST a lostReason; an admin may reopen WON/LOST to CONTACTED or QUALIFIED. Null when there is no such lead in your tenant.',
  })
  changeLeadStatus(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => LeadStatusInput) input: LeadStatusInput,
    @Ctx() { em, principal }: Context,
  ): Promise<LeadNode | null> {
    return new LifecycleService(em).changeStatus(principal!, id, input);
  }

  @Mutation(() => LeadNode, { nullable: true, description: 'Gives a lead to an active team member (your own id: assign to me); ownerId null unassigns. Null when there is no such lead in your tenant.' })
  assignLead(
    @Arg('id', () => ID) id: string,
    @Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null | undefined,
    @Ctx() { em, principal }: Context,
  ): Promise<LeadNode | null> {
    return new LifecycleService(em).assign(principal!, id, ownerId);
  }

  @Mutation(() => LeadNode, { nullable: true, description: 'Your verdict on the score of a lead (one per user, changeable). Null when there is no such lead in your tenant.' })
  rateLeadScore(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ScoreFeedbackInput) input: ScoreFeedbackInput,
    @Ctx() { em, principal }: Context,
  ): Promise<LeadNode | null> {
    return new LifecycleService(em).rate(principal!, id, input);
  }

  @Query(() => TenantSettingsNode, { description: 'SLA and decay settings of your tenant.' })
  async tenantSettings(@Ctx() { em }: Context): Promise<TenantSettingsNode> {
    return toSettingsNode(await new SettingsService(em).rules());
  }

  @Mutation(() => TenantSettingsNode, { description: 'Admins only.' })
  async updateTenantSettings(@Arg('input', () => TenantSettingsInput) input: TenantSettingsInput, @Ctx() { em, principal }: Context): Promise<TenantSettingsNode> {
    return toSettingsNode(await new SettingsService(em).update(principal!, input));
  }
}
