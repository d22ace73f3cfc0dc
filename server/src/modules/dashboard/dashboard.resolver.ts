import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { DateRangeInput, KpiFilter } from './dashboard.inputs.js';
import { DashboardService, requireDashboardReader } from './dashboard.service.js';
import { LeadKpis } from './dashboard.types.js';

@Resolver()
export class DashboardResolver {
  @Query(() => LeadKpis, {
    description:
      'The dashboard: counts, conversion with 95 % intervals, time-to-contact, velocity, revenue, channels and industries of the leads created in `range` (managers, admins and API keys; reps get FORBIDDEN).',
  })
  leadKpis(
    @Arg('range', () => DateRangeInput) range: DateRangeInput,
    @Arg('filter', () => KpiFilter, { nullable: true }) filter: KpiFilter | null | undefined,
    @Ctx() { em, principal }: Context,
  ): Promise<LeadKpis> {
    requireDashboardReader(principal);
    return new DashboardService(em).kpis(range, filter);
  }
}
