import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { Topic } from '../../pubsub.js';
import { RescoringService, type RescoringQueue } from './rescoring.service.js';
import { requireAdmin } from '../auth/auth.service.js';
import { RescoringJobNode, type RescoringProgressEvent } from './scoring-versions.types.js';

/** Publishing versions and following the rescoring that follows; admins only. */
@Resolver()
export class RescoringResolver {
  constructor(private readonly queue?: RescoringQueue) {}

  @Mutation(() => RescoringJobNode, {
    description:
      'Makes a DRAFT the active version, or a RETIRED one again (roll back), and rescores every lead of your tenant in the background (admins). Refused with BAD_USER_INPUT while an earlier rescoring is unfinished.',
  })
  publishScoringModel(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<RescoringJobNode> {
    const admin = requireAdmin(principal, 'rescore the leads');
    if (!this.queue) throw new Error('RescoringResolver was built without its queue');
    return new RescoringService(em, this.queue).publish(admin, id);
  }

  @Query(() => RescoringJobNode, { nullable: true, description: 'A rescoring job of your tenant (admins); null when there is none of this id.' })
  rescoringJob(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<RescoringJobNode | null> {
    requireAdmin(principal, 'rescore the leads');
    return new RescoringService(em, this.queue!).job(id);
  }

  @Query(() => RescoringJobNode, { nullable: true, description: 'The queued or running rescoring of your tenant, if any (admins).' })
  activeRescoringJob(@Ctx() { em, principal }: Context): Promise<RescoringJobNode | null> {
    requireAdmin(principal, 'rescore the leads');
    return new RescoringService(em, this.queue!).activeJob();
  }

  @Subscription(() => RescoringJobNode, {
    description: 'Progress of a rescoring job of your tenant (admins), from whichever process runs it: after every batch, and when it ends.',
    topics: Topic.RescoringProgress,
    topicId: ({ context, args }: { context: Context; args: { jobId: string } }) => {
      requireAdmin(context.principal, 'rescore the leads');
      return args.jobId;
    },
    filter: ({ payload, context }: { payload: RescoringProgressEvent; context: Context }) => payload.tenantId === context.principal?.tenantId,
  })
  rescoringProgress(@Root() event: RescoringProgressEvent, @Arg('jobId', () => ID) _jobId: string): RescoringJobNode {
    return event.job;
  }
}
