import { Migration } from '@mikro-orm/migrations';

export class Migration20261126005449 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tenant" ("id" uuid not null, "name" varchar(200) not null, "created_at" timestamptz(3) not null, constraint "tenant_pkey" primary key ("id"));`);

    this.addSql(`create table "scoring_model" ("id" uuid not null, "tenant_id" uuid not null, "version" int not null, "definition" jsonb not null, "active" boolean not null default true, "created_at" timestamptz(3) not null, constraint "scoring_model_pkey" primary key ("id"));`);
    this.addSql(`alter table "scoring_model" add constraint "scoring_model_tenant_id_version_unique" unique ("tenant_id", "version");`);

    this.addSql(`create table "lead" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(200) not null, "company" varchar(200) not null, "email" varchar(320) null, "phone" varchar(40) null, "budget" text check ("budget" in ('UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'OVER_100K')) not null, "company_size" text check ("company_size" in ('SIZE_1_10', 'SIZE_11_50', 'SIZE_51_200', 'SIZE_201_1000', 'SIZE_OVER_1000')) not null, "industry" text check ("industry" in ('SOFTWARE', 'FINANCE', 'MANUFACTURING', 'HEALTHCARE', 'RETAIL', 'EDUCATION', 'OTHER')) not null, "urgency" text check ("urgency" in ('IMMEDIATELY', 'THIS_WEEK', 'THIS_MONTH', 'THIS_QUARTER', 'NO_TIMELINE')) not null, "source" text check ("source" in ('WEBSITE', 'REFERRAL', 'EVENT', 'OUTBOUND', 'PARTNER', 'ADVERTISING', 'OTHER')) not null, "score" smallint not null, "tier" text check ("tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) not null, "score_breakdown" jsonb not null, "model_version" int not null, "created_by_kind" text check ("created_by_kind" in ('USER', 'API_KEY')) not null, "created_by_id" uuid not null, "created_by_name" varchar(200) not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "lead_pkey" primary key ("id"));`);
    this.addSql(`create index "lead_tenant_created_idx" on "lead" ("tenant_id", "created_at", "id");`);
    this.addSql(`create index "lead_tenant_score_idx" on "lead" ("tenant_id", "score", "created_at", "id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "tenant_id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "role" text check ("role" in ('ADMIN', 'REP')) not null default 'REP', "password_hash" varchar(200) not null, "created_at" timestamptz(3) not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null, constraint "session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(200) not null, "scope" text check ("scope" in ('READ', 'WRITE')) not null, "prefix" varchar(32) not null, "secret_hash" varchar(64) not null, "created_by_id" uuid null, "created_at" timestamptz(3) not null, "revoked_at" timestamptz(3) null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "scoring_model" add constraint "scoring_model_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "lead" add constraint "lead_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

}
