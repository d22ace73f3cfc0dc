import { Migration } from '@mikro-orm/migrations';

/** Scoring models as a product: version statuses, the score ledger, rescoring jobs. */
export class Migration20261128000000 extends Migration {

  override async up(): Promise<void> {
    // status replaces active: the highest active version of each tenant stays ACTIVE, every other version is RETIRED
    this.addSql(`alter table "scoring_model" add column "status" text check ("status" in ('DRAFT', 'ACTIVE', 'RETIRED')) not null default 'RETIRED', add column "comment" text null, add column "created_by_id" uuid null, add column "created_by_name" varchar(200) null, add column "published_at" timestamptz(3) null, add column "published_by_id" uuid null, add column "published_by_name" varchar(200) null;`);
    this.addSql(`update "scoring_model" m set "status" = 'ACTIVE', "published_at" = m."created_at" where m."active" and m."version" = (select max(o."version") from "scoring_model" o where o."tenant_id" = m."tenant_id" and o."active");`);
    this.addSql(`alter table "scoring_model" alter column "status" set default 'DRAFT';`);
    this.addSql(`alter table "scoring_model" drop column "active";`);
    this.addSql(`create unique index "scoring_model_one_active_per_tenant" on "scoring_model" ("tenant_id") where "status" = 'ACTIVE';`);

    this.addSql(`create table "score_change" ("id" bigserial primary key, "tenant_id" uuid not null, "lead_id" uuid not null, "old_score" smallint null, "new_score" smallint not null, "old_tier" text check ("old_tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) null, "new_tier" text check ("new_tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) not null, "model_version" int not null, "reason" text check ("reason" in ('CREATED', 'UPDATED', 'RESCORED', 'DECAYED')) not null, "actor_kind" varchar(20) not null, "actor_id" uuid null, "created_at" timestamptz(3) not null default now());`);
    this.addSql(`create index "score_change_tenant_lead_idx" on "score_change" ("tenant_id", "lead_id", "id");`);
    this.addSql(`alter table "score_change" add constraint "score_change_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_change" add constraint "score_change_lead_id_foreign" foreign key ("lead_id") references "lead" ("id") on update cascade on delete cascade;`);
    // append-only: a change, once recorded, is history (rows go only with their lead or tenant)
    this.addSql(`create function "score_change_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'score_change is append-only';
      end $$;`);
    this.addSql(`create trigger "score_change_append_only" before update on "score_change" for each row execute function "score_change_append_only"();`);

    this.addSql(`create table "rescoring_job" ("id" uuid not null, "tenant_id" uuid not null, "model_id" uuid not null, "model_version" int not null, "state" text check ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')) not null default 'QUEUED', "total" int not null, "done" int not null default 0, "position" uuid null, "sweeping" boolean not null default false, "attempts" int not null default 0, "actor_id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "started_at" timestamptz(3) null, "finished_at" timestamptz(3) null, "error" text null, constraint "rescoring_job_pkey" primary key ("id"));`);
    this.addSql(`create index "rescoring_job_tenant_created_idx" on "rescoring_job" ("tenant_id", "created_at");`);
    this.addSql(`alter table "rescoring_job" add constraint "rescoring_job_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "rescoring_job" add constraint "rescoring_job_model_id_foreign" foreign key ("model_id") references "scoring_model" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rescoring_job" cascade;`);
    this.addSql(`drop table if exists "score_change" cascade;`);
    this.addSql(`drop function if exists "score_change_append_only"();`);
    this.addSql(`drop index if exists "scoring_model_one_active_per_tenant";`);
    this.addSql(`alter table "scoring_model" add column "active" boolean not null default false;`);
    this.addSql(`update "scoring_model" set "active" = ("status" = 'ACTIVE');`);
    this.addSql(`alter table "scoring_model" drop column "status", drop column "comment", drop column "created_by_id", drop column "created_by_name", drop column "published_at", drop column "published_by_id", drop column "published_by_name";`);
  }

}
