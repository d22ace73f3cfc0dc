import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MAX_EMAIL_LENGTH } from '../../kernel/email.js';
import { UserRole } from '../auth/auth.enums.js';
import { MAX_NAME_LENGTH } from './team.rules.js';

@InputType('CreateTeamMemberInput')
export class CreateTeamMemberInput {
  @Field(() => String, { description: `1–${MAX_NAME_LENGTH} characters` })
  name!: string;

  @Field(() => String, { description: `Their sign-in; unique across all tenants, at most ${MAX_EMAIL_LENGTH} characters` })
  email!: string;

  @Field(() => UserRole)
  role!: UserRole;
}

@ArgsType()
export class ChangeRoleArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UserRole)
  role!: UserRole;
}
