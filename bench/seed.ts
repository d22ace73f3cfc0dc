// One freshly seeded database for every server of the run: a tenant, its API keys, N leads.
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { migrate } from '../server/src/db/migrate.js';
import { ormOptions } from '../server/src/db/orm.config.js';
import { demoLeads } from '../server/src/db/seed.js';
import { ApiKeyScope, PrincipalKind } from '../server/src/modules/auth/auth.enums.js';
import { AuthService } from '../server/src/modules/auth/auth.service.js';
import { encodeCursor } from '../server/src/modules/leads/lead.cursor.js';
import { LeadOrder } from '../server/src/modules/leads/lead.types.js';
import { createTenant } from '../server/src/onboarding/create-tenant.js';
import { log } from './processes.js';
import { peerViewSql } from './sql.js';

/** The tables a run writes to: vacuumed by the bench, not by autovacuum. */
export const BENCH_WRITTEN_TABLES = ['lead', 'score_change', 'event', 'idempotency_key'] as const;

export interface Seeded {
  tenantId: string;
  /** WRITE key: pages and createLead */
  apiKey: string;
  /** READ keys for the live sockets (the app caps open sockets per credential) */
  readKeys: string[];
  /** the app's cursor of the row in the middle of the SCORE_DESC order, and that row's offset and id */
  deepCursor: string;
  deepOffset: number;
  deepId: string;
}

export async function seed(databaseUrl: string, leads: number, readKeys: number): Promise<Seeded> {
  const orm = await MikroORM.init(ormOptions(databaseUrl, { connect: true, logger: () => {} }));
  await migrate(orm, databaseUrl);
  const { tenant, admin } = await createTenant(orm.em.fork(), { name: 'Bench AG', adminEmail: 'bench@bench.example', adminName: 'Bench Admin', adminPassword: 'bench' });
  const em = orm.em.fork();
  em.setFilterParams('tenant', { tenantId: tenant.id });
  const auth = new AuthService(em);
  const principal = { kind: PrincipalKind.USER, id: admin.id, name: admin.name, tenantId: tenant.id };
  const { secret } = await auth.createApiKey(principal, 'bench', ApiKeyScope.WRITE);
  const reads: string[] = [];
  for (let i = 0; i < readKeys; i++) reads.push((await auth.createApiKey(principal, `bench live ${i}`, ApiKeyScope.READ)).secret);
  await orm.close();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const BATCH = 10_000;
  for (let offset = 0; offset < leads; offset += BATCH) {
    const rows = demoLeads(Math.min(BATCH, leads - offset), offset + 7);
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    await client.query(
      `insert into lead (id, tenant_id, name, company, email, phone, budget, company_size, industry, urgency, source, score, tier, score_breakdown,
         model_version, created_by_kind, created_by_id, created_by_name, created_at, updated_at)
       select gen_random_uuid(), $1, u.name, u.company, u.email, u.phone, u.budget, u.company_size, u.industry, u.urgency, u.source, u.score, u.tier,
         u.breakdown::jsonb, 1, 'USER', $2, 'Bench Admin', u.created_at, u.created_at
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::timestamptz[])
         as u(name, company, email, phone, budget, company_size, industry, urgency, source, score, tier, breakdown, created_at)`,
      [
        tenant.id, admin.id,
        column((r) => r.name), column((r) => r.company), column((r) => r.email), column((r) => r.phone), column((r) => r.budget),
        column((r) => r.companySize), column((r) => r.industry), column((r) => r.urgency), column((r) => r.source), column((r) => r.score),
        column((r) => r.tier), column((r) => JSON.stringify(r.scoreBreakdown)), column((r) => r.createdAt),
      ],
    );
  }
  // Autovacuum would start on the freshly written tables in the middle of some server's run (and
  // again once the creates have written enough), slowing whichever server it overlaps: the bench
  // vacuums them itself, before every measured run (see settle in leads.bench.ts), and off here.
  for (const table of BENCH_WRITTEN_TABLES) await client.query(`alter table ${table} set (autovacuum_enabled = false, toast.autovacuum_enabled = false)`);
  await client.query(`vacuum (analyze) ${BENCH_WRITTEN_TABLES.join(', ')}`);
  for (const statement of peerViewSql(tenant.id)) await client.query(statement);
  log(`seeded ${leads.toLocaleString('en')} leads and ${readKeys} READ keys in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const deepOffset = Math.floor(leads / 2);
  const middle = await client.query(
    `select id, score, created_at from lead where tenant_id = $1 order by score desc, created_at desc, id desc offset $2 limit 1`,
    [tenant.id, deepOffset],
  );
  await client.end();
  const row = middle.rows[0];
  const deepCursor = encodeCursor(LeadOrder.SCORE_DESC, { score: row.score, createdAt: new Date(row.created_at), id: row.id });
  return { tenantId: tenant.id, apiKey: secret, readKeys: reads, deepCursor, deepOffset, deepId: row.id };
}
