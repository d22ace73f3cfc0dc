import { Migration } from '@mikro-orm/migrations';

/**
 * Working the lead: status, owner and outcome on the lead, its activities, score feedback, and the
 * tenant settings (SLA per tier, decay). Existing leads become NEW and unassigned; their idle clock
 * for decay starts now.
 */
export class Migration20261128100000 extends Migration {

  override async up(): Promise<void> {
    // the lead table may hold millions of rows: the new indexes take longer than the API's statement limit
    this.addSql(`set local statement_timeout = 0;`);

    this.addSql(`create table "tenant_settings" ("tenant_id" uuid not null, "sla_hot_minutes" int null default 60, "sla_key_account_minutes" int null default 240, "sla_warm_minutes" int null default 2880, "sla_cold_minutes" int null, "decay_enabled" boolean not null default false, "decay_points" smallint not null default 5, "decay_every_days" smallint not null default 30, "decay_floor" smallint not null default 0, "updated_at" timestamptz(3) not null, constraint "tenant_settings_pkey" primary key ("tenant_id"));`);
    this.addSql(`alter table "tenant_settings" add constraint "tenant_settings_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "score_feedback" ("id" uuid not null, "tenant_id" uuid not null, "lead_id" uuid not null, "user_id" uuid not null, "verdict" text check ("verdict" in ('ACCURATE', 'TOO_HIGH', 'TOO_LOW')) not null, "comment" varchar(1000) null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), constraint "score_feedback_pkey" primary key ("id"));`);
    this.addSql(`create index "score_feedback_tenant_verdict_idx" on "score_feedback" ("tenant_id", "verdict");`);
    this.addSql(`alter table "score_feedback" add constraint "score_feedback_lead_user_unique" unique ("lead_id", "user_id");`);
    this.addSql(`alter table "score_feedback" add constraint "score_feedback_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_feedback" add constraint "score_feedback_lead_id_foreign" foreign key ("lead_id") references "lead" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_feedback" add constraint "score_feedback_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "lead_activity" ("id" bigserial primary key, "tenant_id" uuid not null, "lead_id" uuid not null, "kind" text check ("kind" in ('STATUS_CHANGED', 'ASSIGNED', 'FEEDBACK')) not null, "actor_kind" text check ("actor_kind" in ('USER', 'API_KEY')) not null, "actor_id" uuid not null, "actor_name" varchar(200) not null, "from_status" text check ("from_status" in ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST')) null, "to_status" text check ("to_status" in ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST')) null, "owner_id" uuid null, "owner_name" varchar(200) null, "feedback" text check ("feedback" in ('ACCURATE', 'TOO_HIGH', 'TOO_LOW')) null, "comment" varchar(1000) null, "deal_value" numeric(14,2) null, "lost_reason" text check ("lost_reason" in ('NO_BUDGET', 'NO_NEED', 'COMPETITOR', 'NO_RESPONSE', 'BAD_FIT', 'OTHER')) null, "created_at" timestamptz(3) not null default now());`);
    this.addSql(`create index "lead_activity_tenant_lead_idx" on "lead_activity" ("tenant_id", "lead_id", "id");`);
    this.addSql(`alter table "lead_activity" add constraint "lead_activity_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lead_activity" add constraint "lead_activity_lead_id_foreign" foreign key ("lead_id") references "lead" ("id") on update cascade on delete cascade;`);

    // constant defaults: PostgreSQL adds these columns without rewriting the table
    this.addSql(`alter table "lead" add column "status" text check ("status" in ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST')) not null default 'NEW', add column "owner_id" uuid null, add column "owner_name" varchar(200) null, add column "contacted_at" timestamptz(3) null, add column "closed_at" timestamptz(3) null, add column "deal_value" numeric(14,2) null, add column "lost_reason" text check ("lost_reason" in ('NO_BUDGET', 'NO_NEED', 'COMPETITOR', 'NO_RESPONSE', 'BAD_FIT', 'OTHER')) null, add column "sla_breached_at" timestamptz(3) null, add column "last_activity_at" timestamptz(3) not null default now(), add column "decayed_at" timestamptz(3) null;`);
    this.addSql(`alter table "lead" add constraint "lead_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "lead_tenant_status_score_idx" on "lead" ("tenant_id", "status", "score", "created_at", "id");`);
    this.addSql(`create index "lead_tenant_owner_score_idx" on "lead" ("tenant_id", "owner_id", "score", "created_at", "id");`);
    this.addSql(`create index "lead_sla_pending_idx" on "lead" ("tier", "created_at") where "status" = 'NEW' and "sla_breached_at" is null;`);
    this.addSql(`create index "lead_sla_breached_idx" on "lead" ("tier", "tenant_id", "created_at") where "status" = 'NEW' and "sla_breached_at" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`drop index if exists "lead_sla_breached_idx";`);
    this.addSql(`drop index if exists "lead_sla_pending_idx";`);
    this.addSql(`drop index if exists "lead_tenant_owner_score_idx";`);
    this.addSql(`drop index if exists "lead_tenant_status_score_idx";`);
    this.addSql(`alter table "lead" drop constraint if exists "lead_owner_id_foreign";`);
    this.addSql(`alter table "lead" drop column "status", drop column "owner_id", drop column "owner_name", drop column "contacted_at", drop column "closed_at", drop column "deal_value", drop column "lost_reason", drop column "sla_breached_at", drop column "last_activity_at", drop column "decayed_at";`);
    this.addSql(`drop table if exists "lead_activity" cascade;`);
    this.addSql(`drop table if exists "score_feedback" cascade;`);
    this.addSql(`drop table if exists "tenant_settings" cascade;`);
  }

}
