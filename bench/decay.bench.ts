// Score decay benchmark (`npm run bench -- --only decay`, at --leads N): the nightly decay job
// (decayScores: batches of 1,000 leads in a transaction each, every lead with its ledger row and
// lead.scored event) over every lead of the seeded tenant, all made idle, beside its floor: the same
// rows written by one statement in one transaction (no batches, no skip-locked rows, no experiment
// arm, thresholds written in). Runs go app, floor, floor, app, each from the same starting state;
// the app's outbox consumers (running in the app process the runner started) catch up before each.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormOptions } from '../server/src/db/orm.config.js';
import { TENANT_FILTER } from '../server/src/kernel/tenant-scope.js';
import { LEAD_SCORED_EVENT, leadRecordSql } from '../server/src/modules/leads/lead.events.js';
import { decayScores } from '../server/src/modules/lifecycle/decay.job.js';
import { OPEN_STATUSES } from '../server/src/modules/lifecycle/lifecycle.enums.js';
import { SYSTEM_ACTOR } from '../server/src/modules/scoring/score-ledger.js';
import { log, now } from './processes.js';

export interface DecayBenchOptions {
  databaseUrl: string;
  tenantId: string;
  leads: number;
}

/** Every seeded lead scores at least 15: with floor 0, each one loses points. */
const RULE = { enabled: true, points: 10, everyDays: 14, floor: 0 };

/** The floor: the job's writes in one statement, as plainly as SQL allows. */
function floorSql(record: string): string {
  return `with batch as (
      select id, score as old_score, tier as old_tier from lead
       where tenant_id = $1 and status = any($2::text[]) and score > $3
         and last_activity_at < now() - make_interval(days => $5) and (decayed_at is null or decayed_at < now() - make_interval(days => $5))
       for update
    ), updated as (
      update lead l set score = greatest($3, l.score - $4),
             tier = case when greatest($3, l.score - $4) >= 85 then 'HOT' when greatest($3, l.score - $4) >= 70 then 'KEY_ACCOUNT'
                         when greatest($3, l.score - $4) >= 40 then 'WARM' else 'COLD' end,
             decayed_at = now(), updated_at = now()
        from batch b where l.id = b.id
      returning l.*, b.old_score, b.old_tier
    ), ledger as (
      insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id)
      select tenant_id, id, old_score, score, old_tier, tier, model_version, 'DECAYED', '${SYSTEM_ACTOR.kind}', null from updated
    )
    insert into event (id, type, tenant_id, aggregate_id, payload)
    select gen_random_uuid(), '${LEAD_SCORED_EVENT}', u.tenant_id, u.id,
           jsonb_build_object('reason', 'DECAYED', 'previousScore', u.old_score, 'lead', ${record})
      from updated u order by u.id`;
}

/** Waits until every durable consumer has passed the newest event (the app handles what a run wrote). */
async function consumersCaughtUp(client: pg.Client, maxMs = 300_000): Promise<number> {
  const started = now();
  for (;;) {
    const { rows: [row] } = await client.query(
      `select (select coalesce(max(sequence), 0) from event) as high, (select coalesce(min(position), 0) from event_consumer) as low`,
    );
    if (Number(row.low) >= Number(row.high)) return now() - started;
    if (now() - started > maxMs) throw new Error(`the app's consumers are still at ${row.low} of ${row.high} after ${maxMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs the scenario and returns the lines of its report. */
export async function benchDecay({ databaseUrl, tenantId, leads }: DecayBenchOptions): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const orm = await MikroORM.init(ormOptions(databaseUrl, { connect: true, logger: () => {} }));
  try {
    await client.query('set statement_timeout = 0');
    // idle for a month, never decayed: every open lead is due; the state each run starts from is kept.
    // Past their SLA already marked: the app's minute sweep would otherwise mark the seeded NEW leads
    // meanwhile, and decay passes over the rows it holds (skip locked: they wait for the next night)
    await client.query(
      `update lead set last_activity_at = now() - interval '30 days', decayed_at = null,
              sla_breached_at = case when status = 'NEW' then coalesce(sla_breached_at, now()) else sla_breached_at end
        where tenant_id = $1`,
      [tenantId],
    );
    await client.query(`create table bench_decay_start as select id, score, tier, updated_at from lead where tenant_id = $1`, [tenantId]);
    const due = Number((await client.query(`select count(*) from lead where tenant_id = $1 and status = any($2::text[])`, [tenantId, `{${OPEN_STATUSES.join(',')}}`])).rows[0].count);
    const record = leadRecordSql(orm.em.fork(), 'u');

    const reset = async () => {
      await consumersCaughtUp(client);
      const { rows: [{ high }] } = await client.query('select coalesce(max(sequence), 0) as high from event');
      await client.query(
        `update lead l set score = s.score, tier = s.tier, decayed_at = null, updated_at = s.updated_at from bench_decay_start s where l.id = s.id and l.decayed_at is not null`,
      );
      await client.query(`delete from score_change where tenant_id = $1 and reason = 'DECAYED'`, [tenantId]);
      await client.query(`vacuum (analyze) lead, score_change, event`);
      return Number(high);
    };
    const check = async (what: string, high: number) => {
      const { rows: [row] } = await client.query(
        `select (select count(*) from lead where tenant_id = $1 and decayed_at is not null) as leads,
                (select count(*) from score_change where tenant_id = $1 and reason = 'DECAYED') as ledger,
                (select count(*) from event where sequence > $2 and type = $3 and payload->>'reason' = 'DECAYED') as events`,
        [tenantId, high, LEAD_SCORED_EVENT],
      );
      const counts = [row.leads, row.ledger, row.events].map(Number);
      if (counts.some((n) => n !== due)) throw new Error(`${what} wrote ${counts.join(' / ')} leads / ledger rows / events, not ${due} each`);
    };

    const runs: Array<{ kind: 'app' | 'floor'; ms: number; caughtUpMs: number }> = [];
    for (const kind of ['app', 'floor', 'floor', 'app'] as const) {
      const high = await reset();
      const started = now();
      if (kind === 'app') {
        const em = orm.em.fork();
        em.setFilterParams(TENANT_FILTER, { tenantId });
        const decayed = await decayScores(em, tenantId, RULE);
        if (decayed !== due) throw new Error(`decayScores decayed ${decayed} of ${due} leads`);
      } else {
        await client.query('begin');
        await client.query(floorSql(record), [tenantId, `{${OPEN_STATUSES.join(',')}}`, RULE.floor, RULE.points, RULE.everyDays]);
        await client.query('commit');
      }
      const ms = now() - started;
      await check(kind, high);
      // what the app's consumers (dashboard rollups, the relay) then take to handle the run's events
      const caughtUpMs = await consumersCaughtUp(client);
      runs.push({ kind, ms, caughtUpMs });
      log(`decay, ${kind}: ${due.toLocaleString('en')} leads in ${(ms / 1000).toFixed(1)} s; consumers caught up ${(caughtUpMs / 1000).toFixed(1)} s later`);
    }
    await reset();
    await client.query('drop table bench_decay_start');

    const rate = (kind: 'app' | 'floor') => {
      const mine = runs.filter((r) => r.kind === kind);
      return (due * mine.length) / (mine.reduce((sum, r) => sum + r.ms, 0) / 1000);
    };
    const seconds = (kind: 'app' | 'floor') => runs.filter((r) => r.kind === kind).map((r) => (r.ms / 1000).toFixed(1)).join(' / ');
    const after = (kind: 'app' | 'floor') => runs.filter((r) => r.kind === kind).map((r) => (r.caughtUpMs / 1000).toFixed(1)).join(' / ');
    return [
      `Score decay — ${due.toLocaleString('en')} open leads of ${leads.toLocaleString('en')} due (each with its ledger row and lead.scored event); runs app, floor, floor, app`,
      '',
      '| | seconds per run | leads/s | consumers caught up after (s) |',
      '|---|---:|---:|---:|',
      `| app (decayScores: 1,000 leads per transaction) | ${seconds('app')} | ${Math.round(rate('app')).toLocaleString('en')} | ${after('app')} |`,
      `| floor (one statement, one transaction) | ${seconds('floor')} | ${Math.round(rate('floor')).toLocaleString('en')} | ${after('floor')} |`,
      `| app ÷ floor | | ${(rate('app') / rate('floor')).toFixed(2)}x | |`,
    ];
  } finally {
    await orm.close();
    await client.end();
  }
}
