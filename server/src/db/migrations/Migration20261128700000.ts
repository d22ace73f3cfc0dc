import { Migration } from '@mikro-orm/migrations';

/**
 * Rescoring, stopping an experiment and score decay take one tenant's leads in batches by id
 * (`where tenant_id = ? and id > ? order by id`): with no index starting (tenant_id, id) PostgreSQL
 * walked the primary key through every tenant's leads, throwing the others away; an empty last
 * batch read the whole table.
 */
export class Migration20261128700000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "lead_tenant_id_idx" on "lead" ("tenant_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "lead_tenant_id_idx";`);
  }
}
