import { Migration } from '@mikro-orm/migrations';

const commitOrder = (notice: string) => `create or replace function "event_commit_order"() returns trigger language plpgsql as $$
      declare
        committed bigint;
      begin
        perform pg_advisory_xact_lock(7310002);
        update "event" set "sequence" = nextval('event_sequence_seq') where "sequence" = new."sequence" returning "sequence" into committed;
        if committed is not null then
          perform pg_notify('events', ${notice});
        end if;
        return null;
      end $$;`;

/**
 * The outbox's wake-up names the event's type after its number ("42 lead.scored"), so a process
 * wakes only the consumers of that type: a created lead no longer sets every consumer of the
 * process reading the outbox. Processes of the previous release read such a notice as no number:
 * they still wake, and catch up by their poll.
 */
export class Migration20261128600000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(commitOrder(`committed::text || ' ' || new."type"`));
  }

  override async down(): Promise<void> {
    this.addSql(commitOrder('committed::text'));
  }
}
