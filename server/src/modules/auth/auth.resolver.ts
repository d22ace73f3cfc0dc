import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ErrorCode, FieldErrorCode, forbidden, type FieldError } from '../../errors.js';
import { rateLimited } from '../rate-limit/rate-limiter.js';
import { ApiKeyScope, PrincipalKind } from './auth.enums.js';
import { AuthService, LoginFailedError, requireAdmin, SESSION_TTL_MS } from './auth.service.js';
import { ApiKeyType, CreatedApiKey, DemoAccount, UserType } from './auth.types.js';
import type { LoginThrottle } from './login-throttle.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import type { PrincipalCache } from './principal-cache.js';
import { User } from './user.entity.js';

/** What auth needs beyond the request, built once by the app. */
export interface AuthDependencies {
  /** verified credentials of this process; logout and revocation evict from it */
  principals: PrincipalCache;
  /** sign-in attempts, counted in PostgreSQL for every process */
  loginThrottle: LoginThrottle;
  /** logins offered on the sign-in page; empty unless the server runs with demo data */
  demoAccounts: readonly DemoAccount[];
}

@ArgsType()
class LoginArgs {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@ArgsType()
class CreateApiKeyArgs {
  @Field(() => String, { description: 'What the key is for, e.g. the partner tool' })
  name!: string;

  @Field(() => ApiKeyScope)
  scope!: ApiKeyScope;
}

@ArgsType()
class ChangePasswordArgs {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String, { description: `${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters` })
  newPassword!: string;
}

function isWrongPassword(error: unknown): boolean {
  const fields = error instanceof GraphQLError ? (error.extensions.fields as FieldError[] | undefined) : undefined;
  return !!fields?.some((field) => field.code === FieldErrorCode.WRONG_PASSWORD);
}

function toUserType(user: User): UserType {
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenant: { id: user.tenant.id, name: user.tenant.name } };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly deps: AuthDependencies) {}

  @Mutation(() => UserType, { description: 'Signs a rep in and sets the HttpOnly session cookie.' })
  async login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() { em, cookies, clientAddress, logger }: Context): Promise<UserType> {
    const { loginThrottle } = this.deps;
    if (!cookies) throw new GraphQLError('Sign in over HTTP, not over the WebSocket.', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    // counted before the password is checked: a refused attempt costs no scrypt
    const reservation = await loginThrottle.reserve(em, email, clientAddress);
    if (!reservation.allowed) {
      const minutes = Math.ceil(reservation.retryAfterMs / 60_000);
      throw rateLimited(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, reservation.retryAfterMs);
    }
    let signedIn: { user: User; token: string };
    try {
      signedIn = await new AuthService(em).login(email, password);
    } catch (error) {
      if (!(error instanceof LoginFailedError)) throw error;
      // the attempt stays counted; one message for unknown email and wrong password
      throw new GraphQLError('Email or password is incorrect.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    }
    // the session exists already: a count that could not be reset must not turn it into an error
    await loginThrottle.succeeded(em, reservation.attempt).catch((err: unknown) => logger.warn({ event: 'login_throttle_reset_failed', err }, 'could not reset the failed sign-ins'));
    cookies.set(signedIn.token, SESSION_TTL_MS);
    return toUserType(signedIn.user);
  }

  @Mutation(() => Boolean, { description: 'Ends this session. True when a session was ended.' })
  async logout(@Ctx() { em, principal, cookies }: Context): Promise<boolean> {
    cookies?.clear();
    if (!principal?.sessionTokenHash) return false;
    await new AuthService(em, this.deps.principals).logout(principal);
    return true;
  }

  @Query(() => UserType, { nullable: true, description: 'The signed-in user; null for API keys and anonymous callers.' })
  async me(@Ctx() { em, principal }: Context): Promise<UserType | null> {
    if (principal?.kind !== PrincipalKind.USER) return null;
    const user = await em.findOne(User, { id: principal.id }, { populate: ['tenant'] });
    return user ? toUserType(user) : null;
  }

  @Query(() => [DemoAccount], { description: 'Demo logins; empty unless the server runs with demo data (SEED_DEMO).' })
  demoAccounts(): DemoAccount[] {
    return [...this.deps.demoAccounts];
  }

  @Query(() => [ApiKeyType], { description: 'API keys of this tenant (admins only).' })
  async apiKeys(@Ctx() { em, principal }: Context): Promise<ApiKeyType[]> {
    requireAdmin(principal!);
    return new AuthService(em).listApiKeys();
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key for a partner tool (admins only).' })
  async createApiKey(@Args(() => CreateApiKeyArgs) { name, scope }: CreateApiKeyArgs, @Ctx() { em, principal }: Context): Promise<CreatedApiKey> {
    requireAdmin(principal!);
    return new AuthService(em).createApiKey(principal!, name, scope);
  }

  @Mutation(() => Boolean, {
    description: 'Sets a new password for the signed-in user (at least 8 characters). Ends every other session of theirs; this one stays.',
  })
  async changePassword(
    @Args(() => ChangePasswordArgs) { currentPassword, newPassword }: ChangePasswordArgs,
    @Ctx() { em, principal, clientAddress, logger }: Context,
  ): Promise<boolean> {
    if (principal!.kind !== PrincipalKind.USER) throw forbidden('An API key has no password. Sign in to change yours.');
    const user = await em.findOneOrFail(User, { id: principal!.id });
    // a stolen session must not try current passwords freely: the attempt counts like a sign-in
    const reservation = await this.deps.loginThrottle.reserve(em, user.email, clientAddress);
    if (!reservation.allowed) {
      const minutes = Math.ceil(reservation.retryAfterMs / 60_000);
      throw rateLimited(`Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, reservation.retryAfterMs);
    }
    const succeeded = () =>
      this.deps.loginThrottle.succeeded(em, reservation.attempt).catch((err: unknown) => logger.warn({ event: 'login_throttle_reset_failed', err }, 'could not reset the failed sign-ins'));
    try {
      await new AuthService(em, this.deps.principals).changePassword(principal!, currentPassword, newPassword);
    } catch (error) {
      // only a wrong current password is a failed guess; a new password that is too short is not
      if (!isWrongPassword(error)) await succeeded();
      throw error;
    }
    await succeeded();
    return true;
  }

  @Mutation(() => Boolean, { description: 'Revokes a key at once. False when no such key exists in this tenant.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<boolean> {
    requireAdmin(principal!);
    return new AuthService(em, this.deps.principals).revokeApiKey(id);
  }
}
