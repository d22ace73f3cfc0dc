import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, FieldErrorCode, forbidden, notFound, type FieldError } from '../../errors.js';
import { recordEvent } from '../../events/outbox.js';
import { isUuid } from '../../kernel/ids.js';
import { UserRole } from '../auth/auth.enums.js';
import { endSessionsOf, notifyAuthChanged } from '../auth/auth.service.js';
import { generateInitialPassword, hashPassword } from '../auth/password.js';
import type { Principal } from '../auth/principal.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { User } from '../auth/user.entity.js';
import { checkNewMember, lastAdminError, removesLastAdmin, type NewMember } from './team.rules.js';
import type { TeamMember } from './team.types.js';

/** Outbox events of team changes (an audit trail; no consumer needs them live). Ids and roles only. */
export const TeamEvent = {
  CREATED: 'team.member_created',
  ROLE_CHANGED: 'team.member_role_changed',
  DEACTIVATED: 'team.member_deactivated',
  REACTIVATED: 'team.member_reactivated',
} as const;

const emailTaken = (): FieldError => ({
  field: 'input.email',
  code: FieldErrorCode.ALREADY_TAKEN,
  message: 'An account with this e-mail address exists already. Each address signs in to one account.',
});

export function toTeamMember(user: User): TeamMember {
  return { id: user.id, name: user.name, email: user.email, role: user.role, active: user.active, createdAt: user.createdAt, deactivatedAt: user.deactivatedAt ?? null };
}

/**
 * The tenant's users. Every change that could take away the last active admin runs under a lock on
 * the tenant's row, so two admins demoting each other at once cannot both succeed.
 */
export class TeamService {
  constructor(
    private readonly em: EntityManager,
    private readonly cache?: PrincipalCache,
  ) {}

  /** Active members first, then by name. One query; the tenant filter keeps it to the caller's tenant. */
  async list(): Promise<TeamMember[]> {
    const users = await this.em.find(User, {}, { orderBy: { active: 'desc', name: 'asc', id: 'asc' } });
    return users.map(toTeamMember);
  }

  /** The first password is generated here, returned once and stored only as a hash. */
  async create(actor: Principal, input: NewMember): Promise<{ member: TeamMember; initialPassword: string }> {
    const { member, problems } = checkNewMember(input);
    if (problems.length) throw badUserInput(problems);
    // sign-in asks for the e-mail only, so an address belongs to one account across all tenants
    if (await this.em.count(User, { email: member.email }, { filters: false })) throw badUserInput([emailTaken()]);
    const initialPassword = generateInitialPassword();
    const passwordHash = await hashPassword(initialPassword);
    try {
      const user = await this.em.transactional(async (tx) => {
        const user = tx.create(User, { tenant: actor.tenantId, name: member.name, email: member.email, role: member.role, passwordHash });
        await tx.flush();
        await recordEvent(tx, { type: TeamEvent.CREATED, tenantId: actor.tenantId, aggregateId: user.id, payload: { actorId: actor.id, role: user.role } });
        return user;
      });
      return { member: toTeamMember(user), initialPassword };
    } catch (error) {
      // the same address created at the same moment elsewhere
      if (error instanceof UniqueConstraintViolationException) throw badUserInput([emailTaken()]);
      throw error;
    }
  }

  async changeRole(actor: Principal, id: string, role: UserRole): Promise<TeamMember> {
    const changed = await this.locked(actor, id, async (tx, user) => {
      if (user.role === role) return false;
      await keepsAnAdmin(tx, user, user.active && role === UserRole.ADMIN);
      user.role = role;
      await tx.flush();
      // sessions stay; every process forgets the cached role and reconnects the member's sockets
      await notifyAuthChanged(tx, { roleChangedUserId: user.id });
      await recordEvent(tx, { type: TeamEvent.ROLE_CHANGED, tenantId: actor.tenantId, aggregateId: user.id, payload: { actorId: actor.id, role } });
      return true;
    });
    if (changed.done) this.cache?.forget({ roleChangedUserId: changed.user.id });
    return toTeamMember(changed.user);
  }

  /** Ends the member's sessions in the same transaction; their open sockets close (4403) in every process. */
  async deactivate(actor: Principal, id: string): Promise<TeamMember> {
    if (id === actor.id) {
      throw badUserInput([{ field: 'id', code: FieldErrorCode.NOT_REMOVABLE, message: 'You cannot deactivate yourself; another admin can.' }]);
    }
    const changed = await this.locked(actor, id, async (tx, user) => {
      if (!user.active) return false;
      await keepsAnAdmin(tx, user, false);
      user.active = false;
      user.deactivatedAt = new Date();
      await tx.flush();
      await endSessionsOf(tx, user.id);
      await recordEvent(tx, { type: TeamEvent.DEACTIVATED, tenantId: actor.tenantId, aggregateId: user.id, payload: { actorId: actor.id } });
      return true;
    });
    if (changed.done) this.cache?.forget({ userId: changed.user.id });
    return toTeamMember(changed.user);
  }

  /** The member may sign in again (with their old password); no session comes back. */
  async reactivate(actor: Principal, id: string): Promise<TeamMember> {
    const changed = await this.locked(actor, id, async (tx, user) => {
      if (user.active) return false;
      user.active = true;
      user.deactivatedAt = null;
      await tx.flush();
      await recordEvent(tx, { type: TeamEvent.REACTIVATED, tenantId: actor.tenantId, aggregateId: user.id, payload: { actorId: actor.id } });
      return true;
    });
    return toTeamMember(changed.user);
  }

  /**
   * Runs `work` on the member in one transaction that holds the tenant's row, so changes to who is
   * an active admin take turns. `work` says whether it changed anything (repeating a change is no error).
   */
  private async locked(actor: Principal, id: string, work: (tx: EntityManager, user: User) => Promise<boolean>): Promise<{ user: User; done: boolean }> {
    if (!isUuid(id)) throw memberNotFound();
    return this.em.transactional(async (tx) => {
      await tx.execute('select 1 from tenant where id = ? for no key update', [actor.tenantId]);
      // the caller's own rights may have changed while it waited for the lock (two admins demoting each other)
      if (!(await tx.count(User, { id: actor.id, role: UserRole.ADMIN, active: true }))) {
        throw forbidden('You are no longer an admin of this tenant.');
      }
      // tenant filter: a member of another tenant is "not found", like a missing one
      const user = await tx.findOne(User, { id }, { refresh: true });
      if (!user) throw memberNotFound();
      return { user, done: await work(tx, user) };
    });
  }
}

/** Refuses a change after which `user` is no active admin when no other active admin is left. Under the tenant lock. */
async function keepsAnAdmin(tx: EntityManager, user: User, staysActiveAdmin: boolean): Promise<void> {
  const isActiveAdmin = user.active && user.role === UserRole.ADMIN;
  if (!isActiveAdmin || staysActiveAdmin) return;
  const otherActiveAdmins = await tx.count(User, { role: UserRole.ADMIN, active: true, id: { $ne: user.id } });
  if (removesLastAdmin({ isActiveAdmin, staysActiveAdmin, otherActiveAdmins })) throw badUserInput([lastAdminError()]);
}

function memberNotFound() {
  return notFound('There is no such member in your team. Reload the list.');
}
