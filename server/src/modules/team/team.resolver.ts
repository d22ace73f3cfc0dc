import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden } from '../../errors.js';
import { PrincipalKind } from '../auth/auth.enums.js';
import { requireAdmin } from '../auth/auth.service.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { ChangeRoleArgs, CreateTeamMemberInput } from './team.inputs.js';
import { TeamService } from './team.service.js';
import { CreatedTeamMember, TeamMember } from './team.types.js';

const MANAGE = 'manage the team';

@Resolver(() => TeamMember)
export class TeamResolver {
  constructor(private readonly deps: { principals: PrincipalCache }) {}

  @Query(() => [TeamMember], { description: 'The users of this tenant, active ones first (anyone signed in: owners are picked from it).' })
  teamMembers(@Ctx() { em }: Context): Promise<TeamMember[]> {
    return new TeamService(em).list();
  }

  // partner tools pick owners by id and name; members' addresses are for the people they work with
  @FieldResolver(() => String, { description: 'Signed-in users only: an API key that asks for it gets FORBIDDEN.' })
  email(@Root() member: TeamMember, @Ctx() { principal }: Context): string {
    if (principal?.kind !== PrincipalKind.USER) throw forbidden('API keys see team members without their e-mail addresses: ask for id, name and role only.');
    return member.email;
  }

  @Mutation(() => CreatedTeamMember, { description: 'Adds a member with a generated first password, returned only here (admins only).' })
  createTeamMember(@Arg('input', () => CreateTeamMemberInput) input: CreateTeamMemberInput, @Ctx() { em, principal }: Context): Promise<CreatedTeamMember> {
    requireAdmin(principal!, MANAGE);
    return new TeamService(em).create(principal!, input);
  }

  @Mutation(() => TeamMember, { description: 'Admins only; the last active admin cannot be demoted. The member\'s open connections reconnect with the new role.' })
  changeTeamMemberRole(@Args(() => ChangeRoleArgs) { id, role }: ChangeRoleArgs, @Ctx() { em, principal }: Context): Promise<TeamMember> {
    requireAdmin(principal!, MANAGE);
    return new TeamService(em, this.deps.principals).changeRole(principal!, id, role);
  }

  @Mutation(() => TeamMember, { description: 'Admins only: the member cannot sign in any more, their sessions end and open connections close at once. Not the last active admin, not yourself.' })
  deactivateTeamMember(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<TeamMember> {
    requireAdmin(principal!, MANAGE);
    return new TeamService(em, this.deps.principals).deactivate(principal!, id);
  }

  @Mutation(() => TeamMember, { description: 'Admins only: the member may sign in again with their password.' })
  reactivateTeamMember(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<TeamMember> {
    requireAdmin(principal!, MANAGE);
    return new TeamService(em, this.deps.principals).reactivate(principal!, id);
  }
}
