import { Field, ID, ObjectType } from 'type-graphql';
import { UserRole } from '../auth/auth.enums.js';

@ObjectType('TeamMember', { description: 'A user of this tenant, as the team list and the owner pickers show them.' })
export class TeamMember {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => Boolean, { description: 'False once deactivated: cannot sign in, and is no longer offered as an owner.' })
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  deactivatedAt?: Date | null;
}

@ObjectType('CreatedTeamMember')
export class CreatedTeamMember {
  @Field(() => TeamMember)
  member!: TeamMember;

  @Field(() => String, { description: 'The first password, shown only now; hand it over and ask the member to change it.' })
  initialPassword!: string;
}
