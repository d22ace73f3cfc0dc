import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden } from '../../errors.js';
import { isAdmin, type Principal } from '../auth/principal.js';
import { StartExperimentInput } from './experiment.inputs.js';
import { ExperimentService } from './experiment.service.js';
import { ExperimentNode, ExperimentResult } from './experiment.types.js';

/** Experiments are admin-only: a rep's session, a manager or an API key get FORBIDDEN. */
export function requireAdmin(principal: Principal | null): Principal {
  if (!principal || !isAdmin(principal)) throw forbidden('Only an admin of your tenant may run experiments and learn scoring models; sign in as an admin.');
  return principal;
}

@Resolver()
export class ExperimentResolver {
  @Query(() => [ExperimentNode], { description: 'A/B tests of scoring models in your tenant, newest first (admins).' })
  experiments(@Ctx() { em, principal }: Context): Promise<ExperimentNode[]> {
    requireAdmin(principal);
    return new ExperimentService(em).list();
  }

  @Query(() => ExperimentResult, {
    description: 'Leads, outcomes and conversion per arm with intervals, the test, and the verdict (admins). The verdict is given only once the planned outcomes are in. NOT_FOUND for an unknown id.',
  })
  experimentResult(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<ExperimentResult> {
    requireAdmin(principal);
    return new ExperimentService(em).result(id);
  }

  @Mutation(() => ExperimentNode, {
    description:
      'Starts an A/B test of a DRAFT or RETIRED version (challenger) against the active one (control), on leads created from now on (admins). One at a time per tenant; BAD_USER_INPUT while another runs or leads are being rescored.',
  })
  startExperiment(@Arg('input', () => StartExperimentInput) input: StartExperimentInput, @Ctx() { em, principal }: Context): Promise<ExperimentNode> {
    return new ExperimentService(em).start(requireAdmin(principal), input);
  }

  @Mutation(() => ExperimentNode, { description: 'Ends an experiment (admins): every lead takes the active model\'s score again. Its leads keep maturing into outcomes. NOT_FOUND for an unknown id.' })
  stopExperiment(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<ExperimentNode> {
    return new ExperimentService(em).stop(requireAdmin(principal), id);
  }
}
