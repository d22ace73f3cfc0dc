import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { selectedFields } from '../../graphql-selection.js';
import type { Context } from '../../context.js';
import { unauthenticated } from '../../errors.js';
import { Topic } from '../../pubsub.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from './lead.idempotency.js';
import { CreateLeadInput, LeadsArgs, UpdateLeadArgs } from './lead.inputs.js';
import { LeadQueries } from './lead.queries.js';
import { LEAD_RULES } from './lead.rules.js';
import { LeadService } from './lead.service.js';
import { LeadConnection, LeadNode, LeadRules, LeadScoredEvent } from './lead.types.js';

@Resolver(() => LeadNode)
export class LeadResolver {
  @Query(() => LeadConnection, { description: 'Leads of your tenant, a page at a time (keyset cursors).' })
  leads(@Args(() => LeadsArgs) args: LeadsArgs, @Ctx() { em }: Context, @Info() info: GraphQLResolveInfo): Promise<LeadConnection> {
    return new LeadQueries(em).page(args, selectedFields(info, ['edges', 'node']));
  }

  @Query(() => LeadNode, { nullable: true, description: 'Null when there is no such lead in your tenant.' })
  lead(@Arg('id', () => ID) id: string, @Ctx() { em }: Context): Promise<LeadNode | null> {
    return new LeadQueries(em).findById(id);
  }

  @Query(() => LeadRules, { description: 'The rules leads and lists are checked by, so clients can check early without a copy of them.' })
  leadRules(): LeadRules {
    return LEAD_RULES;
  }

  @Mutation(() => LeadNode, { description: 'Scores and stores a lead; subscribers of your tenant hear of it after commit.' })
  createLead(
    @Arg('input', () => CreateLeadInput) input: CreateLeadInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() { em, principal }: Context,
  ): Promise<LeadNode> {
    return new LeadService(em).create(principal!, input, idempotencyKey);
  }

  @Mutation(() => LeadNode, { nullable: true, description: 'Changes a lead and re-scores it. Null when there is no such lead in your tenant.' })
  updateLead(@Args(() => UpdateLeadArgs) { id, input, idempotencyKey }: UpdateLeadArgs, @Ctx() { em, principal }: Context): Promise<LeadNode | null> {
    return new LeadService(em).update(principal!, id, input, idempotencyKey);
  }

  @Subscription(() => LeadScoredEvent, {
    description:
      'Every new or changed score in your tenant, after commit, from any server process; and RESYNC (no lead) when events may have been missed, so you fetch again.',
    topics: Topic.LeadScored,
    topicId: ({ context }: { context: Context }) => {
      if (!context.principal) throw unauthenticated();
      return context.principal.tenantId;
    },
    // RESYNC reaches every subscriber: a filtered one may have missed events too; a lead that
    // drops below minScore is delivered once more, so lists can remove it
    filter: ({ payload, args }: { payload: LeadScoredEvent; args: { minScore?: number | null } }) =>
      args.minScore == null || !payload.lead || payload.lead.score >= args.minScore || (payload.previousScore != null && payload.previousScore >= args.minScore),
  })
  leadScored(
    @Root() event: LeadScoredEvent,
    @Arg('minScore', () => Int, {
      nullable: true,
      description: 'Only leads scoring at least this much, and leads that just dropped below it (previousScore ≥ minScore, score below: remove them). RESYNC comes regardless.',
    })
    _minScore?: number,
  ): LeadScoredEvent {
    return event;
  }
}
