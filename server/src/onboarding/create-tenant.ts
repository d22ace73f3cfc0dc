import type { EntityManager } from '@mikro-orm/postgresql';
import { UserRole } from '../modules/auth/auth.enums.js';
import { hashPassword } from '../modules/auth/password.js';
import { User } from '../modules/auth/user.entity.js';
import { ScoringService } from '../modules/scoring/scoring.service.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';

export interface NewTenant {
  name: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
}

/**
 * Onboarding spans modules (tenants, auth, scoring), so it sits above them: the operator command,
 * the demo seed and the tests call it. A tenant with its first admin and the default scoring
 * model, in one transaction.
 */
export async function createTenant(em: EntityManager, input: NewTenant): Promise<{ tenant: Tenant; admin: User }> {
  const passwordHash = await hashPassword(input.adminPassword);
  return em.transactional(async (tx) => {
    const tenant = tx.create(Tenant, { name: input.name });
    const admin = tx.create(User, {
      tenant,
      email: input.adminEmail.trim().toLowerCase(),
      name: input.adminName,
      role: UserRole.ADMIN,
      passwordHash,
    });
    ScoringService.seedDefault(tx, tenant.id);
    await tx.flush();
    return { tenant, admin };
  });
}
