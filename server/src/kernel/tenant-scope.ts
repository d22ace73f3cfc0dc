import type { EntityManager } from '@mikro-orm/core';

/**
 * Every tenant-owned entity carries this filter, enabled by default. An EntityManager that has not
 * been given a tenant throws instead of reading across tenants; the few lookups that must search
 * all tenants (login, API key, session) switch it off by name, where a reviewer can see it.
 */
export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  tenantId: string;
}

export const tenantFilter = {
  name: TENANT_FILTER,
  cond: (params: TenantFilterParams) => {
    if (!params?.tenantId) throw new Error('tenant filter used without a tenant');
    return { tenant: params.tenantId };
  },
  default: true,
};

/** The tenant an EntityManager is bound to, for the few hand-written statements; throws without one. */
export function boundTenantId(em: EntityManager): string {
  const tenantId = (em.getFilterParams(TENANT_FILTER) as Partial<TenantFilterParams> | undefined)?.tenantId;
  if (!tenantId) throw new Error('tenant-scoped query without a tenant');
  return tenantId;
}
