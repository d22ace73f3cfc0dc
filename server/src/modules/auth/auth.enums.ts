import { registerEnumType } from 'type-graphql';

export enum UserRole {
  ADMIN = 'ADMIN',
  REP = 'REP',
}

export enum ApiKeyScope {
  /** Queries and subscriptions only. */
  READ = 'READ',
  /** Everything a rep can do. */
  WRITE = 'WRITE',
}

export enum PrincipalKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}

registerEnumType(UserRole, { name: 'UserRole' });
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope' });
registerEnumType(PrincipalKind, { name: 'PrincipalKind' });
