// Operator command: a tenant with its first admin (and optionally an API key) on any database.
//   DATABASE_URL=postgres://… npm run tenant:create -w server -- --name "Acme" --admin-email a@acme.test \
//     --admin-name "Ada Admin" --admin-password '…' [--api-key "CRM sync" --api-key-scope READ|WRITE]
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../db/migrate.js';
import { ormOptions } from '../db/orm.config.js';
import { ApiKeyScope, PrincipalKind } from '../modules/auth/auth.enums.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { User } from '../modules/auth/user.entity.js';
import { isEmail } from '../kernel/email.js';
import { TENANT_FILTER } from '../kernel/tenant-scope.js';
import { createTenant } from '../onboarding/create-tenant.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-password': { type: 'string' },
    'api-key': { type: 'string' },
    'api-key-scope': { type: 'string', default: 'READ' },
  },
});
const databaseUrl = process.env.DATABASE_URL || fail('Set DATABASE_URL to the database the tenant belongs in.');
const name = values.name?.trim() || fail('--name is required (the tenant name).');
const adminEmail = values['admin-email']?.trim() || fail('--admin-email is required.');
if (!isEmail(adminEmail)) fail(`--admin-email "${adminEmail}" is not an email address.`);
const adminPassword = values['admin-password'] || fail('--admin-password is required.');
if (adminPassword.length < 8) fail('--admin-password must have at least 8 characters.');
const scope = values['api-key-scope']!.toUpperCase() as ApiKeyScope;
if (!Object.values(ApiKeyScope).includes(scope)) fail('--api-key-scope must be READ or WRITE.');

const orm = await MikroORM.init(ormOptions(databaseUrl, { connect: true }));
try {
  await migrate(orm, databaseUrl);
  if (await orm.em.fork().count(User, { email: adminEmail.toLowerCase() }, { filters: false })) fail(`A user with email ${adminEmail} exists already.`);
  const { tenant, admin } = await createTenant(orm.em.fork(), { name, adminEmail, adminName: values['admin-name']?.trim() || adminEmail, adminPassword });
  console.log(`tenant   ${tenant.name} (${tenant.id})`);
  console.log(`admin    ${admin.email} (${admin.id})`);
  if (values['api-key']) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const { apiKey, secret } = await new AuthService(em).createApiKey({ kind: PrincipalKind.USER, id: admin.id, name: admin.name, tenantId: tenant.id }, values['api-key'], scope);
    console.log(`api key  ${apiKey.name} (${apiKey.scope}, ${apiKey.id})`);
    console.log(`secret   ${secret}   <- shown once; send as "Authorization: Bearer <secret>"`);
  }
} finally {
  await orm.close();
}
