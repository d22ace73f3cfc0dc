import { Migration } from '@mikro-orm/migrations';

export class Migration20261126071000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("tenant_id" uuid not null, "key" varchar(200) not null, "operation" text check ("operation" in ('CREATE_LEAD', 'UPDATE_LEAD')) not null, "request_hash" varchar(64) not null, "lead_id" uuid not null, "created_at" timestamptz(3) not null, constraint "idempotency_key_pkey" primary key ("tenant_id", "key"));`);
    this.addSql(`create index "idempotency_key_tenant_created_idx" on "idempotency_key" ("tenant_id", "created_at");`);

    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_lead_id_foreign" foreign key ("lead_id") references "lead" ("id") on update cascade on delete cascade deferrable initially deferred;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }

}
