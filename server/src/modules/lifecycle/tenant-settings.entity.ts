import { Entity, Filter, ManyToOne, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { DEFAULT_DECAY, DEFAULT_SLA_MINUTES } from './settings.rules.js';

/**
 * A tenant's settings: first-contact SLA per tier (minutes; null: none) and score decay. A tenant
 * without a row has the defaults (the column defaults, which are the same numbers).
 */
@Entity({ tableName: 'tenant_settings' })
@Filter(tenantFilter)
export class TenantSettings {
  [OptionalProps]?: 'slaHotMinutes' | 'slaKeyAccountMinutes' | 'slaWarmMinutes' | 'slaColdMinutes' | 'decayEnabled' | 'decayPoints' | 'decayEveryDays' | 'decayFloor' | 'updatedAt';

  @ManyToOne(() => Tenant, { primary: true, deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Property({ type: t.integer, nullable: true, default: DEFAULT_SLA_MINUTES.HOT })
  slaHotMinutes: number | null = DEFAULT_SLA_MINUTES.HOT;

  @Property({ type: t.integer, nullable: true, default: DEFAULT_SLA_MINUTES.KEY_ACCOUNT })
  slaKeyAccountMinutes: number | null = DEFAULT_SLA_MINUTES.KEY_ACCOUNT;

  @Property({ type: t.integer, nullable: true, default: DEFAULT_SLA_MINUTES.WARM })
  slaWarmMinutes: number | null = DEFAULT_SLA_MINUTES.WARM;

  @Property({ type: t.integer, nullable: true })
  slaColdMinutes: number | null = DEFAULT_SLA_MINUTES.COLD;

  @Property({ type: t.boolean, default: DEFAULT_DECAY.enabled })
  decayEnabled: boolean = DEFAULT_DECAY.enabled;

  @Property({ type: t.smallint, default: DEFAULT_DECAY.points })
  decayPoints: number = DEFAULT_DECAY.points;

  @Property({ type: t.smallint, default: DEFAULT_DECAY.everyDays })
  decayEveryDays: number = DEFAULT_DECAY.everyDays;

  @Property({ type: t.smallint, default: DEFAULT_DECAY.floor })
  decayFloor: number = DEFAULT_DECAY.floor;

  @Property({ type: t.datetime, length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
