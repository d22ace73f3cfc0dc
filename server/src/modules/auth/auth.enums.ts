import { registerEnumType } from 'type-graphql';

export enum UserRole {
  /** Everything, including the tenant's settings, team, API keys and scoring model. */
  ADMIN = 'ADMIN',
  /** Everything a rep may, and sees the whole tenant; no settings. */
  MANAGER = 'MANAGER',
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

registerEnumType(UserRole, {
  name: 'UserRole',
  valuesConfig: {
    ADMIN: { description: 'May change the settings, the team, API keys and the scoring model.' },
    MANAGER: { description: 'May do what a rep may and sees everything in the tenant; no settings.' },
    REP: { description: 'Works leads.' },
  },
});
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope' });
registerEnumType(PrincipalKind, { name: 'PrincipalKind' });
