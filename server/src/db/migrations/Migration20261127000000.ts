import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event_consumer" ("name" varchar(100) not null, "position" bigint not null, "updated_at" timestamptz(3) not null, constraint "event_consumer_pkey" primary key ("name"));`);

    this.addSql(`create table "event" ("sequence" bigserial primary key, "id" uuid not null, "type" varchar(100) not null, "tenant_id" uuid null, "aggregate_id" uuid null, "payload" jsonb not null, "created_at" timestamptz(3) not null default now());`);
    this.addSql(`alter table "event" add constraint "event_id_unique" unique ("id");`);

    // Sequences handed out at insert commit in any order, so a reader of "sequence > N" could pass an
    // event whose transaction commits later with a smaller number. Instead each event gets its final
    // number while its transaction commits, under a lock held until the commit is visible: numbers
    // follow commit order, and once N is visible no smaller number can appear. The lock spans only
    // commits (deferred trigger), and PostgreSQL already serialises the commits of notifying
    // transactions in the same way. The wake-up carries the final number.
    this.addSql(`create function "event_commit_order"() returns trigger language plpgsql as $$
      declare
        committed bigint;
      begin
        perform pg_advisory_xact_lock(7310002);
        update "event" set "sequence" = nextval('event_sequence_seq') where "sequence" = new."sequence" returning "sequence" into committed;
        if committed is not null then
          perform pg_notify('events', committed::text);
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "event_commit_order" after insert on "event" deferrable initially deferred for each row execute function "event_commit_order"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_consumer" cascade;`);

    this.addSql(`drop table if exists "event" cascade;`);
    this.addSql(`drop function if exists "event_commit_order"();`);
  }

}
