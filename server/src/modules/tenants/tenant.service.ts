import type { EntityManager } from '@mikro-orm/postgresql';
import { UserRole } from '../auth/auth.enums.js';
import { hashPassword } from '../auth/password.js';
import { User } from '../auth/user.entity.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { Tenant } from './tenant.entity.js';

export interface NewTenant {
  name: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
}

/** A tenant with its first admin and the default scoring model, in one transaction. */
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
