import { requireAdmin } from '../auth/auth.service.js';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import type { RescoringQueue } from '../scoring/rescoring.service.js';
import { StartExperimentInput } from './experiment.inputs.js';
import { ExperimentService } from './experiment.service.js';
import { ExperimentNode, ExperimentResult } from './experiment.types.js';

const ADMIN_TASK = 'run experiments';

/** Experiments are admin-only: a rep's session, a manager or an API key get FORBIDDEN. */
@Resolver()
export class ExperimentResolver {
  constructor(private readonly queue?: RescoringQueue) {}

  @Query(() => [ExperimentNode], { description: 'A/B tests of scoring models in your tenant, newest first (admins).' })
  experiments(@Ctx() { em, principal }: Context): Promise<ExperimentNode[]> {
    requireAdmin(principal, ADMIN_TASK);
    return new ExperimentService(em).list();
  }

  @Query(() => ExperimentResult, {
    description: 'Leads, outcomes and conversion per arm with intervals, the test, and the verdict (admins). The verdict is given only once the planned outcomes are in. NOT_FOUND for an unknown id.',
  })
  experimentResult(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<ExperimentResult> {
    requireAdmin(principal, ADMIN_TASK);
    return new ExperimentService(em).result(id);
  }

  @Mutation(() => ExperimentNode, {
    description:
      'Starts an A/B test of a DRAFT or RETIRED version (challenger) against the active one (control), on leads created from now on (admins). One at a time per tenant; BAD_USER_INPUT while another runs or leads are being rescored.',
  })
  startExperiment(@Arg('input', () => StartExperimentInput) input: StartExperimentInput, @Ctx() { em, principal }: Context): Promise<ExperimentNode> {
    return new ExperimentService(em).start(requireAdmin(principal, ADMIN_TASK), input);
  }

  @Mutation(() => ExperimentNode, {
    description:
      'Ends an experiment (admins): every lead takes the active model\'s score again, in a rescoring job in the background (activeRescoringJob, rescoringProgress). Its leads keep maturing into outcomes. NOT_FOUND for an unknown id.',
  })
  stopExperiment(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<ExperimentNode> {
    const admin = requireAdmin(principal, ADMIN_TASK);
    if (!this.queue) throw new Error('ExperimentResolver was built without the rescoring queue');
    return new ExperimentService(em).stop(admin, id, this.queue);
  }
}
