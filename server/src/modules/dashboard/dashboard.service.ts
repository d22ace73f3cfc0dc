import { rateLimited } from '../rate-limit/rate-limiter.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden } from '../../errors.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { PrincipalKind } from '../auth/auth.enums.js';
import { seesWholeTenant, type Principal } from '../auth/principal.js';
import { leadTable } from '../leads/lead.mapping.js';
import { SettingsService } from '../lifecycle/settings.service.js';
import type { DateRangeInput, KpiFilter } from './dashboard.inputs.js';
import { validateKpiArgs } from './dashboard.rules.js';
import { shapeKpis } from './dashboard.shape.js';
import { countStatement, durationStatement, type CountRow, type DurationRow, type KpiScope, type Statement } from './dashboard.sql.js';
import type { LeadKpis } from './dashboard.types.js';

/** PostgreSQL's "invalid parameter value", e.g. a time zone Node knows and the database does not. */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * Managers and admins see the whole tenant's numbers, and API keys may read them (partners' own
 * dashboards); a rep sees their own queue, not the team's results.
 */
export function requireDashboardReader(principal: Principal | null): Principal {
  if (principal && (principal.kind === PrincipalKind.API_KEY || seesWholeTenant(principal))) return principal;
  throw forbidden('Only managers and admins may see the dashboard; ask an admin of your tenant for the MANAGER role.');
}

/**
 * At most this many `leadKpis` computations per tenant run at once in a process: each reads every
 * lead of its range (seconds and ~100 MB of hash memory at a million), so one API key sending many
 * at once must not take the database from everyone else. Dashboards refresh at most every 3 s.
 */
export const MAX_KPI_COMPUTATIONS_PER_TENANT = 4;
const running = new Map<string, number>();

/** The dashboard's numbers for the EntityManager's tenant. */
export class DashboardService {
  constructor(private readonly em: EntityManager) {}

  async kpis(range: DateRangeInput, filter: KpiFilter | null | undefined): Promise<LeadKpis> {
    const errors = validateKpiArgs(range, filter);
    if (errors.length) throw badUserInput(errors);
    const tenantId = boundTenantId(this.em);
    const busy = running.get(tenantId) ?? 0;
    if (busy >= MAX_KPI_COMPUTATIONS_PER_TENANT) {
      throw rateLimited(`${MAX_KPI_COMPUTATIONS_PER_TENANT} dashboards of your team are being computed right now; try again in a moment.`, 1_000);
    }
    running.set(tenantId, busy + 1);
    try {
      return await this.compute(range, filter, tenantId);
    } finally {
      const left = (running.get(tenantId) ?? 1) - 1;
      if (left) running.set(tenantId, left);
      else running.delete(tenantId);
    }
  }

  private async compute(range: DateRangeInput, filter: KpiFilter | null | undefined, tenantId: string): Promise<LeadKpis> {
    const scope: KpiScope = { tenantId, from: range.from, to: range.to, timeZone: range.timeZone ?? 'UTC', filter };
    const { sla } = await new SettingsService(this.em).rules();
    const table = leadTable(this.em);

    const started = performance.now();
    // two statements at once on two connections: each is one pass over the range's rows, and
    // together they keep both of a small server's cores busy instead of one after the other
    const [[counts], durations] = await Promise.all([
      // The planner cannot estimate the groups of computed keys (score bin, SLA state, day) and
      // takes every row for a group: at a million rows it would sort them (on disk) instead of
      // hashing both groupings in one pass. The groups are few by construction, at most the
      // product of the keys' values (4 tiers × 20 bins × 7 sources × 7 industries × 5 statuses ×
      // 4 SLA states, plus 732 days × 7 × 2: under 100,000, a few MB), so hashing is allowed
      // the memory the estimate asks for, which it never uses.
      this.rows<CountRow>(countStatement(table, scope, sla), { enable_sort: 'off', hash_mem_multiplier: '1000' }),
      this.rows<DurationRow>(durationStatement(table, scope)),
    ]).catch((error: unknown) => {
      if ((error as { code?: string }).code === INVALID_PARAMETER_VALUE) {
        throw badUserInput([{ field: 'range.timeZone', code: 'OUT_OF_RANGE', message: 'The database does not know this time zone; use an IANA name such as Europe/Berlin or UTC.' }]);
      }
      throw error;
    });
    const tookMs = Math.round(performance.now() - started);
    return shapeKpis({ counts, durations }, { from: range.from, to: range.to, timeZone: scope.timeZone, tookMs });
  }

  /**
   * One statement in a transaction of its own, for its settings: no JIT (compiling costs more than
   * these aggregates gain from it), enough memory to sort a million durations without spilling, and
   * `settings` of the statement's own. Through knex, so it is timed and traced like every other
   * statement; values as parameters.
   */
  private async rows<T>({ sql, params }: Statement, settings: Record<string, string> = {}): Promise<T[]> {
    const connection = this.em.getConnection();
    await connection.ensureConnection();
    const knex = connection.getKnex();
    return knex.transaction(async (trx) => {
      const local = Object.entries({ jit: 'off', work_mem: '64MB', ...settings }).map(([name, value]) => `set local ${name} = '${value}'`);
      await trx.raw(local.join('; '));
      const result: { rows: T[] } = await trx.raw(sql, params as never[]);
      return result.rows;
    });
  }
}
