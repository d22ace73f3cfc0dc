import { Migration } from '@mikro-orm/migrations';

/** Team management: the MANAGER role, deactivated users, password changes. */
export class Migration20261128200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint if exists "app_user_role_check";`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check("role" in ('ADMIN', 'MANAGER', 'REP'));`);
    this.addSql(`alter table "app_user" add column "active" boolean not null default true, add column "deactivated_at" timestamptz(3) null, add column "password_changed_at" timestamptz(3) null;`);
    this.addSql(`create index "app_user_tenant_id_role_index" on "app_user" ("tenant_id", "role");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "session_user_id_index";`);
    this.addSql(`drop index if exists "app_user_tenant_id_role_index";`);
    this.addSql(`alter table "app_user" drop column "active", drop column "deactivated_at", drop column "password_changed_at";`);
    this.addSql(`update "app_user" set "role" = 'REP' where "role" = 'MANAGER';`);
    this.addSql(`alter table "app_user" drop constraint if exists "app_user_role_check";`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check("role" in ('ADMIN', 'REP'));`);
  }

}
