import { Migration } from '@mikro-orm/migrations';

/**
 * A/B tests of scoring models: the experiments, each lead's arm and its score under both models, and
 * the shadow ledger of the score its other arm would have given it. New tables only.
 */
export class Migration20261128400000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "experiment" ("id" uuid not null, "tenant_id" uuid not null, "status" text check ("status" in ('RUNNING', 'FINISHED')) not null default 'RUNNING', "control_model_id" uuid not null, "control_version" int not null, "control_definition" jsonb not null, "challenger_model_id" uuid not null, "challenger_version" int not null, "challenger_definition" jsonb not null, "split" double precision not null, "outcome_window_days" int not null, "minimum_detectable_effect" double precision not null, "baseline_rate" double precision not null, "planned_control_outcomes" int not null, "planned_challenger_outcomes" int not null, "started_at" timestamptz(3) not null, "started_by_id" uuid null, "started_by_name" varchar(200) null, "finished_at" timestamptz(3) null, "finished_by_name" varchar(200) null, "end_reason" varchar(300) null, constraint "experiment_pkey" primary key ("id"));`);
    this.addSql(`create unique index "experiment_one_running_per_tenant" on "experiment" ("tenant_id") where "status" = 'RUNNING';`);
    this.addSql(`create index "experiment_tenant_started_idx" on "experiment" ("tenant_id", "started_at");`);

    this.addSql(`create table "lead_experiment" ("lead_id" uuid not null, "tenant_id" uuid not null, "experiment_id" uuid not null, "arm" text check ("arm" in ('CONTROL', 'CHALLENGER')) not null, "control_score" smallint not null, "control_tier" text check ("control_tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) not null, "challenger_score" smallint not null, "challenger_tier" text check ("challenger_tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) not null, "assigned_at" timestamptz(3) not null default now(), constraint "lead_experiment_pkey" primary key ("lead_id"));`);
    this.addSql(`create index "lead_experiment_tenant_experiment_idx" on "lead_experiment" ("tenant_id", "experiment_id", "arm");`);

    this.addSql(`create table "experiment_score_change" ("id" bigserial primary key, "tenant_id" uuid not null, "experiment_id" uuid not null, "lead_id" uuid not null, "model_version" int not null, "old_score" smallint null, "new_score" smallint not null, "old_tier" text check ("old_tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) null, "new_tier" text check ("new_tier" in ('HOT', 'KEY_ACCOUNT', 'WARM', 'COLD')) not null, "reason" text check ("reason" in ('CREATED', 'UPDATED', 'RESCORED', 'DECAYED')) not null, "created_at" timestamptz(3) not null default now());`);
    this.addSql(`create index "experiment_score_change_tenant_lead_idx" on "experiment_score_change" ("tenant_id", "lead_id", "id");`);

    this.addSql(`alter table "experiment" add constraint "experiment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "lead_experiment" add constraint "lead_experiment_lead_id_foreign" foreign key ("lead_id") references "lead" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lead_experiment" add constraint "lead_experiment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lead_experiment" add constraint "lead_experiment_experiment_id_foreign" foreign key ("experiment_id") references "experiment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "experiment_score_change" add constraint "experiment_score_change_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "experiment_score_change" add constraint "experiment_score_change_experiment_id_foreign" foreign key ("experiment_id") references "experiment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "experiment_score_change" add constraint "experiment_score_change_lead_id_foreign" foreign key ("lead_id") references "lead" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "lead_experiment" drop constraint "lead_experiment_experiment_id_foreign";`);

    this.addSql(`alter table "experiment_score_change" drop constraint "experiment_score_change_experiment_id_foreign";`);

    this.addSql(`drop table if exists "experiment" cascade;`);

    this.addSql(`drop table if exists "lead_experiment" cascade;`);

    this.addSql(`drop table if exists "experiment_score_change" cascade;`);
  }

}
