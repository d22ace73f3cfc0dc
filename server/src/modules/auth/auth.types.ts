import { Field, ID, ObjectType } from 'type-graphql';
import { ApiKeyScope, UserRole } from './auth.enums.js';

@ObjectType('Tenant')
export class TenantType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => TenantType)
  tenant!: TenantType;
}

@ObjectType('ApiKey', { description: 'A partner tool\'s key. The secret itself is shown only once, when the key is created.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ApiKeyScope)
  scope!: ApiKeyScope;

  @Field(() => String, { description: 'Recognisable start of the key, e.g. lse_1a2b3c4d' })
  prefix!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKey {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'Send as `Authorization: Bearer <secret>`. Not retrievable later.' })
  secret!: string;
}

@ObjectType('DemoAccount', { description: 'A login of the demo data, offered on the sign-in page in demo mode.' })
export class DemoAccount {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String)
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => String)
  tenantName!: string;
}
