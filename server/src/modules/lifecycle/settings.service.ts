import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { recordEvent } from '../../events/outbox.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { requireAdmin } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.js';
import type { TenantSettingsNode } from './lifecycle.types.js';
import { applySettings, DEFAULT_RULES, validateSettings, type SettingsChange, type TenantRules } from './settings.rules.js';
import { TenantSettings } from './tenant-settings.entity.js';

export const SETTINGS_CHANGED_EVENT = 'tenant.settings_changed';

export function rulesOf(row: TenantSettings | null): TenantRules {
  if (!row) return { sla: { ...DEFAULT_RULES.sla }, decay: { ...DEFAULT_RULES.decay } };
  return {
    sla: { HOT: row.slaHotMinutes, KEY_ACCOUNT: row.slaKeyAccountMinutes, WARM: row.slaWarmMinutes, COLD: row.slaColdMinutes },
    decay: { enabled: row.decayEnabled, points: row.decayPoints, everyDays: row.decayEveryDays, floor: row.decayFloor },
  };
}

export function toSettingsNode(rules: TenantRules): TenantSettingsNode {
  return {
    sla: { hotMinutes: rules.sla.HOT, keyAccountMinutes: rules.sla.KEY_ACCOUNT, warmMinutes: rules.sla.WARM, coldMinutes: rules.sla.COLD },
    decay: { ...rules.decay },
  };
}

/** The settings of the EntityManager's tenant; a tenant without a row has the defaults. */
export class SettingsService {
  constructor(private readonly em: EntityManager) {}

  async rules(): Promise<TenantRules> {
    // a fork, so the row stays out of the caller's unit of work
    return rulesOf(await this.em.fork().findOne(TenantSettings, { tenant: boundTenantId(this.em) }));
  }

  /** Admins only; all of it checked before anything is stored. */
  async update(principal: Principal, change: SettingsChange): Promise<TenantRules> {
    requireAdmin(principal, 'change the settings');
    const errors = validateSettings(change);
    if (errors.length) throw badUserInput(errors);
    const tenantId = boundTenantId(this.em);
    return this.em.transactional(async (em) => {
      // the row with the defaults first, so two first changes at once take turns on its lock
      await em.execute('insert into tenant_settings (tenant_id, updated_at) values (?, now()) on conflict do nothing', [tenantId]);
      const row = await em.findOneOrFail(TenantSettings, { tenant: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const rules = applySettings(rulesOf(row), change);
      row.slaHotMinutes = rules.sla.HOT;
      row.slaKeyAccountMinutes = rules.sla.KEY_ACCOUNT;
      row.slaWarmMinutes = rules.sla.WARM;
      row.slaColdMinutes = rules.sla.COLD;
      row.decayEnabled = rules.decay.enabled;
      row.decayPoints = rules.decay.points;
      row.decayEveryDays = rules.decay.everyDays;
      row.decayFloor = rules.decay.floor;
      row.updatedAt = new Date();
      await em.flush();
      // an audit trail: readers take the settings per operation, so no process holds old ones for long
      await recordEvent(em, { type: SETTINGS_CHANGED_EVENT, tenantId, aggregateId: tenantId, payload: { userId: principal.id, settings: toSettingsNode(rules) } });
      return rules;
    });
  }
}
